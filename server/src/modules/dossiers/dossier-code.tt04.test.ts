import { describe, expect, it } from 'vitest';
import { DOSSIER_CODE_PATTERN } from '@motcua/contracts';
import { formatDossierCode, pickIdentifier, TT04_2025_FROM } from './dossier-code';
import { detail } from './dossiers.test-helpers';
import { INTAKE_TEST_PROCEDURES, useProcedureFixtures } from './procedures.test-helpers';
import { at, officeFixture } from './processing-office.test-helpers';

const CODES = [
  { code: '000.00.15.H99', format: 'legacy' as const },
  { code: 'H99.15', format: 'qd20' as const },
];

describe('TT 04/2025 dossier codes (in force 25/01/2026)', () => {
  it('prefers the legacy code before 25/01/2026 and the QĐ 20/2020 identifier from that day (Vietnam time)', () => {
    expect(TT04_2025_FROM).toEqual(new Date('2026-01-24T17:00:00Z'));
    // 23:59 on 24/01/2026 in Vietnam.
    expect(pickIdentifier(CODES, new Date('2026-01-24T16:59:00Z'))?.code).toBe('000.00.15.H99');
    // 00:00 on 25/01/2026 in Vietnam, still 24/01 in UTC.
    expect(pickIdentifier(CODES, new Date('2026-01-24T17:00:00Z'))?.code).toBe('H99.15');
    // An agency with only one format keeps it on either side.
    expect(pickIdentifier([CODES[1]!], new Date('2025-12-01T03:00:00Z'))?.code).toBe('H99.15');
    expect(pickIdentifier([CODES[0]!], new Date('2026-03-02T03:00:00Z'))?.code).toBe('000.00.15.H99');
    expect(pickIdentifier([], new Date('2026-03-02T03:00:00Z'))).toBeUndefined();
  });

  it('appends the -AAXXXX tail of a centralised system, and the pattern accepts every form', () => {
    const day = new Date('2026-03-02T03:00:00Z');
    expect(formatDossierCode('H99.15', day, 7, 'BC0001')).toBe('H99.15-260302-0007-BC0001');
    expect(formatDossierCode('H99.15', day, 7)).toBe('H99.15-260302-0007');
    expect(() => formatDossierCode('H99.15', day, 7, 'B0001')).toThrow(/centralised/);
    for (const ok of [
      '000.00.15.H99-260101-0001',
      'H99.15-260302-0007',
      'H99.15-260302-0007-BC0001',
      'H99.31.01-260302-10000-TP1234',
    ])
      expect(DOSSIER_CODE_PATTERN.test(ok), ok).toBe(true);
    for (const bad of ['H99.15-260302-0007-B0001', 'H99.15-260302-0007-bc0001', 'H99.15-260302-0007-BC00011'])
      expect(DOSSIER_CODE_PATTERN.test(bad), bad).toBe(false);
  });
});

describe('acceptance on either side of 25/01/2026', async () => {
  const { f, received, desk } = await officeFixture(80);
  const base = INTAKE_TEST_PROCEDURES.find((p) => p.code === '1.004227')!;
  useProcedureFixtures([
    ...INTAKE_TEST_PROCEDURES,
    { ...base, code: '9.999001', versionId: '6f1c2a80-0000-4000-8000-0000000000c1', centralSystem: 'BC0001' },
  ]);

  it('codes a dossier received Friday 23/01/2026 with the legacy identifier, Monday 26/01/2026 with QĐ 20/2020', async () => {
    const before = await received('2026-01-23T09:00');
    expect(before.code).toBe('000.00.15.H99-260123-0001');
    const after = await received('2026-01-26T09:00');
    expect(after.code).toBe('H99.15-260126-0001');
    // Both codes are looked up as before.
    for (const d of [before, after]) {
      const res = await f.inject(null, 'GET', `/api/lookup/${d.code}`);
      expect(res.statusCode, res.body).toBe(200);
    }
  });

  it('adds the -AAXXXX tail for a procedure run on a centralised system', async () => {
    f.clock.set(at('2026-03-02T09:00'));
    const d = detail(await f.submit(f.citizenA, { procedureCode: '9.999001' }), 201);
    const a = detail(
      await f.inject(desk, 'POST', `/api/reception/dossiers/${d.id}/accept`, { expectedVersion: d.version }),
    );
    expect(a.code).toMatch(/^H99\.15-260302-\d{4}-BC0001$/);
    expect((await f.inject(null, 'GET', `/api/lookup/${a.code}`)).statusCode).toBe(200);
  });
});
