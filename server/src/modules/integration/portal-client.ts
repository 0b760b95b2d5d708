import { loadConfig, type Config } from '../../config';
import type { PortalDossier, PortalMessage } from './portal-message';
import { signedHeaders } from './signing';

/**
 * The HTTP client of the national portal's dossier-status sync: signed JSON (signing.ts) to `POST …/api/v1/ho-so/dong-bo`
 * (one message) and `POST …/api/v1/ho-so/tra-cuu` (the portal's state of given dossiers, for the consistency check).
 * The portal answers `{ MaLoi: "0" }` when it took the message; anything else is a failure the outbox retries.
 */
export type PortalTarget = { url: string; secret: string };

export function portalTargetOf(config: Pick<Config, 'nationalPortal' | 'publicUrl'>): PortalTarget {
  return {
    url: config.nationalPortal.url ?? `${config.publicUrl}/portal-sim`,
    secret: config.nationalPortal.secret,
  };
}

// The worker does not see the app's configuration object: the module's setup hands it over (as notifications does).
let target: (() => PortalTarget) | undefined;
export function usePortalTarget(t: () => PortalTarget): void {
  target = t;
}
export function currentPortalTarget(): PortalTarget {
  return target ? target() : portalTargetOf(loadConfig());
}

export class PortalError extends Error {}

async function post(t: PortalTarget, path: string, payload: unknown, now: Date): Promise<unknown> {
  const body = JSON.stringify(payload);
  let res: Response;
  try {
    res = await fetch(`${t.url}${path}`, {
      method: 'POST',
      headers: signedHeaders(t.secret, now, body),
      body,
      signal: AbortSignal.timeout(15_000),
    });
  } catch (err) {
    throw new PortalError(`portal unreachable: ${err instanceof Error ? err.message : String(err)}`);
  }
  const text = await res.text();
  if (!res.ok) throw new PortalError(`portal answered ${res.status}: ${text.slice(0, 200)}`);
  let answer: { MaLoi?: unknown; MoTaLoi?: unknown };
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    throw new PortalError('portal answered with something other than JSON');
  }
  if (answer.MaLoi !== '0')
    throw new PortalError(`portal refused: ${String(answer.MaLoi)} ${String(answer.MoTaLoi)}`);
  return answer;
}

export async function pushToPortal(t: PortalTarget, message: PortalMessage, now: Date): Promise<void> {
  await post(t, '/api/v1/ho-so/dong-bo', message, now);
}

/** The portal's state of these dossiers (by our id); a dossier it does not know is absent from the map. */
export async function queryPortal(
  t: PortalTarget,
  ids: string[],
  now: Date,
): Promise<Map<string, PortalDossier>> {
  const out = new Map<string, PortalDossier>();
  for (let i = 0; i < ids.length; i += 200) {
    const answer = (await post(
      t,
      '/api/v1/ho-so/tra-cuu',
      { DanhSachIdHoSo: ids.slice(i, i + 200) },
      now,
    )) as {
      DanhSachHoSo?: PortalDossier[];
    };
    for (const d of answer.DanhSachHoSo ?? []) out.set(d.IdHoSoDiaPhuong, d);
  }
  return out;
}
