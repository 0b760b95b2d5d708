/**
 * E-forms (JSON Schema) the portal renders for online submission. Each entry: [name, title, type, required?].
 * `date` fields use format "date", `cccd` a 12-digit citizen identity number.
 */
type Field = [
  name: string,
  title: string,
  type: 'text' | 'date' | 'cccd' | 'phone' | 'email' | 'number' | 'long',
  required?: boolean,
];

const APPLICANT: Field[] = [
  ['hoTenNguoiYeuCau', 'Họ, chữ đệm, tên người yêu cầu', 'text', true],
  ['soDinhDanh', 'Số định danh cá nhân', 'cccd', true],
  ['noiCuTru', 'Nơi cư trú', 'text', true],
  ['soDienThoai', 'Số điện thoại', 'phone', true],
  ['email', 'Thư điện tử', 'email'],
];

const FORMS: Record<string, { title: string; fields: Field[] }> = {
  khaiSinh: {
    title: 'Tờ khai đăng ký khai sinh',
    fields: [
      ...APPLICANT,
      ['quanHe', 'Quan hệ với người được khai sinh', 'text', true],
      ['hoTenTre', 'Họ, chữ đệm, tên người được khai sinh', 'text', true],
      ['ngaySinh', 'Ngày, tháng, năm sinh', 'date', true],
      ['gioiTinh', 'Giới tính', 'text', true],
      ['noiSinh', 'Nơi sinh', 'text', true],
      ['danToc', 'Dân tộc', 'text', true],
      ['quocTich', 'Quốc tịch', 'text', true],
      ['hoTenMe', 'Họ, chữ đệm, tên người mẹ', 'text', true],
      ['hoTenCha', 'Họ, chữ đệm, tên người cha', 'text'],
    ],
  },
  ketHon: {
    title: 'Tờ khai đăng ký kết hôn',
    fields: [
      ['hoTenNu', 'Họ, chữ đệm, tên bên nữ', 'text', true],
      ['ngaySinhNu', 'Ngày sinh bên nữ', 'date', true],
      ['soDinhDanhNu', 'Số định danh cá nhân bên nữ', 'cccd', true],
      ['hoTenNam', 'Họ, chữ đệm, tên bên nam', 'text', true],
      ['ngaySinhNam', 'Ngày sinh bên nam', 'date', true],
      ['soDinhDanhNam', 'Số định danh cá nhân bên nam', 'cccd', true],
      ['lanKetHon', 'Kết hôn lần thứ mấy', 'number', true],
      ['soDienThoai', 'Số điện thoại liên hệ', 'phone', true],
    ],
  },
  khaiTu: {
    title: 'Tờ khai đăng ký khai tử',
    fields: [
      ...APPLICANT,
      ['hoTenNguoiChet', 'Họ, chữ đệm, tên người đã chết', 'text', true],
      ['soDinhDanhNguoiChet', 'Số định danh cá nhân người đã chết', 'cccd'],
      ['ngayChet', 'Ngày chết', 'date', true],
      ['noiChet', 'Nơi chết', 'text', true],
      ['nguyenNhan', 'Nguyên nhân chết', 'text'],
    ],
  },
  honNhan: {
    title: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân',
    fields: [
      ...APPLICANT,
      ['tinhTrang', 'Tình trạng hôn nhân', 'text', true],
      ['mucDich', 'Mục đích sử dụng', 'text', true],
    ],
  },
  trichLuc: {
    title: 'Tờ khai cấp bản sao trích lục hộ tịch',
    fields: [
      ...APPLICANT,
      ['loaiTrichLuc', 'Loại trích lục đề nghị cấp', 'text', true],
      ['hoTenNguoiDuocCap', 'Họ, chữ đệm, tên người được cấp trích lục', 'text', true],
      ['soBanSao', 'Số bản sao', 'number', true],
    ],
  },
  lyLich: {
    title: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp',
    fields: [
      ...APPLICANT,
      ['ngaySinh', 'Ngày, tháng, năm sinh', 'date', true],
      ['noiSinh', 'Nơi sinh', 'text', true],
      ['hoTenCha', 'Họ và tên cha', 'text', true],
      ['hoTenMe', 'Họ và tên mẹ', 'text', true],
      ['quaTrinhCuTru', 'Quá trình cư trú từ đủ 14 tuổi', 'long', true],
      ['loaiPhieu', 'Loại phiếu (số 1 hoặc số 2)', 'number', true],
    ],
  },
  hoKinhDoanh: {
    title: 'Giấy đề nghị đăng ký hộ kinh doanh',
    fields: [
      ...APPLICANT,
      ['tenHoKinhDoanh', 'Tên hộ kinh doanh', 'text', true],
      ['diaChiKinhDoanh', 'Địa chỉ trụ sở hộ kinh doanh', 'text', true],
      ['nganhNghe', 'Ngành, nghề kinh doanh', 'long', true],
      ['vonKinhDoanh', 'Vốn kinh doanh (đồng)', 'number', true],
      ['soLaoDong', 'Số lượng lao động', 'number'],
    ],
  },
  gpxdNhaO: {
    title: 'Đơn đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ',
    fields: [
      ...APPLICANT,
      ['diaDiem', 'Địa điểm xây dựng (lô đất, thửa đất số, tờ bản đồ số)', 'text', true],
      ['dienTichXayDung', 'Diện tích xây dựng tầng 1 (m²)', 'number', true],
      ['tongDienTichSan', 'Tổng diện tích sàn (m²)', 'number', true],
      ['soTang', 'Số tầng', 'number', true],
      ['chieuCao', 'Chiều cao công trình (m)', 'number', true],
      ['duKienHoanThanh', 'Dự kiến thời gian hoàn thành', 'date'],
    ],
  },
  capLaiGcn: {
    title: 'Đơn đề nghị cấp lại Giấy chứng nhận do bị mất',
    fields: [
      ...APPLICANT,
      ['soPhatHanh', 'Số phát hành Giấy chứng nhận', 'text', true],
      ['thuaDatSo', 'Thửa đất số', 'text', true],
      ['toBanDoSo', 'Tờ bản đồ số', 'text', true],
      ['lyDo', 'Lý do mất', 'long', true],
    ],
  },
  banSaoVanBang: {
    title: 'Đơn đề nghị cấp bản sao văn bằng, chứng chỉ từ sổ gốc',
    fields: [
      ...APPLICANT,
      ['tenVanBang', 'Tên văn bằng, chứng chỉ', 'text', true],
      ['namTotNghiep', 'Năm tốt nghiệp', 'number', true],
      ['soHieu', 'Số hiệu văn bằng', 'text'],
      ['soBanSao', 'Số bản sao', 'number', true],
    ],
  },
  banLeRuou: {
    title: 'Đơn đề nghị cấp Giấy phép bán lẻ sản phẩm rượu',
    fields: [
      ...APPLICANT,
      ['tenThuongNhan', 'Tên thương nhân', 'text', true],
      ['maSoThue', 'Mã số doanh nghiệp / hộ kinh doanh', 'text', true],
      ['diaDiemBanLe', 'Địa điểm bán lẻ', 'text', true],
    ],
  },
  theHdv: {
    title: 'Đơn đề nghị cấp thẻ hướng dẫn viên du lịch nội địa',
    fields: [
      ...APPLICANT,
      ['ngaySinh', 'Ngày sinh', 'date', true],
      ['chungChi', 'Số chứng chỉ nghiệp vụ', 'text', true],
      ['ngoaiNgu', 'Ngoại ngữ sử dụng', 'text'],
    ],
  },
};

function property(type: Field[2], title: string): Record<string, unknown> {
  switch (type) {
    case 'date':
      return { type: 'string', format: 'date', title };
    case 'cccd':
      return { type: 'string', pattern: '^[0-9]{12}$', title };
    case 'phone':
      return { type: 'string', pattern: '^0[0-9]{9,10}$', title };
    case 'email':
      return { type: 'string', format: 'email', title };
    case 'number':
      return { type: 'integer', minimum: 0, title };
    case 'long':
      return { type: 'string', maxLength: 4000, title, 'x-widget': 'textarea' };
    default:
      return { type: 'string', minLength: 1, maxLength: 300, title };
  }
}

/** Every demo e-form's key. */
export const EFORM_KEYS = (): string[] => Object.keys(FORMS);

export function eform(
  key: string,
): { type: 'object'; properties: Record<string, unknown> } & Record<string, unknown> {
  const f = FORMS[key];
  if (!f) throw new Error(`unknown demo e-form ${key}`);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    title: f.title,
    required: f.fields.filter((x) => x[3]).map((x) => x[0]),
    properties: Object.fromEntries(f.fields.map(([name, title, type]) => [name, property(type, title)])),
  };
}
