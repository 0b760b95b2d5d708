/**
 * Telling one client walking dossier codes from people looking up their own dossiers (ADR 0014). Pure: the caller
 * gives the codes the client looked up within the window.
 *
 * Codes are `<agency>-<YYMMDD>-<sequence>`, sequential per agency and day, so a walk shows as many codes that do
 * not exist or as a run of consecutive sequence numbers under one agency and day. A person has a few dossiers;
 * a kiosk in the hall looks up many different codes, but they exist and are not consecutive.
 */
export const PROBE_WINDOW_MS = 10 * 60_000;
/**
 * How many of an address's most recent other codes within the window are judged with the one it looks up now: a
 * walk shows within a few lookups, and a busy address pays the same on every lookup however many it made.
 */
export const PROBE_SAMPLE = 100;
/** An open alert of an address that keeps probing is brought up to date at most this often. */
export const ALERT_REFRESH_MS = 60_000;
/** Distinct unknown codes from one address within the window that raise an alert. */
export const NOT_FOUND_ALERT = 10;
/** Consecutive sequence numbers of one agency and day from one address within the window that raise an alert. */
export const RUN_ALERT = 6;

export type Probe = { code: string; found: boolean };
export type ProbeVerdict = {
  codesProbed: number;
  notFound: number;
  longestRun: number;
  reason: 'not_found' | 'sequential' | null;
};

/** The longest run of consecutive sequence numbers sharing the same `<agency>-<YYMMDD>` prefix. */
export function longestRun(codes: string[]): number {
  const byPrefix = new Map<string, Set<number>>();
  for (const code of codes) {
    const m = /^(.*)-(\d+)$/.exec(code);
    if (!m) continue;
    const seqs = byPrefix.get(m[1]!) ?? new Set<number>();
    seqs.add(Number(m[2]));
    byPrefix.set(m[1]!, seqs);
  }
  let best = 0;
  for (const seqs of byPrefix.values()) {
    for (const n of seqs) {
      if (seqs.has(n - 1)) continue; // not the start of a run
      let len = 1;
      while (seqs.has(n + len)) len++;
      best = Math.max(best, len);
    }
  }
  return best;
}

export function judgeProbes(probes: Probe[]): ProbeVerdict {
  const codes = [...new Set(probes.map((p) => p.code))];
  const notFound = new Set(probes.filter((p) => !p.found).map((p) => p.code)).size;
  const run = longestRun(codes);
  const reason = notFound >= NOT_FOUND_ALERT ? 'not_found' : run >= RUN_ALERT ? 'sequential' : null;
  return { codesProbed: codes.length, notFound, longestRun: run, reason };
}
