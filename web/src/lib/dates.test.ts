import { describe, expect, it } from 'vitest';
import { formatDay } from './dates';

describe('formatDay', () => {
  it('writes calendar dates as dd/mm/yyyy and shows a dash (or the given text) for none', () => {
    expect(formatDay('2026-11-09')).toBe('09/11/2026');
    expect(formatDay(null)).toBe('—');
    expect(formatDay(undefined, 'hiện hành')).toBe('hiện hành');
  });
});
