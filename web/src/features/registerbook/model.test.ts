import { describe, expect, it } from 'vitest';
import { monthToDate, periodProblem, registerUrl } from './model';

describe('register period (web)', () => {
  it('accepts a period of up to one year and names what is wrong otherwise', () => {
    expect(periodProblem('2026-01-01', '2026-12-31')).toBeNull();
    expect(periodProblem('2026-01-01', '2027-01-01')).toBe('tooLong');
    expect(periodProblem('2026-03-02', '2026-03-01')).toBe('reversed');
    expect(periodProblem('2026-02-30', '2026-03-01')).toBe('invalid');
    expect(periodProblem('', '2026-03-01')).toBe('invalid');
  });
  it('starts at the first of the month in Vietnam time', () => {
    // 31/01/2026 18:00 UTC is already 01/02/2026 in Vietnam.
    expect(monthToDate(new Date('2026-01-31T18:00:00Z'))).toEqual({ from: '2026-02-01', to: '2026-02-01' });
    expect(registerUrl('2026-02-01', '2026-02-28', 'xlsx')).toBe(
      '/api/processing/register?from=2026-02-01&to=2026-02-28&format=xlsx',
    );
    expect(registerUrl('2026-02-01', '2026-02-28', 'pdf', 'returned')).toBe(
      '/api/processing/register?from=2026-02-01&to=2026-02-28&format=pdf&place=returned',
    );
  });
});
