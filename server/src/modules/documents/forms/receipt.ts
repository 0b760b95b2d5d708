import type { ReceiptData } from '../documents.types';
import { vnDateTime, vnMoney } from '../format';
import { COPY_KIND_LABEL, RETURN_CHANNEL_LABEL, applicantIdLabel, processingTimeLabel } from '../labels';
import {
  contentWidth,
  field,
  finish,
  header,
  left,
  newDocument,
  signatures,
  table,
  title,
  SIZE,
} from '../pdf-layout';
import { qrPng } from '../qr';
import { formTemplate, type TemplateSet } from '../templates';

const QR_SIZE = 84;

/** Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả, with the QR code of the public lookup page. */
export async function renderReceipt(data: ReceiptData, set: TemplateSet): Promise<Buffer> {
  const template = formTemplate(set, 'receipt');
  const doc = newDocument(`${template.title} – ${data.dossierCode}`);
  header(doc, {
    set,
    template,
    issuer: data.issuer,
    documentNumber: data.documentNumber,
    date: data.receivedAt,
  });
  title(doc, template.title, `Mã hồ sơ: ${data.dossierCode}`);

  // QR on the right of the applicant block, the code printed under it so a person can type it.
  const x0 = left(doc);
  const width = contentWidth(doc);
  const qrX = x0 + width - QR_SIZE;
  const qrY = doc.y;
  doc.image(await qrPng(data.lookupUrl), qrX, qrY, { width: QR_SIZE, height: QR_SIZE });
  doc
    .font('regular')
    .fontSize(SIZE.small - 1)
    .text(data.dossierCode, qrX - 20, qrY + QR_SIZE + 1, { width: QR_SIZE + 40, align: 'center' })
    .text(`Mã PIN tra cứu: ${data.lookupPin}`, qrX - 20, doc.y, { width: QR_SIZE + 40, align: 'center' });
  doc.fontSize(SIZE.body);
  doc.x = x0;
  doc.y = qrY;

  const narrow = { width: width - QR_SIZE - 12 };
  doc.font('regular').text(`${data.issuer.desk} tiếp nhận hồ sơ của:`, x0, doc.y, narrow);
  field(doc, 'Ông/Bà/Tổ chức', data.applicant.name, narrow);
  field(doc, applicantIdLabel(data.applicant), data.applicant.idNumber, narrow);
  field(doc, 'Địa chỉ', data.applicant.address, narrow);
  field(doc, 'Số điện thoại', data.applicant.phone, narrow);
  field(doc, 'Email', data.applicant.email, narrow);
  doc.y = Math.max(doc.y, qrY + QR_SIZE + 24);
  field(doc, 'Nội dung yêu cầu giải quyết', data.procedureName);
  doc.moveDown(0.3);

  doc.font('bold').text('1. Thành phần hồ sơ nộp gồm:', x0, doc.y);
  doc.font('regular').moveDown(0.2);
  table(
    doc,
    [
      { header: 'STT', width: 34, align: 'center' },
      { header: 'Tên giấy tờ', width: width - 34 - 130 - 62 },
      { header: 'Hình thức', width: 130, align: 'center' },
      { header: 'Số lượng', width: 62, align: 'center' },
    ],
    data.components.map((c, i) => [String(i + 1), c.name, COPY_KIND_LABEL[c.kind], String(c.copies)]),
  );
  field(doc, '2. Số lượng hồ sơ', `${String(data.sets).padStart(2, '0')} (bộ)`);
  field(doc, '3. Thời gian giải quyết hồ sơ theo quy định là', processingTimeLabel(data.processingTime));
  field(doc, '4. Thời gian nhận hồ sơ', vnDateTime(data.receivedAt));
  field(doc, '5. Thời gian trả kết quả giải quyết hồ sơ', vnDateTime(data.appointmentAt));
  field(doc, '6. Đăng ký nhận kết quả tại', data.returnPlace);
  field(doc, '7. Hình thức nhận kết quả', RETURN_CHANNEL_LABEL[data.returnChannel]);
  field(doc, '8. Phí, lệ phí', vnMoney(data.fee));
  doc.moveDown(0.3);
  doc
    .font('italic')
    .text(
      `Vào Sổ theo dõi hồ sơ, Quyển số: ${data.register.book}, Số thứ tự: ${String(data.register.entry)}`,
      x0,
      doc.y,
      { width },
    );
  doc
    .font('italic')
    .fontSize(SIZE.small)
    .text(`Tra cứu tình trạng hồ sơ: ${data.lookupUrl}`, { width })
    .fontSize(SIZE.body);

  signatures(doc, [
    { role: 'NGƯỜI NỘP HỒ SƠ', name: data.applicant.name },
    { role: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: data.receivingOfficer.name },
  ]);
  return finish(doc);
}
