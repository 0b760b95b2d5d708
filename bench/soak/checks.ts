/**
 * What the soak holds the database to after the load, as pure functions over rows (unit-tested in checks.test.ts);
 * each returns the failures it found, empty when the property holds. `facts.ts` reads the rows.
 */
import type { AckedAction, AckedSubmission, UnsureAction } from './users';

export type KeyRow = { scope: string; key: string; dossierId: string | null };

/**
 * Every acknowledged submission exists exactly once: its key is stored once, naming the dossier the client was
 * answered with, and that dossier exists; and no online dossier of the run lacks a key (a retried key that made a
 * second dossier would leave one without).
 */
export function checkSubmissions(
  acked: readonly AckedSubmission[],
  keys: readonly KeyRow[],
  runDossiers: readonly string[],
): string[] {
  const failures: string[] = [];
  const byKey = new Map<string, KeyRow[]>();
  for (const k of keys) byKey.set(`${k.scope}|${k.key}`, [...(byKey.get(`${k.scope}|${k.key}`) ?? []), k]);
  const existing = new Set(runDossiers);
  for (const a of acked) {
    const rows = byKey.get(`dossiers.submit:${a.userId}|${a.key}`) ?? [];
    if (rows.length !== 1) failures.push(`submission ${a.key}: ${rows.length} key rows`);
    else if (rows[0]!.dossierId !== a.dossierId)
      failures.push(`submission ${a.key}: acknowledged ${a.dossierId}, key names ${rows[0]!.dossierId}`);
    if (!existing.has(a.dossierId)) failures.push(`submission ${a.key}: dossier ${a.dossierId} missing`);
  }
  const keyed = new Map<string, number>();
  for (const k of keys) if (k.dossierId) keyed.set(k.dossierId, (keyed.get(k.dossierId) ?? 0) + 1);
  for (const [id, n] of keyed) if (n > 1) failures.push(`dossier ${id} answered for ${n} keys`);
  for (const id of runDossiers) if (!keyed.has(id)) failures.push(`dossier ${id} has no idempotency key`);
  return failures;
}

export type EventRow = { dossierId: string; seq: number; type: string };

/**
 * Every acknowledged action's event is in its dossier (same sequence number and type), and no dossier has more
 * events of an action's type than were acknowledged plus those whose outcome the client could not know.
 */
export function checkActions(
  acked: readonly AckedAction[],
  unsure: readonly UnsureAction[],
  events: readonly EventRow[],
): string[] {
  const failures: string[] = [];
  const at = new Map(events.map((e) => [`${e.dossierId}|${e.seq}`, e.type]));
  const count = (list: readonly { dossierId: string; type: string }[]) => {
    const m = new Map<string, number>();
    for (const x of list) m.set(`${x.dossierId}|${x.type}`, (m.get(`${x.dossierId}|${x.type}`) ?? 0) + 1);
    return m;
  };
  for (const a of acked) {
    const type = at.get(`${a.dossierId}|${a.seq}`);
    if (type !== a.type)
      failures.push(`action ${a.type} on ${a.dossierId} (event ${a.seq}): found ${type ?? 'nothing'}`);
  }
  const ackedN = count(acked);
  const unsureN = count(unsure);
  const types = new Set(acked.map((a) => a.type));
  const stored = count(events.filter((e) => types.has(e.type as AckedAction['type'])));
  for (const [k, n] of stored) {
    const allowed = (ackedN.get(k) ?? 0) + (unsureN.get(k) ?? 0);
    const [dossierId, type] = k.split('|');
    if (ackedN.has(k) || unsureN.has(k)) {
      if (n > allowed) failures.push(`dossier ${dossierId}: ${n} ${type} events, ${allowed} sent`);
    }
  }
  return failures;
}

/** The hand-over runs once per received dossier (inline for online ones, a job for paper after 15:00). */
export function checkHandovers(events: readonly EventRow[]): string[] {
  const received = new Set<string>();
  const handed = new Map<string, number>();
  for (const e of events) {
    if (e.type === 'received') received.add(e.dossierId);
    if (e.type === 'handed_over') handed.set(e.dossierId, (handed.get(e.dossierId) ?? 0) + 1);
  }
  const failures: string[] = [];
  for (const [id, n] of handed) if (n > 1) failures.push(`dossier ${id} handed over ${n} times`);
  for (const id of handed.keys())
    if (!received.has(id)) failures.push(`dossier ${id} handed over, never received`);
  return failures;
}

export type CounterRow = { agencyCode: string; day: string; lastValue: number };

const CODE = /^(.+)-(\d{6})-(\d{4,})(?:-[A-Z]{2}\d{4})?$/;

/**
 * Within an agency's day the dossier codes are 1 … the counter's last value, each once: no number used twice, none
 * skipped. `day` is YYYY-MM-DD (Việt Nam); codes carry it as YYMMDD.
 */
export function checkCodes(counters: readonly CounterRow[], codes: readonly string[]): string[] {
  const failures: string[] = [];
  const seen = new Map<string, number[]>();
  for (const code of codes) {
    const m = CODE.exec(code);
    if (!m) {
      failures.push(`code ${code} is malformed`);
      continue;
    }
    const k = `${m[1]}|${m[2]}`;
    seen.set(k, [...(seen.get(k) ?? []), Number(m[3])]);
  }
  for (const c of counters) {
    const k = `${c.agencyCode}|${c.day.slice(2).replaceAll('-', '')}`;
    const numbers = (seen.get(k) ?? []).sort((a, b) => a - b);
    seen.delete(k);
    const dup = numbers.filter((n, i) => i > 0 && numbers[i - 1] === n);
    if (dup.length) failures.push(`${c.agencyCode} ${c.day}: used twice ${[...new Set(dup)].join(', ')}`);
    const have = new Set(numbers);
    const missing: number[] = [];
    for (let n = 1; n <= c.lastValue; n++) if (!have.has(n)) missing.push(n);
    if (missing.length)
      failures.push(
        `${c.agencyCode} ${c.day}: skipped ${missing.slice(0, 20).join(', ')} (of ${c.lastValue})`,
      );
    const beyond = numbers.filter((n) => n > c.lastValue);
    if (beyond.length) failures.push(`${c.agencyCode} ${c.day}: ${beyond.join(', ')} beyond the counter`);
  }
  for (const [k, numbers] of seen)
    failures.push(`${k.replace('|', ' ')}: ${numbers.length} codes without a counter`);
  return failures;
}

export type MessageRow = { id: string; status: string; deliveries: number };

/** Every notification of the run was sent, and the local e-mail/SMS sink holds it exactly once. */
export function checkMessages(messages: readonly MessageRow[]): string[] {
  return messages
    .filter((m) => m.status !== 'sent' || m.deliveries !== 1)
    .map((m) => `message ${m.id}: ${m.status}, delivered ${m.deliveries} times`);
}
