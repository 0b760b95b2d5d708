import type { TStaffRole } from '@motcua/contracts';
import { foldVietnamese } from './accounts.username';

/**
 * Where a demo officer sits: a named department, the agency's one-stop desk, or the department that processes the
 * agency's procedures (the first active specialist department by name, as the dossiers module picks it — resolved in
 * the database so the two agree whatever its collation).
 */
export type DemoPlace = { department?: string; place?: 'desk' | 'responsible' };

export type DemoOfficer = {
  fullName: string;
  agency: string;
  roles: TStaffRole[];
  email: string;
} & DemoPlace;

/** The four people a default workflow needs at an agency (catalogue workflow.ts): desk, head, specialist, leader. */
export type DemoOffice = {
  agency: string;
  /** Mail domain of the agency's staff. */
  domain?: string;
  desk?: string;
  head?: string;
  specialist?: string;
  leader?: string;
};

/**
 * One office per agency that receives a demo procedure (catalogue demo/procedures.data.ts), so every step of every
 * demo procedure's workflow has a person: the desk's reception officer, the head of the processing department
 * (approver there: assigns), a specialist of that department (appraises) and a leader (approver of the agency:
 * approves). People already in DEMO_STAFF are left out of their office (STTTT's specialist and head, SXD's desk).
 */
export const DEMO_OFFICES: DemoOffice[] = [
  { agency: 'STTTT', desk: 'Nguyễn Thu Trang', leader: 'Trương Công Định' },
  { agency: 'SXD', head: 'Lý Văn Thắng', specialist: 'Mai Thị Hương', leader: 'Hồ Đức Thành' },
  {
    agency: 'UBNDXTP',
    domain: 'tanphu.anhoa.gov.vn',
    desk: 'Phùng Thị Ngọc',
    head: 'Tạ Văn Lộc',
    specialist: 'Đinh Thị Thu',
    leader: 'Lương Văn Phúc',
  },
  {
    agency: 'VPDKDD',
    desk: 'Châu Thị Yến',
    head: 'Kiều Văn Sơn',
    specialist: 'Lâm Thị Hạnh',
    leader: 'Quách Văn Bảo',
  },
  {
    agency: 'STC',
    desk: 'Âu Thị Nhung',
    head: 'Tôn Thất Long',
    specialist: 'Vương Thị Hằng',
    leader: 'Doãn Văn Quang',
  },
  {
    agency: 'SKHCN',
    desk: 'Cao Thị Liên',
    head: 'Mạc Văn Tùng',
    specialist: 'Hà Thị Thảo',
    leader: 'Khúc Văn Hải',
  },
  {
    agency: 'SGDDT',
    desk: 'La Thị Vân',
    head: 'Diệp Văn Toàn',
    specialist: 'Triệu Thị Nga',
    leader: 'Ninh Văn Khải',
  },
  {
    agency: 'SNV',
    desk: 'Tăng Thị Oanh',
    head: 'Thái Văn Hiếu',
    specialist: 'Lưu Thị Trinh',
    leader: 'Giáp Văn Đức',
  },
  {
    agency: 'SVHTTDL',
    desk: 'Ông Thị Xuân',
    head: 'Bạch Văn Huy',
    specialist: 'Thân Thị Loan',
    leader: 'Khổng Văn Chiến',
  },
  {
    agency: 'SYT',
    desk: 'Hứa Thị Diệu',
    head: 'Nghiêm Văn Tín',
    specialist: 'Phí Thị Ánh',
    leader: 'Lạc Văn Nghĩa',
  },
  {
    agency: 'SCT',
    desk: 'Mã Thị Kim',
    head: 'Tiêu Văn Lực',
    specialist: 'Ứng Thị Duyên',
    leader: 'Văn Đình Trọng',
  },
  {
    agency: 'STP',
    desk: 'Từ Thị Hiền',
    head: 'Bế Văn Kiên',
    specialist: 'Nông Thị Hoài',
    leader: 'Lò Văn Thịnh',
  },
  {
    agency: 'SNNMT',
    desk: 'Sầm Thị Quyên',
    head: 'Phó Văn Dũng',
    specialist: 'Cù Thị Mến',
    leader: 'Chu Văn Thụy',
  },
];

const email = (name: string, domain: string) => `${foldVietnamese(name).replace(/[^a-z]/g, '')}@${domain}`;

/** The offices as staff accounts (the accounts demo loads them after DEMO_STAFF). */
export function demoOfficers(offices: DemoOffice[] = DEMO_OFFICES): DemoOfficer[] {
  return offices.flatMap((o) => {
    const domain = o.domain ?? 'anhoa.gov.vn';
    const person = (name: string | undefined, roles: TStaffRole[], place: DemoPlace): DemoOfficer[] =>
      name ? [{ fullName: name, agency: o.agency, roles, email: email(name, domain), ...place }] : [];
    return [
      ...person(o.desk, ['reception_officer'], { place: 'desk' }),
      ...person(o.head, ['approver'], { place: 'responsible' }),
      ...person(o.specialist, ['specialist'], { place: 'responsible' }),
      ...person(o.leader, ['approver'], {}),
    ];
  });
}
