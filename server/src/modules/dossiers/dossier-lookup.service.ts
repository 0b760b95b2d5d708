import { randomInt, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { TLookupAlert, TLookupResponse } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import { AppError } from '../../http/errors';
import { appendAudit, type AuditActor } from '../audit';
import { countHit, readHits } from '../../http/rate-limit';
import { hitCounterFor } from '../../http/hit-counter';
import { isDossierCode, maskName } from './dossier-code';
import { notFound } from './dossier-context';
import { acknowledgeAlert, findAlerts, upsertOpenAlert, type AlertRow } from './dossier-lookup.repo';
import { instant } from './dossiers.presenter';
import { listEventFactsOf, lookupByCode } from './dossiers.repo';
import { extendedFrom, isLate, PROGRESS_EVENTS, resultStatus } from './dossier-progress';
import { ALERT_REFRESH_MS, judgeProbes } from './lookup-probing';
import { probeWatchFor } from './lookup-watch';
import { openTaskAgencies } from './interagency.repo';

type Db = Kysely<Database>;

/** Wrong PINs for one code per hour, from anywhere, before PINs for it are refused for the rest of the hour. */
export const PIN_ATTEMPTS_PER_HOUR = 10;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const GLOBAL_SHARDS = 8;

/** Six random digits: the lookup PIN printed on the receipt (ADR 0014). */
export function newLookupPin(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

const samePin = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const retryAfter = (resetAt: Date, now: Date) =>
  Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));

/** Remembers the code this address looked up and raises (or updates) an alert when it walks a run of codes. */
async function watchProbe(db: Db, clientIp: string, code: string, found: boolean, now: Date) {
  const watch = probeWatchFor(db);
  const { recent, alertAt } = await watch.record(clientIp, code, found, now);
  const verdict = judgeProbes(recent);
  // An open alert is rewritten at most once a minute while the walk goes on: every lookup of a busy walker
  // rewriting one row would queue them all on its lock.
  if (!verdict.reason || (alertAt && now.getTime() - alertAt.getTime() < ALERT_REFRESH_MS)) return;
  await upsertOpenAlert(db, {
    clientIp,
    reason: verdict.reason,
    codesProbed: verdict.codesProbed,
    notFound: verdict.notFound,
    longestRun: verdict.longestRun,
    sampleCodes: recent
      .map((p) => p.code)
      .sort()
      .slice(0, 20),
    at: now,
  });
  watch.alerted(clientIp, now);
}

/**
 * Public lookup by dossier code (000 Đ13, 004 Đ5.3): state, procedure, dates and who holds it, by code alone; the
 * applicant's masked name only with the lookup PIN. Every lookup counts against the global limit (all addresses,
 * all processes: the database) and is remembered per address to see sequential probing; the per-address limit
 * is the route's. Wrong PINs for one code are limited from anywhere, so the PIN cannot be walked either.
 * The counters are kept on `db` (the primary); the dossier is read from `read`, which may be the replica (ADR 0030).
 */
export async function publicLookup(
  db: Db,
  input: { code: string; pin?: string | undefined; clientIp: string; globalPerMinute: number },
  now: Date,
  read: Db = db,
): Promise<TLookupResponse> {
  const { code, pin } = input;
  if (!isDossierCode(code)) {
    throw new AppError('BAD_REQUEST', {
      details: {
        vi: `“${code.slice(0, 60)}” không phải mã hồ sơ (dạng 000.00.15.H99-260302-0001)`,
        en: `“${code.slice(0, 60)}” is not a dossier code (like 000.00.15.H99-260302-0001)`,
      },
    });
  }
  // One counter row updated by every lookup of every process would serialise them all on its row lock; large
  // budgets are spread over shards (a random one per lookup, each allowed its share), small ones stay exact.
  const shards = Math.max(1, Math.min(GLOBAL_SHARDS, Math.floor(input.globalPerMinute / 200)));
  const shard = shards > 1 ? randomInt(shards) : 0;
  const budget = Math.ceil(input.globalPerMinute / shards);
  const global = await hitCounterFor(db).hit(`lookup|global|${shard}`, MINUTE_MS, budget, now);
  if (global.hits > budget) {
    throw new AppError('RATE_LIMITED', { retryAfter: retryAfter(global.resetAt, now) });
  }
  const r = await lookupByCode(read, code);
  const found = Boolean(r?.code);
  await watchProbe(db, input.clientIp, code, found, now);
  if (!r || !r.code) throw notFound();

  let pinStatus: TLookupResponse['pinStatus'] = 'none';
  if (pin !== undefined) {
    const key = `lookup-pin|${r.code}`;
    const tries = await readHits(db, key, now);
    if (tries.hits >= PIN_ATTEMPTS_PER_HOUR) {
      throw new AppError('RATE_LIMITED', { retryAfter: retryAfter(tries.resetAt, now) });
    }
    if (r.lookup_pin && samePin(pin, r.lookup_pin)) pinStatus = 'accepted';
    else {
      pinStatus = 'wrong';
      await countHit(db, key, HOUR_MS, now);
    }
  }
  const facts = r.workflow ? await listEventFactsOf(read, r.id, PROGRESS_EVENTS) : [];
  const step = r.workflow?.steps.find((s) => s.key === r.current_step);
  const working = r.workflow?.interagency ? await openTaskAgencies(read, r.id) : [];
  return {
    code: r.code,
    status: r.status,
    procedureName: r.procedure_name,
    receivingAgency: r.receiving_name,
    holdingAgency: r.holding_name,
    holdingDepartment: r.holding_department_name,
    receivedAt: r.received_at ? instant(r.received_at) : null,
    appointmentAt: r.appointment_at ? instant(r.appointment_at) : null,
    late: isLate(r, now),
    applicantName: pinStatus === 'accepted' ? maskName((r.applicant as { name: string }).name) : null,
    pinStatus,
    // The step and the unit that holds it, never a person (the holder fields above name the unit).
    currentStep: step ? { vi: step.name.vi, en: step.name.en } : null,
    extendedFrom: extendedFrom(facts),
    result: resultStatus(facts),
    // Inter-agency (issue 14): the partners working on it now; one status, one dossier throughout.
    ...(working.length ? { workingAgencies: working } : {}),
  };
}

function presentAlert(a: AlertRow): TLookupAlert {
  return {
    id: a.id,
    clientIp: a.client_ip,
    reason: a.reason,
    codesProbed: a.codes_probed,
    notFound: a.not_found,
    longestRun: a.longest_run,
    sampleCodes: a.sample_codes,
    firstAt: instant(a.first_at),
    lastAt: instant(a.last_at),
    acknowledgedAt: a.acknowledged_at ? instant(a.acknowledged_at) : null,
  };
}

/** Open (or acknowledged) probing alerts, newest first; the route admits system administrators only. */
export async function listLookupAlerts(db: Db, open: boolean): Promise<{ items: TLookupAlert[] }> {
  return { items: (await findAlerts(db, { open, limit: 200 })).map(presentAlert) };
}

/** Marks an open alert as seen, with its audit row in the same transaction. */
export async function acknowledgeLookupAlert(
  db: Db,
  audit: AuditActor,
  id: string,
  now: Date,
): Promise<TLookupAlert> {
  return db.transaction().execute(async (trx) => {
    const row = await acknowledgeAlert(trx, id, audit.id ?? '', now);
    if (!row) throw new AppError('NOT_FOUND', { what: { vi: 'cảnh báo đang mở', en: 'Open alert' } });
    await appendAudit(trx, audit, {
      action: 'lookup_alert.acknowledge',
      target: { type: 'lookup_alert', id },
      details: { clientIp: row.client_ip, reason: row.reason },
    });
    return presentAlert(row);
  });
}
