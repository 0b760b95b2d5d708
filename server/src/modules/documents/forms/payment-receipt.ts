import type { Applicant, IssuingUnit } from '../documents.types';
import { vnDateTime, vnMoney } from '../format';
import { applicantIdLabel } from '../labels';
import { field, finish, header, newDocument, paragraph, signatures, title } from '../pdf-layout';
import { TEMPLATE_SETS } from '../templates';

export type PaymentReceiptData = {
  issuer: IssuingUnit;
  /** Ký hiệu and số of the electronic receipt. */
  series: string;
  receiptNo: string;
  paidAt: Date;
  applicant: Applicant;
  dossierCode: string | null;
  procedureName: string;
  feeDescription: string;
  amount: number;
  channel: 'desk' | 'bank_transfer' | 'postal' | 'online';
  reference: string | null;
  orderRef: string;
  collector: string | null;
};

const CHANNEL: Record<PaymentReceiptData['channel'], string> = {
  desk: 'Nộp trực tiếp tại Bộ phận Một cửa',
  bank_transfer: 'Chuyển khoản vào tài khoản thu phí, lệ phí',
  postal: 'Nộp qua doanh nghiệp cung ứng dịch vụ bưu chính công ích',
  online: 'Thanh toán trực tuyến qua cổng thanh toán',
};

/**
 * Biên lai thu phí, lệ phí (electronic receipt, 003 Đ16.3): who paid what for which dossier, by which channel, with
 * the reference of the payment; issued by the agency that collects, in the layout of the other official forms.
 */
export async function renderPaymentReceipt(data: PaymentReceiptData): Promise<Buffer> {
  const heading = 'BIÊN LAI THU PHÍ, LỆ PHÍ';
  const doc = newDocument(`${heading} – ${data.receiptNo}`);
  header(doc, {
    set: TEMPLATE_SETS['tt03-2025'],
    template: { number: '', title: heading },
    issuer: data.issuer,
    date: data.paidAt,
  });
  title(doc, heading, '(Biên lai điện tử)');
  paragraph(doc, `Ký hiệu: ${data.series}        Số: ${data.receiptNo}`, 'bold');
  doc.moveDown(0.3);
  field(doc, 'Tên người nộp', data.applicant.name);
  field(doc, applicantIdLabel(data.applicant), data.applicant.idNumber);
  field(doc, 'Địa chỉ', data.applicant.address);
  field(doc, 'Mã hồ sơ', data.dossierCode ?? undefined);
  field(doc, 'Thủ tục hành chính', data.procedureName);
  field(doc, 'Nội dung thu', data.feeDescription);
  field(doc, 'Số tiền', vnMoney(data.amount));
  field(doc, 'Hình thức nộp', CHANNEL[data.channel]);
  field(doc, 'Mã đơn hàng', data.orderRef);
  if (data.reference) field(doc, 'Mã giao dịch / số chứng từ', data.reference);
  field(doc, 'Thời điểm thu', vnDateTime(data.paidAt));
  doc.moveDown(0.5);
  paragraph(
    doc,
    'Biên lai được lập dưới dạng điện tử, có giá trị như biên lai giấy; tra cứu theo mã hồ sơ trên Cổng Dịch vụ công.',
    'italic',
  );
  signatures(doc, [
    { role: 'NGƯỜI THU TIỀN', name: data.collector ?? undefined, note: '(Biên lai điện tử)' },
  ]);
  return finish(doc);
}
