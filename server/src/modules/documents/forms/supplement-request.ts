import { applicantIdLabel } from '../labels';
import type { SupplementRequestData } from '../documents.types';
import {
  contentWidth,
  field,
  finish,
  header,
  left,
  newDocument,
  paragraph,
  signatures,
  table,
  title,
} from '../pdf-layout';
import { formTemplate, type TemplateSet } from '../templates';

/** Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: every missing or defective component, in one request. */
export async function renderSupplementRequest(
  data: SupplementRequestData,
  set: TemplateSet,
): Promise<Buffer> {
  if (data.items.length === 0) throw new Error('A supplement request lists at least one component');
  const template = formTemplate(set, 'supplement_request');
  const doc = newDocument(`${template.title}${data.dossierCode ? ` – ${data.dossierCode}` : ''}`);
  header(doc, {
    set,
    template,
    issuer: data.issuer,
    documentNumber: data.documentNumber,
    date: data.issuedAt,
  });
  title(doc, template.title, data.dossierCode ? `Mã hồ sơ: ${data.dossierCode}` : undefined);

  field(doc, 'Hồ sơ của', data.applicant.name);
  field(doc, applicantIdLabel(data.applicant), data.applicant.idNumber);
  field(doc, 'Nội dung yêu cầu giải quyết', data.procedureName);
  field(doc, 'Địa chỉ', data.applicant.address);
  field(doc, 'Số điện thoại', data.applicant.phone);
  field(doc, 'Email', data.applicant.email);
  doc.moveDown(0.4);
  if (data.duringProcessing) {
    const p = data.duringProcessing;
    paragraph(
      doc,
      `Qua thẩm định hồ sơ, ${p.agency} (người xử lý: ${p.handler}) đề nghị bổ sung, hoàn thiện hồ sơ. ` +
        `${data.issuer.desk} gửi phiếu này đến ông/bà; thời gian giải quyết hồ sơ được tính lại từ đầu ` +
        'kể từ khi nhận đủ hồ sơ bổ sung, hoàn thiện.',
    );
    doc.moveDown(0.3);
  }
  doc.font('bold').text('Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:', left(doc), doc.y);
  doc.font('regular').moveDown(0.2);
  const width = contentWidth(doc);
  table(
    doc,
    [
      { header: 'STT', width: 34, align: 'center' },
      { header: 'Thành phần hồ sơ', width: (width - 34) * 0.32 },
      { header: 'Lý do', width: (width - 34) * 0.3 },
      { header: 'Hướng dẫn bổ sung, hoàn thiện', width: (width - 34) * 0.38 },
    ],
    data.items.map((item, i) => [String(i + 1), item.component, item.reason, item.guidance]),
  );
  const contact = data.contact ?? { name: data.officer.name, phone: data.officer.phone };
  paragraph(
    doc,
    `Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ với ${contact.name}` +
      `${contact.phone ? `, số điện thoại ${contact.phone}` : ''} để được hướng dẫn./.`,
    'italic',
  );
  signatures(doc, [{ role: 'NGƯỜI HƯỚNG DẪN', name: data.officer.name }]);
  return finish(doc);
}
