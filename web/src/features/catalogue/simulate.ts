import { vnWall, type TSimulateRequest, type TSimulateResponse } from '@motcua/contracts';
import { api } from '../../lib/api';

/**
 * The simulator (POST /api/procedures/{code}/simulate): the live processing rules on a hypothetical dossier. The
 * public page asks it for the expected result date; the catalogue editor tries a draft (`versionId`) with events.
 */
export function simulateProcedure(code: string, body: TSimulateRequest, versionId?: string) {
  const q = versionId ? `?version=${encodeURIComponent(versionId)}` : '';
  return api<TSimulateResponse>(`/api/procedures/${encodeURIComponent(code)}/simulate${q}`, {
    method: 'POST',
    body,
  });
}

/** An instant as the value of a datetime-local input in Việt Nam time: "2026-02-12T09:00". */
export function vnLocalInput(at: Date): string {
  return vnWall(at).toISOString().slice(0, 16);
}

/** A datetime-local value read as Việt Nam time, as an ISO instant with +07:00 (null when incomplete). */
export function instantOfVnLocal(value: string): string | null {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+07:00` : null;
}
