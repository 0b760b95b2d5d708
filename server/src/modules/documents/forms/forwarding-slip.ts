import type { IssuingUnit } from '../documents.types';
import { vnDateTime } from '../format';
import { field, finish, header, newDocument, paragraph, signatures, title } from '../pdf-layout';
import { TEMPLATE_SETS } from '../templates';

export type ForwardingSlipData = {
  issuer: IssuingUnit;
  reference: string;
  forwardedAt: Date;
  receivedAt: Date;
  to: string;
  sender: string | null;
  kind: 'question' | 'complaint';
  content: string;
  reason: string | null;
  answerDueAt: Date;
};

/**
 * Phiếu chuyển phản ánh, kiến nghị (ND 20/2008 Đ9; issue 16): feedback outside the receiving agency's competence,
 * forwarded to the competent agency, which answers it by the new due time. Not one of the circular's numbered forms.
 */
export async function renderForwardingSlip(data: ForwardingSlipData): Promise<Buffer> {
  const name = 'PHIẾU CHUYỂN PHẢN ÁNH, KIẾN NGHỊ';
  const doc = newDocument(`${name} – ${data.reference}`);
  header(doc, {
    set: TEMPLATE_SETS['tt01-2018'],
    template: { number: '', title: name },
    issuer: data.issuer,
    documentNumber: data.reference,
    date: data.forwardedAt,
  });
  title(doc, name, `Số tiếp nhận: ${data.reference}`);
  field(doc, 'Kính gửi', data.to);
  doc.moveDown(0.3);
  paragraph(
    doc,
    `Vào lúc ${vnDateTime(data.receivedAt)}, ${data.issuer.agency} tiếp nhận ` +
      `${data.kind === 'complaint' ? 'phản ánh, kiến nghị' : 'câu hỏi'} của ${data.sender ?? 'người gửi không nêu tên'} ` +
      'với nội dung sau:',
  );
  paragraph(doc, `“${data.content}”`, 'italic', 18);
  doc.moveDown(0.2);
  paragraph(
    doc,
    `Nội dung trên không thuộc thẩm quyền giải quyết của ${data.issuer.agency}` +
      (data.reason ? ` (${data.reason})` : '') +
      `. Căn cứ Nghị định số 20/2008/NĐ-CP, ${data.issuer.agency} chuyển đến ${data.to} để xem xét, ` +
      `xử lý và trả lời người gửi trước ${vnDateTime(data.answerDueAt)}; đồng thời đã thông báo cho người gửi biết.`,
  );
  signatures(doc, [{ role: 'THỦ TRƯỞNG CƠ QUAN', note: '(Ký, ghi rõ họ tên và đóng dấu)' }]);
  return finish(doc);
}
