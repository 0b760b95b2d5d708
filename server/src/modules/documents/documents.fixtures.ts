import type {
  ApologyData,
  IssuingUnit,
  ReceiptData,
  RefusalData,
  StopProcessingData,
  SupplementRequestData,
} from './documents.types';

/** Sample inputs for tests and sample renders: the demo province Tỉnh An Hòa. */
export const SAMPLE_ISSUER: IssuingUnit = {
  parentAgency: 'UBND tỉnh An Hòa',
  agency: 'Sở Tư pháp',
  desk: 'Bộ phận Một cửa Sở Tư pháp',
  place: 'An Hòa',
};

const APPLICANT = {
  name: 'Nguyễn Văn Ánh',
  idNumber: '099201001234',
  address: 'Số 12 đường Lê Lợi, phường Bình Sơn, tỉnh An Hòa',
  phone: '0912 345 678',
  email: 'nguyen.van.anh@example.vn',
};

export const SAMPLE_RECEIPT: ReceiptData = {
  issuer: SAMPLE_ISSUER,
  documentNumber: '125/GTN',
  dossierCode: '000.17.22.H56-210531-0001',
  lookupPin: '482913',
  lookupUrl: 'https://dichvucong.anhoa.gov.vn/tra-cuu/000.17.22.H56-210531-0001?pin=482913',
  applicant: APPLICANT,
  procedureName: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
  components: [
    {
      name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP)',
      copies: 1,
      kind: 'original',
    },
    { name: 'Căn cước công dân của người được cấp Phiếu lý lịch tư pháp', copies: 1, kind: 'certified_copy' },
    { name: 'Giấy xác nhận thông tin về cư trú', copies: 2, kind: 'photocopy' },
  ],
  sets: 1,
  processingTime: { unit: 'working_days', value: 10 },
  // 09:05 on 31/05/2021 in Vietnam.
  receivedAt: new Date('2021-05-31T02:05:00Z'),
  // 16:30 on 14/06/2021 in Vietnam.
  appointmentAt: new Date('2021-06-14T09:30:00Z'),
  returnPlace: 'Trung tâm Phục vụ hành chính công tỉnh An Hòa, số 1 Quảng trường Trung tâm',
  returnChannel: 'post',
  fee: 200000,
  register: { book: '03/2021', entry: 1458 },
  receivingOfficer: { name: 'Trần Thị Hạnh' },
};

export const SAMPLE_SUPPLEMENT: SupplementRequestData = {
  issuer: SAMPLE_ISSUER,
  dossierCode: '000.17.22.H56-210531-0002',
  applicant: APPLICANT,
  procedureName: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
  items: [
    {
      component: 'Giấy xác nhận thông tin về cư trú',
      reason: 'Chưa nộp',
      guidance: 'Nộp bản sao chứng thực hoặc bản chụp kèm bản chính để đối chiếu',
    },
    {
      component: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp',
      reason: 'Thiếu chữ ký của người yêu cầu; ghi sai ngày sinh',
      guidance: 'Khai lại theo Mẫu số 03/2013/TT-LLTP, ký và ghi rõ họ tên',
    },
  ],
  officer: { name: 'Trần Thị Hạnh', phone: '0297 3 812 345' },
  // 10:15 on 01/06/2021.
  issuedAt: new Date('2021-06-01T03:15:00Z'),
};

export const SAMPLE_REFUSAL: RefusalData = {
  issuer: SAMPLE_ISSUER,
  dossierCode: '000.17.22.H56-210531-0003',
  applicant: APPLICANT,
  procedureName: 'Đăng ký khai sinh',
  legalBasis: 'khoản 1 Điều 13 Luật Hộ tịch năm 2014',
  reason: 'Thủ tục đăng ký khai sinh không thuộc thẩm quyền giải quyết của Sở Tư pháp.',
  competentAgency: 'Ủy ban nhân dân phường Bình Sơn',
  officer: { name: 'Trần Thị Hạnh' },
  issuedAt: new Date('2021-05-31T04:40:00Z'),
};

export const SAMPLE_APOLOGY: ApologyData = {
  issuer: SAMPLE_ISSUER,
  dossierCode: '000.17.22.H56-210531-0001',
  applicant: APPLICANT,
  procedureName: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
  receivedAt: SAMPLE_RECEIPT.receivedAt,
  appointmentAt: SAMPLE_RECEIPT.appointmentAt,
  reason: 'Cần xác minh thêm thông tin tại cơ quan công an nơi cư trú trước đây',
  newAppointmentAt: new Date('2021-06-18T08:00:00Z'),
  signer: { title: 'Giám đốc', name: 'Lê Minh Quân' },
  issuedAt: new Date('2021-06-14T07:00:00Z'),
};

export const SAMPLE_STOP_PROCESSING: StopProcessingData = {
  issuer: SAMPLE_ISSUER,
  dossierCode: '000.17.22.H56-250901-0007',
  applicant: APPLICANT,
  procedureName: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
  receivedAt: new Date('2025-09-01T02:00:00Z'),
  requestedAt: new Date('2025-09-03T07:20:00Z'),
  reason: 'Không còn nhu cầu sử dụng',
  officer: { name: 'Trần Thị Hạnh' },
  issuedAt: new Date('2025-09-03T08:00:00Z'),
};
