import type { ApologyData } from '../documents.types';
import { vnDateTime } from '../format';
import { field, finish, header, newDocument, paragraph, signatures, title } from '../pdf-layout';
import { formTemplate, type TemplateSet } from '../templates';

/** Mẫu 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả, signed by the head of the agency at fault. */
export async function renderApology(data: ApologyData, set: TemplateSet): Promise<Buffer> {
  const template = formTemplate(set, 'apology');
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
  field(doc, 'Địa chỉ', data.applicant.address);
  doc.moveDown(0.3);
  paragraph(
    doc,
    `Vào lúc ${vnDateTime(data.receivedAt)}, ${data.issuer.desk} tiếp nhận hồ sơ của ông/bà, ` +
      `mã hồ sơ ${data.dossierCode}, về việc: ${data.procedureName}.`,
  );
  paragraph(doc, `Thời gian hẹn trả kết quả giải quyết hồ sơ: ${vnDateTime(data.appointmentAt)}.`);
  paragraph(
    doc,
    `Tuy nhiên đến nay, ${data.issuer.agency} chưa trả kết quả giải quyết hồ sơ cho ông/bà đúng hẹn ghi trong ` +
      'Giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
  );
  doc.moveDown(0.2);
  field(doc, 'Lý do', data.reason);
  doc.moveDown(0.2);
  paragraph(
    doc,
    `Sự chậm trễ này đã gây phiền hà cho ông/bà. ${data.issuer.agency} xin lỗi ông/bà và sẽ trả kết quả ` +
      `giải quyết hồ sơ cho ông/bà vào lúc ${vnDateTime(data.newAppointmentAt)}.`,
  );
  paragraph(doc, 'Xin trân trọng cảm ơn sự hợp tác của ông/bà!', 'italic');
  signatures(doc, [
    {
      role: (data.signer.title ?? 'THỦ TRƯỞNG CƠ QUAN').toUpperCase(),
      name: data.signer.name,
      note: '(Ký, ghi rõ họ tên và đóng dấu)',
    },
  ]);
  return finish(doc);
}
