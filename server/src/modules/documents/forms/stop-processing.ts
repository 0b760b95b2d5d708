import { applicantIdLabel } from '../labels';
import type { StopProcessingData } from '../documents.types';
import { vnDateTime } from '../format';
import { field, finish, header, left, newDocument, paragraph, signatures, title } from '../pdf-layout';
import { formTemplate, type TemplateSet } from '../templates';

/**
 * TT 03/2025 — notice that processing stopped at the applicant's request (the form TT 01/2018 lacked; ND 45/2020 Đ12
 * and ND 118/2025 let the applicant withdraw). Rendering it with the TT 01/2018 set fails: that set has no such form.
 */
export async function renderStopProcessing(data: StopProcessingData, set: TemplateSet): Promise<Buffer> {
  const template = formTemplate(set, 'stop_processing');
  const doc = newDocument(`${template.title} – ${data.dossierCode}`);
  header(doc, {
    set,
    template,
    issuer: data.issuer,
    documentNumber: data.documentNumber,
    date: data.issuedAt,
  });
  title(doc, template.title, `Mã hồ sơ: ${data.dossierCode}`);

  field(doc, 'Kính gửi', data.applicant.name);
  field(doc, applicantIdLabel(data.applicant), data.applicant.idNumber);
  field(doc, 'Địa chỉ', data.applicant.address);
  doc.moveDown(0.3);
  paragraph(
    doc,
    `Vào lúc ${vnDateTime(data.receivedAt)}, ${data.issuer.desk} đã tiếp nhận hồ sơ của ông/bà, ` +
      `mã hồ sơ ${data.dossierCode}, về việc: ${data.procedureName}.`,
  );
  paragraph(
    doc,
    `Vào lúc ${vnDateTime(data.requestedAt)}, ông/bà đã đề nghị dừng giải quyết hồ sơ nêu trên` +
      `${data.reason ? ` với lý do: ${data.reason}` : ''}.`,
  );
  doc.moveDown(0.2);
  paragraph(
    doc,
    `${data.issuer.agency} thông báo dừng giải quyết hồ sơ theo đề nghị của ông/bà. ` +
      'Giấy tờ bản chính trong hồ sơ (nếu có) được trả lại tại Bộ phận Một cửa.',
  );
  doc.x = left(doc);
  paragraph(doc, 'Xin thông báo để ông/bà được biết./.', 'italic');
  signatures(doc, [{ role: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: data.officer.name }]);
  return finish(doc);
}
