import { describe, expect, it } from 'vitest';
import type { TDossierDetail, TDossierEvent, TMeResponse } from '@motcua/contracts';
import { allowedActions, currentHandler, dueMark } from './model';

const AGENCY = { id: 'a-sttt', code: 'STTTT', name: 'Sở TTTT' };
const DESK = { id: 'a-desk', name: 'Bộ phận Một cửa' };
const ev = (seq: number, type: TDossierEvent['type'], at: string, data = {}): TDossierEvent => ({
  seq,
  type,
  at,
  actor: { type: 'staff', name: null },
  channel: null,
  reason: null,
  data,
});
const me = (id: string, roles: TMeResponse['roles'], agency = AGENCY) => ({
  id,
  kind: 'staff' as const,
  roles,
  agency,
});
const dossier = (kind: string, events: TDossierEvent[], status = 'in_processing') =>
  ({
    status,
    receivingAgency: DESK,
    resultAgency: DESK,
    holdingAgency: { id: AGENCY.id, name: AGENCY.name },
    processing: {
      processingTime: { unit: 'working_days', value: 10 },
      steps: [],
      currentStep: {
        key: kind,
        kind,
        name: { vi: kind, en: kind },
        enteredAt: '2026-02-12T09:00:00+07:00',
        dueAt: '2026-02-13T09:00:00+07:00',
      },
    },
    events,
  }) as unknown as TDossierDetail;

describe('the actions a workspace offers', () => {
  const assigned = ev(2, 'assigned', '2026-02-12T10:00:00+07:00', {
    handler: { id: 'u-spec', name: 'Cường' },
    toStep: 'appraisal',
  });
  it('the head assigns at the assignment step; a specialist sees nothing there', () => {
    const d = dossier('assignment', [ev(1, 'handed_over', '2026-02-12T09:00:00+07:00')]);
    expect(allowedActions(d, me('u-head', ['approver']))).toEqual(['assign']);
    expect(allowedActions(d, me('u-spec', ['specialist']))).toEqual([]);
  });
  it('only the assigned specialist appraises; forwarding waits for the opinion', () => {
    const d = dossier('appraisal', [assigned]);
    expect(currentHandler(d)).toEqual({ id: 'u-spec', name: 'Cường' });
    expect(allowedActions(d, me('u-spec', ['specialist']))).toEqual([
      'appraise',
      'requestSupplement',
      'extend',
      'stepBack',
    ]);
    expect(allowedActions(d, me('u-other', ['specialist']))).toEqual([]);
    const appraised = dossier('appraisal', [assigned, ev(3, 'appraised', '2026-02-13T09:00:00+07:00')]);
    expect(allowedActions(appraised, me('u-spec', ['specialist']))).toContain('forward');
    expect(allowedActions(d, me('u-head', ['approver']))).toEqual(['reassign']);
  });
  it('another agency or a paused clock offers nothing; the desk issues and returns', () => {
    expect(
      allowedActions(dossier('approval', []), me('x', ['approver'], { ...AGENCY, id: 'other' })),
    ).toEqual([]);
    expect(
      allowedActions(dossier('appraisal', [assigned], 'processing_supplement'), me('u-spec', ['specialist'])),
    ).toEqual([]);
    const desk = me('u-desk', ['reception_officer'], { id: DESK.id, code: 'D', name: DESK.name });
    expect(allowedActions(dossier('result_to_desk', []), desk)).toEqual(['result', 'stop']);
    // The receiving desk records a stop, also while the applicant's supplement is awaited.
    expect(allowedActions(dossier('appraisal', [assigned], 'processing_supplement'), desk)).toEqual(['stop']);
    expect(allowedActions(dossier('return', [], 'result_ready'), desk)).toEqual(['return']);
  });
  it('a step back returns the earlier step to its last handler', () => {
    const d = dossier('appraisal', [
      assigned,
      ev(3, 'forwarded', '2026-02-13T09:00:00+07:00', { toStep: 'approval' }),
      ev(4, 'stepped_back', '2026-02-14T09:00:00+07:00', { step: 'approval', toStep: 'appraisal' }),
    ]);
    expect(currentHandler(d)).toEqual({ id: 'u-spec', name: 'Cường' });
  });
  it('marks overdue and due soon', () => {
    const at = new Date('2026-02-13T08:00:00+07:00');
    expect(dueMark('2026-02-13T09:00:00+07:00', at)).toBe('dueSoon');
    expect(dueMark('2026-02-13T07:00:00+07:00', at)).toBe('overdue');
    expect(dueMark('2026-02-20T09:00:00+07:00', at)).toBeNull();
  });
});
