import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { portalTargetOf } from './portal-client';
import type { PortalDossier, PortalMessage } from './portal-message';
import { checkSignature } from './signing';

/**
 * A local stand-in for the national portal's dossier-status sync (demo and tests; used when NATIONAL_PORTAL_URL is
 * unset). Another system: its own tables, the same signed requests, and knobs to misbehave — refuse with an error
 * status, lag, silently drop a fraction of what it acknowledges, or lose what it learnt since some instant (as if
 * it had been restored from an older backup). Hidden from our OpenAPI document; `GET /portal-sim` shows its state.
 */
const ZSettings = z.object({
  dropRate: z.number().min(0).max(1).optional(),
  failRate: z.number().min(0).max(1).optional(),
  errorStatus: z.number().int().min(400).max(599).optional(),
  lagMs: z.number().int().min(0).max(60_000).optional(),
});
const ZForget = z.object({ since: z.iso.datetime({ offset: true }) });

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export async function portalSimulator(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db.kysely;
  /** The simulator's behaviour; the defaults (answer everything at once) until someone sets it. */
  const settings = async () =>
    (await db().selectFrom('portal_sim_settings').selectAll().where('id', '=', 1).executeTakeFirst()) ?? {
      id: 1,
      drop_rate: 0,
      fail_rate: 0,
      error_status: 503,
      lag_ms: 0,
    };
  const secret = () => portalTargetOf(app.deps.config).secret;
  const ok = { MaLoi: '0', MoTaLoi: 'OK' };

  const verified = (req: { headers: Record<string, string | string[] | undefined>; rawBody?: string }) =>
    checkSignature(secret(), req.headers, req.rawBody ?? '', app.deps.clock.now());

  app.post('/portal-sim/api/v1/ho-so/dong-bo', { schema: { hide: true } }, async (req, reply) => {
    const check = verified(req);
    if (check !== 'ok') return reply.code(401).send({ MaLoi: '401', MoTaLoi: `signature ${check}` });
    const m = req.body as PortalMessage;
    if (!m?.MaThongDiep || !m.HoSo?.IdHoSoDiaPhuong || !Number.isInteger(m.HoSo.SoThuTuSuKien))
      return reply.code(400).send({ MaLoi: '400', MoTaLoi: 'malformed message' });
    const s = await settings();
    if (s.lag_ms > 0) await new Promise((r) => setTimeout(r, s.lag_ms));
    const now = app.deps.clock.now();
    const roll = () => randomInt(1_000_000) / 1_000_000;
    if (s.fail_rate > 0 && roll() < s.fail_rate)
      return reply.code(s.error_status).send({ MaLoi: String(s.error_status), MoTaLoi: 'simulated failure' });
    const dropped = s.drop_rate > 0 && roll() < s.drop_rate;
    await db()
      .insertInto('portal_sim_received')
      .values({ message_id: m.MaThongDiep, outcome: dropped ? 'dropped' : 'stored', received_at: now })
      .onConflict((oc) => oc.column('message_id').doNothing())
      .execute();
    if (dropped) return ok; // acknowledged and lost: what the consistency check is for
    const step = m.QuaTrinhXuLy ? JSON.stringify([m.QuaTrinhXuLy]) : '[]';
    await db()
      .insertInto('portal_sim_dossiers')
      .values({
        dossier_ref: m.HoSo.IdHoSoDiaPhuong,
        seq: m.HoSo.SoThuTuSuKien,
        body: JSON.stringify(m.HoSo),
        history: step,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.column('dossier_ref').doUpdateSet((eb) => ({
          // The state of the highest event number wins; the history keeps every step it heard of.
          seq: eb.fn('greatest', [eb.ref('portal_sim_dossiers.seq'), eb.ref('excluded.seq')]),
          body: eb
            .case()
            .when(eb.ref('excluded.seq'), '>=', eb.ref('portal_sim_dossiers.seq'))
            .then(eb.ref('excluded.body'))
            .else(eb.ref('portal_sim_dossiers.body'))
            .end(),
          history: eb(eb.ref('portal_sim_dossiers.history'), '||', eb.ref('excluded.history')),
          updated_at: now,
        })),
      )
      .execute();
    return ok;
  });

  app.post('/portal-sim/api/v1/ho-so/tra-cuu', { schema: { hide: true } }, async (req, reply) => {
    const check = verified(req);
    if (check !== 'ok') return reply.code(401).send({ MaLoi: '401', MoTaLoi: `signature ${check}` });
    const ids = z.object({ DanhSachIdHoSo: z.array(z.string().max(64)).max(500) }).safeParse(req.body);
    if (!ids.success) return reply.code(400).send({ MaLoi: '400', MoTaLoi: 'malformed query' });
    const rows = ids.data.DanhSachIdHoSo.length
      ? await db()
          .selectFrom('portal_sim_dossiers')
          .select('body')
          .where('dossier_ref', 'in', ids.data.DanhSachIdHoSo)
          .execute()
      : [];
    return { ...ok, DanhSachHoSo: rows.map((r) => r.body as unknown as PortalDossier) };
  });

  app.post('/portal-sim/control', { schema: { hide: true, body: ZSettings } }, async (req) => {
    const b = req.body;
    const s = await settings();
    const next = {
      id: 1,
      drop_rate: b.dropRate ?? s.drop_rate,
      fail_rate: b.failRate ?? s.fail_rate,
      error_status: b.errorStatus ?? s.error_status,
      lag_ms: b.lagMs ?? s.lag_ms,
    };
    await db()
      .insertInto('portal_sim_settings')
      .values(next)
      .onConflict((oc) => oc.column('id').doUpdateSet(next))
      .execute();
    return settings();
  });

  /** Loses what it learnt since `since` (restored from an older backup). */
  app.post('/portal-sim/control/forget', { schema: { hide: true, body: ZForget } }, async (req) => {
    const r = await db()
      .deleteFrom('portal_sim_dossiers')
      .where('updated_at', '>=', new Date(req.body.since))
      .executeTakeFirst();
    return { forgotten: Number(r.numDeletedRows) };
  });

  app.get('/portal-sim', { schema: { hide: true } }, async (_req, reply) => {
    const rows = await db()
      .selectFrom('portal_sim_dossiers')
      .select(['body', 'updated_at'])
      .orderBy('updated_at', 'desc')
      .limit(200)
      .execute();
    const s = await settings();
    const tr = rows
      .map((r) => {
        const b = r.body as unknown as PortalDossier;
        const cells = [b.MaHoSo ?? b.IdHoSoDiaPhuong, b.MaTTHC, b.TrangThaiHoSo, String(b.SoThuTuSuKien)];
        return `<tr>${cells.map((c) => `<td>${esc(String(c))}</td>`).join('')}</tr>`;
      })
      .join('\n');
    const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>National portal (simulator)</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: sans-serif; margin: 2rem"><main><h1>National portal (simulator)</h1>
<p>drop ${s.drop_rate} · fail ${s.fail_rate} (${s.error_status}) · lag ${s.lag_ms} ms</p>
<table><thead><tr><th>MaHoSo</th><th>MaTTHC</th><th>TrangThaiHoSo</th><th>SoThuTuSuKien</th></tr></thead>
<tbody>${tr}</tbody></table></main></body></html>`;
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
