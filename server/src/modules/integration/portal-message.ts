import type { TDossierChannel, TDossierEventType, TDossierStatus } from '@motcua/contracts';

/**
 * The messages of the national portal's dossier-status sync (pure). Field names follow the portal's published
 * sync API for dossier status ("đồng bộ trạng thái hồ sơ": MaHoSo, MaTTHC, TrangThaiHoSo, NgayTiepNhan, NgayHenTra,
 * NgayTra, KenhThucHien, QuaTrinhXuLy …), dates as `yyyyMMddHHmmss` in Vietnam time as the portal writes them.
 * Each message carries the dossier's whole current state and the event that caused it, with the event's sequence
 * number: the receiver keeps the state of the highest sequence, so a late or repeated message never goes back.
 */

/** The portal's status codes (TrangThaiHoSo). */
export const PORTAL_STATUS: Record<TDossierStatus, string> = {
  submitted: '1', // Mới đăng ký
  received: '2', // Được tiếp nhận
  refused: '3', // Không được tiếp nhận
  in_processing: '4', // Đang xử lý
  supplement_requested: '5', // Yêu cầu bổ sung giấy tờ
  processing_supplement: '5',
  withdrawn: '7', // Công dân yêu cầu rút hồ sơ
  stopped: '8', // Dừng xử lý
  result_ready: '9', // Đã xử lý xong
  returned: '10', // Đã trả kết quả
};

/** KenhThucHien: 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích. */
export const PORTAL_CHANNEL: Record<TDossierChannel, string> = { counter: '1', online: '2', post: '3' };

/** `yyyyMMddHHmmss` in Vietnam time (UTC+7, no daylight saving). */
export function portalTime(d: Date | null): string | null {
  if (!d) return null;
  const v = new Date(d.getTime() + 7 * 3_600_000).toISOString();
  return v.slice(0, 19).replace(/[-T:]/g, '');
}

export type DossierSnapshot = {
  id: string;
  code: string | null;
  procedureCode: string;
  procedureName: string;
  channel: TDossierChannel;
  status: TDossierStatus;
  applicantName: string;
  receivingAgency: string;
  holdingAgency: string | null;
  submittedAt: Date;
  receivedAt: Date | null;
  appointmentAt: Date | null;
  returnedAt: Date | null;
  seq: number;
};

export type EventFact = { type: TDossierEventType; seq: number; at: Date; actorName: string | null };

export type PortalDossier = {
  IdHoSoDiaPhuong: string;
  MaHoSo: string | null;
  MaTTHC: string;
  TenTTHC: string;
  KenhThucHien: string;
  ChuHoSo: string;
  DonViTiepNhan: string;
  DonViXuLy: string | null;
  TrangThaiHoSo: string;
  NgayNopHoSo: string | null;
  NgayTiepNhan: string | null;
  NgayHenTra: string | null;
  NgayTra: string | null;
  SoThuTuSuKien: number;
};

export type PortalMessage = {
  MaThongDiep: string;
  HoSo: PortalDossier;
  QuaTrinhXuLy: {
    LoaiSuKien: string;
    SoThuTu: number;
    ThoiDiemXuLy: string | null;
    NguoiXuLy: string | null;
  } | null;
};

export function portalDossier(s: DossierSnapshot): PortalDossier {
  return {
    IdHoSoDiaPhuong: s.id,
    MaHoSo: s.code,
    MaTTHC: s.procedureCode,
    TenTTHC: s.procedureName,
    KenhThucHien: PORTAL_CHANNEL[s.channel],
    ChuHoSo: s.applicantName,
    DonViTiepNhan: s.receivingAgency,
    DonViXuLy: s.holdingAgency,
    TrangThaiHoSo: PORTAL_STATUS[s.status],
    NgayNopHoSo: portalTime(s.submittedAt),
    NgayTiepNhan: portalTime(s.receivedAt),
    NgayHenTra: portalTime(s.appointmentAt),
    NgayTra: portalTime(s.returnedAt),
    SoThuTuSuKien: s.seq,
  };
}

export function portalMessage(id: string, s: DossierSnapshot, event: EventFact | null): PortalMessage {
  return {
    MaThongDiep: id,
    HoSo: portalDossier(s),
    QuaTrinhXuLy: event
      ? {
          LoaiSuKien: event.type,
          SoThuTu: event.seq,
          ThoiDiemXuLy: portalTime(event.at),
          NguoiXuLy: event.actorName,
        }
      : null,
  };
}

/** The fields the consistency check compares, with their names as the portal has them. */
export const COMPARED_FIELDS = [
  'MaHoSo',
  'TrangThaiHoSo',
  'NgayTiepNhan',
  'NgayHenTra',
  'NgayTra',
  'SoThuTuSuKien',
] as const;

export type FieldDifference = { field: string; local: unknown; remote: unknown };

/** What differs between our state and the portal's for one dossier; `remote` null when the portal lacks it. */
export function differences(local: PortalDossier, remote: PortalDossier | null): FieldDifference[] {
  if (!remote) return [{ field: 'HoSo', local: local.MaHoSo ?? local.IdHoSoDiaPhuong, remote: null }];
  return COMPARED_FIELDS.filter((f) => local[f] !== remote[f]).map((f) => ({
    field: f,
    local: local[f],
    remote: remote[f],
  }));
}
