import { describe, expect, it } from 'vitest';
import { inline, readableLines } from './diff-format';

describe('diff values as readable lines', () => {
  it('shows list items one per line and objects by their meaningful values', () => {
    const fees = [{ name: 'Lệ phí', amount: 50000, collector: 'UBND xã', due: '' }];
    expect(readableLines('fees', fees, 'Có', 'Không')).toEqual(['Lệ phí — 50000 — UBND xã']);
    expect(
      readableLines('agencies', [{ id: 'x', shortName: 'SXD', name: 'Sở Xây dựng' }], 'Có', 'Không'),
    ).toEqual(['SXD — Sở Xây dựng']);
  });
  it('renders booleans, empties and the e-form', () => {
    expect(inline(true, 'Có', 'Không')).toBe('Có');
    expect(readableLines('conditions', [], 'Có', 'Không')).toEqual(['—']);
    expect(readableLines('eform', { type: 'object' }, 'Có', 'Không')).toEqual(['{"type":"object"}']);
    expect(inline({ unit: 'working_days', value: 5 }, 'Có', 'Không')).toBe('working_days — 5');
  });
});
