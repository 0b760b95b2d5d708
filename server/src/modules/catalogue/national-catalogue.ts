// The catalogue in the national database's shape (contracts/src/national-catalogue.ts): every procedure in force, or
// the changes announced since a day — a new procedure, a new version of one, or one abolished.

import {
  formatMoney,
  type TNationalCatalogueExport,
  type TNationalProcedure,
  type TProcedure,
  type TProcessingTime,
  vnInstant,
} from '@motcua/contracts';

import { getProcedure, getProcedureVersion } from './catalogue.service';
import type { Kdb } from '../../db/client';

type Change = TNationalProcedure['LoaiCapNhat'];

const LEVELS: Record<string, string> = {
  central: 'Cấp Trung ương',
  province: 'Cấp Tỉnh',
  district: 'Cấp Huyện',
  commune: 'Cấp Xã',
};
const METHODS: Record<string, string> = {
  counter: 'Trực tiếp',
  post: 'Dịch vụ bưu chính',
  online: 'Trực tuyến',
};
const SERVICE_LEVELS: Record<string, string> = {
  full_online: 'Dịch vụ công trực tuyến toàn trình',
  partial_online: 'Dịch vụ công trực tuyến một phần',
  information_only: 'Thủ tục hành chính (cung cấp thông tin)',
};

/** A day as the national database writes it: dd/mm/yyyy, Việt Nam time. */
export function nationalDay(d: Date | string | null): string | null {
  if (d === null) return null;
  const iso = typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null;
  const day = iso ?? new Date(new Date(d).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

export function processingTimeText(t: TProcessingTime): string {
  if (t.unit === 'immediate') return 'Giải quyết ngay trong ngày';
  if (t.unit === 'working_hours') return `${t.value} giờ làm việc`;
  return t.mode === 'civil' ? `${t.value} ngày` : `${t.value} ngày làm việc`;
}

/** One procedure version as a record of the national database. */
export function toNationalRecord(
  p: TProcedure,
  change: Change,
  effective: Date | string | null,
): TNationalProcedure {
  const time = processingTimeText(p.processingTime);
  const fees =
    p.fees.length === 0
      ? 'Không'
      : p.fees.map((f) => `${f.name}: ${f.amount === 0 ? 'miễn' : formatMoney(f.amount, 'vi')}`).join('; ');
  return {
    MaTTHC: p.code,
    TenTTHC: p.name,
    LoaiCapNhat: change,
    PhienBan: p.versionNo,
    CapThucHien: p.levels.map((l) => LEVELS[l] ?? l),
    LinhVuc: p.field,
    TrinhTuThucHien: p.steps.map((s, i) => ({ Buoc: i + 1, MoTa: s.description })),
    CachThucThucHien: p.methods.map((m) => ({
      HinhThucNop: METHODS[m] ?? m,
      ThoiHanGiaiQuyet: time,
      PhiLePhi: fees,
    })),
    ThanhPhanHoSo: p.components.map((c) => ({
      MaGiayTo: c.code,
      TenGiayTo: c.name,
      SoBanChinh: c.originals,
      SoBanSao: c.copies,
      BatBuoc: c.required,
      MauDon: c.form?.name ?? null,
    })),
    ThoiHanGiaiQuyet: time,
    DoiTuongThucHien: p.subjects,
    CoQuanThucHien: p.agencies.map((a) => ({ MaCoQuan: a.shortName, TenCoQuan: a.name })),
    CoQuanPhoiHop: p.interAgencies.map((a) => ({ MaCoQuan: a.shortName, TenCoQuan: a.name })),
    KetQuaThucHien: p.results,
    PhiLePhi: p.fees.map((f) => ({
      TenPhi: f.name,
      MucPhi: f.amount,
      DonViThu: f.collector,
      ThoiDiemNop: f.due,
    })),
    YeuCauDieuKien: p.conditions,
    CanCuPhapLy: p.legalBasis.map((l) => ({
      SoKyHieu: l.number,
      TrichYeu: l.title,
      CoQuanBanHanh: l.issuer,
      NgayBanHanh: nationalDay(l.date)!,
    })),
    MucDoDVC: SERVICE_LEVELS[p.serviceLevel] ?? p.serviceLevel,
    LienThong: p.interAgency,
    KhongPhuThuocDiaGioi: p.boundaryFree,
    KetQuaDienTu: p.digitallySignedResult,
    QuyetDinhCongBo: p.decisionNumber
      ? { SoQuyetDinh: p.decisionNumber, NgayBanHanh: nationalDay(p.decisionDate) }
      : null,
    NgayHieuLuc: nationalDay(effective),
  };
}

/**
 * Without `since`: every published procedure in the version in force at `now`. With `since` (a day, from its start
 * in Việt Nam time): every version announced since then (version 1 = new, later = amended) and every procedure
 * retired since then (abolished, with its last version), in the order they happened.
 */
export async function exportNationalCatalogue(
  db: Kdb,
  now: Date,
  since?: string,
): Promise<TNationalCatalogueExport> {
  const out: { at: number; record: TNationalProcedure }[] = [];
  if (!since) {
    const codes = await db
      .selectFrom('procedures')
      .select('code')
      .where('status', '=', 'published')
      .orderBy('code')
      .execute();
    for (const { code } of codes) {
      const p = await getProcedure(db, code, now);
      out.push({ at: 0, record: toNationalRecord(p, 'Đang có hiệu lực', p.publishedAt) });
    }
  } else {
    const from = vnInstant(since);
    const versions = await db
      .selectFrom('procedure_versions')
      .select(['id', 'version_no', 'announced_at', 'published_at'])
      .where('status', '!=', 'draft')
      .where((eb) => eb(eb.fn.coalesce('announced_at', 'published_at'), '>=', from))
      .execute();
    for (const v of versions) {
      const p = await getProcedureVersion(db, v.id);
      const at = (v.announced_at ?? v.published_at)!;
      const kind: Change = v.version_no === 1 ? 'Ban hành mới' : 'Sửa đổi, bổ sung';
      out.push({ at: at.getTime(), record: toNationalRecord(p, kind, v.published_at) });
    }
    const retired = await db
      .selectFrom('procedures')
      .select(['code', 'current_version_id', 'retired_at'])
      .where('status', '=', 'retired')
      .where('retired_at', '>=', from)
      .execute();
    for (const r of retired) {
      if (!r.current_version_id || !r.retired_at) continue;
      const p = await getProcedureVersion(db, r.current_version_id);
      out.push({ at: r.retired_at.getTime(), record: toNationalRecord(p, 'Bãi bỏ', r.retired_at) });
    }
    out.sort((a, b) => a.at - b.at || a.record.MaTTHC.localeCompare(b.record.MaTTHC));
  }
  return {
    NguonDuLieu: 'Một Cửa',
    NgayXuat: now.toISOString(),
    TuNgay: since ? nationalDay(since) : null,
    SoLuong: out.length,
    DanhSachTTHC: out.map((o) => o.record),
  };
}
