// Kept apart from the zod schemas in dossiers.ts: the web's public lookup needs the pattern without loading zod.

/**
 * `<agency identifier>-<YYMMDD>-<sequence>` (TT 01/2018 Đ19: legacy `000.00.15.H99-…`; from 25/01/2026, TT 04/2025,
 * the QĐ 20/2020 identifier `H99.15-…`), with the `-AAXXXX` tail (two letters and four digits: the centralised
 * system) when the procedure runs on a ministry's centralised system.
 */
export const DOSSIER_CODE_PATTERN = /^[0-9A-Z.]{1,35}-\d{6}-\d{4,}(-[A-Z]{2}\d{4})?$/;
