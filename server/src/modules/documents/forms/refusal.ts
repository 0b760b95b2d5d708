import { applicantIdLabel } from '../labels';
import type { RefusalData } from '../documents.types';
import { field, finish, header, left, newDocument, paragraph, signatures, title } from '../pdf-layout';
import { formTemplate, type TemplateSet } from '../templates';

/** Mẫu 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ; names the competent agency when competence is the reason. */
export async function renderRefusal(data: RefusalData, set: TemplateSet): Promise<Buffer> {
  const template = formTemplate(set, 'refusal');
  const doc = newDocument(`${template.title}${data.dossierCode ? ` – ${data.dossierCode}` : ''}`);
  header(doc, {
    set,
    template,
    issuer: data.issuer,
    documentNumber: data.documentNumber,
    date: data.issuedAt,
  });
  title(doc, template.title, data.dossierCode ? `Mã hồ sơ: ${data.dossierCode}` : undefined);

  doc.font('regular').text(`${data.issuer.desk} tiếp nhận hồ sơ của:`, left(doc), doc.y);
  field(doc, 'Ông/Bà/Tổ chức', data.applicant.name);
  field(doc, applicantIdLabel(data.applicant), data.applicant.idNumber);
  field(doc, 'Địa chỉ', data.applicant.address);
  field(doc, 'Số điện thoại', data.applicant.phone);
  field(doc, 'Email', data.applicant.email);
  field(doc, 'Nội dung yêu cầu giải quyết', data.procedureName);
  doc.moveDown(0.4);
  const basis = data.legalBasis ? `Căn cứ quy định tại ${data.legalBasis}, ` : '';
  paragraph(
    doc,
    `${basis}${data.issuer.agency} từ chối tiếp nhận giải quyết hồ sơ này với lý do cụ thể như sau:`,
  );
  paragraph(doc, data.reason, 'bold', 14);
  if (data.competentAgency) {
    doc.moveDown(0.3);
    paragraph(
      doc,
      `Hồ sơ không thuộc thẩm quyền giải quyết của ${data.issuer.agency}. ` +
        `Đề nghị ông/bà liên hệ ${data.competentAgency} để được giải quyết theo quy định.`,
    );
  }
  doc.moveDown(0.3);
  paragraph(doc, 'Xin thông báo để ông/bà được biết và thực hiện./.', 'italic');
  signatures(doc, [{ role: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: data.officer.name }]);
  return finish(doc);
}
