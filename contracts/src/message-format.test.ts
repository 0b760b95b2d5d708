import { describe, expect, it } from 'vitest';
import { formatErrorMessage } from './errors';
import { formatCount, formatMessage, formatMoney, oneLanguage, readableDates } from './message-format';

// Literal expectations in both locales on purpose (issue #20).
describe('formatMessage', () => {
  it('fills placeholders, per-locale params and leaves unknown braces alone', () => {
    expect(formatMessage('Xin chào {who}.', 'vi', { who: 'An' })).toBe('Xin chào An.');
    expect(formatMessage('{what} not found.', 'en', { what: { vi: 'Hồ sơ', en: 'Dossier' } })).toBe(
      'Dossier not found.',
    );
    expect(formatMessage('a {missing} b', 'en')).toBe('a  b');
  });

  it('groups counts: "." in Vietnamese, "," in English', () => {
    expect(formatMessage('{n} hồ sơ', 'vi', { n: 12345 })).toBe('12.345 hồ sơ');
    expect(formatMessage('{n} dossiers', 'en', { n: 12345 })).toBe('12,345 dossiers');
    expect(formatCount(1234567, 'vi')).toBe('1.234.567');
    expect(formatCount(999, 'en')).toBe('999');
    expect(formatCount(-1500, 'vi')).toBe('-1.500');
    expect(formatCount(2.5, 'vi')).toBe('2,5');
  });

  it('picks ICU plural forms by locale', () => {
    const en = '{n, plural, =0 {no problems} one {the # problem} other {the # problems}}';
    expect(formatMessage(en, 'en', { n: 0 })).toBe('no problems');
    expect(formatMessage(en, 'en', { n: 1 })).toBe('the 1 problem');
    expect(formatMessage(en, 'en', { n: 2000 })).toBe('the 2,000 problems');
    expect(formatMessage('{n, plural, other {# vấn đề}} ở {where}', 'vi', { n: 1, where: 'đây' })).toBe(
      '1 vấn đề ở đây',
    );
  });

  it('writes ISO dates in params as dd/mm/yyyy, but never inside names people typed', () => {
    expect(readableDates('ngừng hoạt động từ 2025-07-01')).toBe('ngừng hoạt động từ 01/07/2025');
    expect(readableDates('at 2026-02-03T02:05:00.000Z')).toBe('at 03/02/2026 09:05');
    expect(formatMessage('Tệp “{file}”', 'vi', { file: 'scan-2025-07-01.pdf' })).toBe(
      'Tệp “scan-2025-07-01.pdf”',
    );
  });
});

describe('oneLanguage', () => {
  it('keeps only the half of an old "tiếng Việt / English" message in the locale', () => {
    const both = 'phone: số điện thoại di động 10 chữ số / a 10-digit mobile number; name: Required';
    expect(oneLanguage(both, 'en')).toBe('phone: a 10-digit mobile number; name: Required');
    expect(oneLanguage(both, 'vi')).toBe('phone: số điện thoại di động 10 chữ số; name: Required');
    expect(
      formatErrorMessage('BAD_REQUEST', 'en', {
        details: 'người đại diện chính không thể rời tổ chức / the owner cannot leave',
      }),
    ).toBe('Bad request: the owner cannot leave');
  });

  it('leaves a slash between two Vietnamese names alone', () => {
    expect(oneLanguage('Mã số doanh nghiệp / mã số thuế', 'en')).toBe('Mã số doanh nghiệp / mã số thuế');
  });
});

describe('money', () => {
  it('appends "đồng" only in Vietnamese', () => {
    expect(formatMoney(1250000, 'vi')).toBe('1.250.000 đồng');
    expect(formatMoney(1250000, 'en')).toBe('VND 1,250,000');
  });
});

describe('server messages', () => {
  it('carry readable dates, grouped counts and plurals', () => {
    expect(
      formatErrorMessage('BAD_REQUEST', 'vi', {
        details: {
          vi: 'cơ quan UBND đã ngừng hoạt động từ 2025-07-01',
          en: 'agency UBND ended on 2025-07-01',
        },
      }),
    ).toBe('Yêu cầu không hợp lệ: cơ quan UBND đã ngừng hoạt động từ 01/07/2025');
    expect(
      formatErrorMessage('PROCEDURE_NOT_PUBLISHED', 'en', { code: '1.0001', at: '2026-02-03T02:05:00.000Z' }),
    ).toBe('Procedure 1.0001 was not published at 03/02/2026 09:05.');
    expect(formatErrorMessage('RATE_LIMITED', 'en', { retryAfter: 1 })).toBe(
      'Too many requests. Try again in 1 second.',
    );
    expect(formatErrorMessage('RATE_LIMITED', 'vi', { retryAfter: 1 })).toBe(
      'Bạn thao tác quá nhanh. Vui lòng thử lại sau 1 giây.',
    );
    expect(formatErrorMessage('IMPORT_REJECTED', 'en', { count: 1 })).toBe(
      'Import rejected: 1 row has errors; nothing was written.',
    );
    expect(formatErrorMessage('IMPORT_REJECTED', 'vi', { count: 1200 })).toBe(
      'Không nhập được danh mục: 1.200 dòng có lỗi, chưa có dữ liệu nào được ghi.',
    );
  });
});
