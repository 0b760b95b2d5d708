import type { ResultDocumentData } from '../documents.types';
import { vnDateTime } from '../format';
import { applicantIdLabel } from '../labels';
import {
  contentWidth,
  field,
  finish,
  header,
  left,
  newDocument,
  paragraph,
  signatures,
  title,
  sz,
} from '../pdf-layout';
import { qrPng } from '../qr';
import type { TemplateSet } from '../templates';

const QR_SIZE = 84;
const GENERIC = 'THÔNG BÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';

/**
 * The result of a procedure generated from its template: a granted result is titled by the procedure's result (the
 * licence, the certificate…), a refusal is a notice of the result; the QR leads to the public page that confirms it.
 */
export async function renderResultDocument(data: ResultDocumentData, set: TemplateSet): Promise<Buffer> {
  const heading = data.kind === 'granted' && data.resultName ? data.resultName.toUpperCase() : GENERIC;
  const doc = newDocument(`${heading} – ${data.dossierCode}`, { official: true });
  // A result is the agency's own document, not a one-stop form: no form number, issued by the agency (not its desk).
  header(doc, {
    set,
    template: { number: '', title: heading },
    issuer: { ...data.issuer, desk: '' },
    documentNumber: data.documentNumber,
    date: data.issuedAt,
  });
  title(doc, heading, `Mã hồ sơ: ${data.dossierCode}`);
  field(doc, 'Tổ chức, cá nhân', data.applicant.name);
  field(doc, applicantIdLabel(data.applicant), data.applicant.idNumber);
  field(doc, 'Địa chỉ', data.applicant.address);
  field(doc, 'Nội dung yêu cầu giải quyết', data.procedureName);
  doc.moveDown(0.3);
  paragraph(
    doc,
    `Căn cứ hồ sơ mã số ${data.dossierCode} được tiếp nhận vào lúc ${vnDateTime(data.receivedAt)} ` +
      `và kết quả thẩm định hồ sơ, ${data.issuer.agency} quyết định:`,
  );
  doc.moveDown(0.2);
  paragraph(
    doc,
    data.kind === 'granted'
      ? 'CHẤP THUẬN giải quyết thủ tục hành chính theo đề nghị của tổ chức, cá nhân.'
      : 'KHÔNG CHẤP THUẬN giải quyết thủ tục hành chính theo đề nghị của tổ chức, cá nhân.',
    'bold',
  );
  paragraph(doc, `${data.kind === 'granted' ? 'Nội dung' : 'Lý do'}: ${data.summary}`, 'regular', 14);
  if (data.correctionReason) {
    paragraph(
      doc,
      `Văn bản này thay thế kết quả đã cấp trước đó. Lý do đính chính: ${data.correctionReason}`,
      'italic',
    );
  }
  doc.moveDown(0.5);

  const x0 = left(doc);
  const y = doc.y;
  doc.image(await qrPng(data.verifyUrl), x0, y, { width: QR_SIZE, height: QR_SIZE });
  doc
    .font('italic')
    .fontSize(sz(doc).small)
    .text(
      `Quét mã QR hoặc truy cập ${data.verifyUrl} để xác thực chữ ký số và kiểm tra kết quả giải quyết hồ sơ.`,
      x0 + QR_SIZE + 10,
      y + 10,
      { width: contentWidth(doc) - QR_SIZE - 10 },
    )
    .fontSize(sz(doc).body);
  doc.x = x0;
  doc.y = Math.max(doc.y, y + QR_SIZE + 6);
  signatures(doc, [
    {
      role: (data.signer.title ?? 'THỦ TRƯỞNG CƠ QUAN').toUpperCase(),
      name: data.signer.name,
      note: data.signed ? '(Đã ký số)' : '(Chưa ký số)',
    },
  ]);
  return finish(doc);
}
