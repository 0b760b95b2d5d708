import { z } from 'zod';

/**
 * Procedures in the shape of the national database of administrative procedures (Cơ sở dữ liệu quốc gia về thủ tục
 * hành chính, ND 63/2010 Đ24, TT 02/2017/TT-VPCP): Vietnamese field names, one record per procedure, each with the
 * kind of change it announces. GET /api/admin/procedures/national-export?since=YYYY-MM-DD, `motcua catalogue
 * export-national`.
 */
export const NATIONAL_CHANGE_KINDS = [
  'Ban hành mới',
  'Sửa đổi, bổ sung',
  'Bãi bỏ',
  'Đang có hiệu lực',
] as const;

const ZAgency = z.object({ MaCoQuan: z.string(), TenCoQuan: z.string() });
export const ZNationalProcedure = z.object({
  MaTTHC: z.string(),
  TenTTHC: z.string(),
  LoaiCapNhat: z.enum(NATIONAL_CHANGE_KINDS),
  PhienBan: z.number().int(),
  CapThucHien: z.array(z.string()),
  LinhVuc: z.string(),
  TrinhTuThucHien: z.array(z.object({ Buoc: z.number().int(), MoTa: z.string() })),
  CachThucThucHien: z.array(
    z.object({ HinhThucNop: z.string(), ThoiHanGiaiQuyet: z.string(), PhiLePhi: z.string() }),
  ),
  ThanhPhanHoSo: z.array(
    z.object({
      MaGiayTo: z.string(),
      TenGiayTo: z.string(),
      SoBanChinh: z.number().int(),
      SoBanSao: z.number().int(),
      BatBuoc: z.boolean(),
      MauDon: z.string().nullable(),
    }),
  ),
  ThoiHanGiaiQuyet: z.string(),
  DoiTuongThucHien: z.array(z.string()),
  CoQuanThucHien: z.array(ZAgency),
  CoQuanPhoiHop: z.array(ZAgency),
  KetQuaThucHien: z.array(z.string()),
  PhiLePhi: z.array(
    z.object({ TenPhi: z.string(), MucPhi: z.number().int(), DonViThu: z.string(), ThoiDiemNop: z.string() }),
  ),
  YeuCauDieuKien: z.array(z.string()),
  CanCuPhapLy: z.array(
    z.object({
      SoKyHieu: z.string(),
      TrichYeu: z.string(),
      CoQuanBanHanh: z.string(),
      NgayBanHanh: z.string(),
    }),
  ),
  MucDoDVC: z.string(),
  LienThong: z.boolean(),
  KhongPhuThuocDiaGioi: z.boolean(),
  KetQuaDienTu: z.boolean(),
  QuyetDinhCongBo: z.object({ SoQuyetDinh: z.string(), NgayBanHanh: z.string().nullable() }).nullable(),
  /** dd/mm/yyyy, Việt Nam time: when the version takes effect (or the procedure is abolished). */
  NgayHieuLuc: z.string().nullable(),
});
export type TNationalProcedure = z.infer<typeof ZNationalProcedure>;

export const ZNationalCatalogueExport = z.object({
  NguonDuLieu: z.string(),
  NgayXuat: z.string(),
  /** Null: every procedure in force; a day: the changes announced since then. */
  TuNgay: z.string().nullable(),
  SoLuong: z.number().int(),
  DanhSachTTHC: z.array(ZNationalProcedure),
});
export type TNationalCatalogueExport = z.infer<typeof ZNationalCatalogueExport>;

export const ZNationalExportQuery = z.object({ since: z.iso.date().optional() });
