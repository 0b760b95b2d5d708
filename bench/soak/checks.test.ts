import { describe, expect, it } from 'vitest';
import { checkActions, checkCodes, checkHandovers, checkMessages, checkSubmissions } from './checks';
import { quantile } from './http';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const U = '00000000-0000-4000-8000-0000000000ee';

describe('soak checks (issue 19)', () => {
  it('submissions: each acknowledged key stored once naming its dossier; no dossier without a key or with two', () => {
    const keys = [
      { scope: `dossiers.submit:${U}`, key: 'k1', dossierId: A },
      { scope: `dossiers.submit:${U}`, key: 'k2', dossierId: B },
    ];
    const acked = [
      { key: 'k1', userId: U, dossierId: A },
      { key: 'k2', userId: U, dossierId: B },
    ];
    expect(checkSubmissions(acked, keys, [A, B])).toEqual([]);
    // Lost: acknowledged, the dossier is not there.
    expect(checkSubmissions(acked, keys, [B])).toEqual([`submission k1: dossier ${A} missing`]);
    // A retry that made a second dossier: one without a key.
    expect(checkSubmissions(acked, keys, [A, B, C])).toEqual([`dossier ${C} has no idempotency key`]);
    // The key answered with another dossier than the client was told.
    expect(checkSubmissions([{ key: 'k1', userId: U, dossierId: C }], keys.slice(0, 1), [A, C])).toEqual([
      `submission k1: acknowledged ${C}, key names ${A}`,
      `dossier ${C} has no idempotency key`,
    ]);
  });

  it('actions: the acknowledged event is there; no more events of a type than were sent', () => {
    const events = [
      { dossierId: A, seq: 1, type: 'submitted' },
      { dossierId: A, seq: 2, type: 'received' },
      { dossierId: A, seq: 3, type: 'handed_over' },
      { dossierId: A, seq: 4, type: 'assigned' },
    ];
    const acked = [
      { dossierId: A, type: 'received' as const, seq: 2 },
      { dossierId: A, type: 'assigned' as const, seq: 4 },
    ];
    expect(checkActions(acked, [], events)).toEqual([]);
    expect(checkActions([...acked, { dossierId: A, type: 'appraised', seq: 5 }], [], events)).toEqual([
      `action appraised on ${A} (event 5): found nothing`,
    ]);
    const twice = [...events, { dossierId: A, seq: 5, type: 'assigned' }];
    expect(checkActions(acked, [], twice)).toEqual([`dossier ${A}: 2 assigned events, 1 sent`]);
    // A cut-off assignment may have taken effect.
    expect(checkActions(acked, [{ dossierId: A, type: 'assigned' }], twice)).toEqual([]);
  });

  it('hand-over: at most once, only for a received dossier', () => {
    expect(
      checkHandovers([
        { dossierId: A, seq: 2, type: 'received' },
        { dossierId: A, seq: 3, type: 'handed_over' },
        { dossierId: A, seq: 4, type: 'handed_over' },
        { dossierId: B, seq: 2, type: 'handed_over' },
      ]),
    ).toEqual([`dossier ${A} handed over 2 times`, `dossier ${B} handed over, never received`]);
  });

  it('codes: 1 … the counter, each once, per agency and day', () => {
    const counters = [{ agencyCode: 'H99.15', day: '2026-12-01', lastValue: 3 }];
    const ok = ['H99.15-261201-0001', 'H99.15-261201-0002', 'H99.15-261201-0003-BC0001'];
    expect(checkCodes(counters, ok)).toEqual([]);
    expect(checkCodes(counters, ['H99.15-261201-0001', 'H99.15-261201-0001', 'H99.15-261201-0003'])).toEqual([
      'H99.15 2026-12-01: used twice 1',
      'H99.15 2026-12-01: skipped 2 (of 3)',
    ]);
    expect(checkCodes(counters, [...ok, 'H99.15-261201-0004', '000.17.22.H56-261130-0001'])).toEqual([
      'H99.15 2026-12-01: 4 beyond the counter',
      '000.17.22.H56 261130: 1 codes without a counter',
    ]);
  });

  it('messages: sent, and in the local sink exactly once', () => {
    expect(
      checkMessages([
        { id: 'm1', status: 'sent', deliveries: 1 },
        { id: 'm2', status: 'sent', deliveries: 2 },
        { id: 'm3', status: 'queued', deliveries: 0 },
      ]),
    ).toEqual(['message m2: sent, delivered 2 times', 'message m3: queued, delivered 0 times']);
  });

  it('quantile by nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(quantile(xs, 0.5)).toBe(50);
    expect(quantile(xs, 0.99)).toBe(99);
    expect(quantile([7], 0.99)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });
});
