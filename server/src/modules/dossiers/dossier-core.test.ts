import { describe, expect, it } from 'vitest';
import { formatDossierCode, isDossierCode, maskName, codeDay } from './dossier-code';
import { applicantMayAmend, statusOf, transition } from './dossier-state';

describe('dossier code', () => {
  it('formats agency code, receipt day in Việt Nam time and a 4-digit sequence', () => {
    expect(formatDossierCode('000.17.22.H56', new Date('2021-05-31T02:00:00Z'), 1)).toBe(
      '000.17.22.H56-210531-0001',
    );
  });

  it('uses the local day: 23:30 UTC on 30 May is already 31 May in Việt Nam', () => {
    expect(codeDay(new Date('2021-05-30T17:30:00Z'))).toBe('210531');
    expect(codeDay(new Date('2021-05-30T16:59:59Z'))).toBe('210530');
  });

  it('grows past 9999 instead of wrapping', () => {
    expect(formatDossierCode('H99.15', new Date('2026-03-02T03:00:00Z'), 10_000)).toBe('H99.15-260302-10000');
    expect(isDossierCode('H99.15-260302-10000')).toBe(true);
  });

  it('recognises well-formed codes only', () => {
    expect(isDossierCode('000.17.22.H56-210531-0001')).toBe(true);
    expect(isDossierCode('000.17.22.H56-21053-0001')).toBe(false);
    expect(isDossierCode('000.17.22.H56-210531-001')).toBe(false);
    expect(isDossierCode("x'; drop table--210531-0001")).toBe(false);
  });
});

describe('name masking', () => {
  it.each([
    ['Nguyễn Văn An', 'Nguyễn V** A*'],
    ['Trần Thị Ánh Tuyết', 'Trần T** Á** T****'],
    ['  Lê   Minh ', 'Lê M***'],
    ['Công ty TNHH Thành Đạt', 'Công t* T*** T**** Đ**'],
  ])('%s → %s', (name, masked) => expect(maskName(name)).toBe(masked));
});

describe('reception state machine', () => {
  it('derives the status from the events', () => {
    expect(statusOf(['submitted'])).toBe('submitted');
    expect(
      statusOf(['submitted', 'supplement_requested', 'supplement_submitted', 'received', 'handed_over']),
    ).toBe('in_processing');
    expect(statusOf(['registered', 'refused'])).toBe('refused');
  });

  it('allows only the three reception decisions on a waiting dossier', () => {
    for (const e of ['received', 'supplement_requested', 'refused'] as const)
      expect(transition('submitted', e).ok).toBe(true);
    expect(transition('submitted', 'handed_over').ok).toBe(false);
    expect(transition('received', 'refused').ok).toBe(false);
    expect(transition('refused', 'received').ok).toBe(false);
    expect(transition('supplement_requested', 'received').ok).toBe(false);
  });

  it('lets the applicant amend or withdraw only until reception', () => {
    expect(applicantMayAmend('submitted')).toBe(true);
    expect(applicantMayAmend('supplement_requested')).toBe(true);
    expect(applicantMayAmend('received')).toBe(false);
    expect(transition('received', 'withdrawn').ok).toBe(false);
    expect(transition('received', 'amended').ok).toBe(false);
  });

  it('rejects an impossible history', () => {
    expect(() => statusOf(['received'])).toThrow(/cannot follow/);
  });
});
