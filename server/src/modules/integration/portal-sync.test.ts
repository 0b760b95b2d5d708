import { describe, expect, it } from 'vitest';
import type { TPortalMessage, TSyncReport } from '@motcua/contracts';
import { currentPortalTarget, pushToPortal, queryPortal } from './portal-client';
import { differences, portalDossier, portalMessage } from './portal-message';
import { collectEvents } from './portal-outbox';
import { dossierSnapshots } from './portal-snapshot.repo';
import { checkSync } from './sync-check';
import { parseSyncArgs, syncCheckCommand } from './integration.cli';
import { integrationWorker, listeningDemoApp, simControl, sysAdmin } from './integration.test-helpers';

const HOUR = 3_600_000;

describe('national-portal sync through the outbox, against the simulator', async () => {
  const t = await listeningDemoApp();
  const worker = integrationWorker(t);
  const db = t.db.kysely;
  const since = new Date(t.clock.now().getTime() - 300 * 24 * HOUR);

  async function collectAll() {
    let total = 0;
    for (
      let n = await collectEvents(t.db, t.clock.now());
      n > 0;
      n = await collectEvents(t.db, t.clock.now())
    )
      total += n;
    return total;
  }

  it('drops 5 % and loses an hour of state; check-and-repair makes both sides agree on every dossier', async () => {
    await simControl(t.base, { dropRate: 0.05 });
    const events = await collectAll();
    const dossierCount = Number(
      (
        await db
          .selectFrom('dossiers')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(events).toBeGreaterThan(dossierCount); // every event of the demo office was collected once
    expect(await collectAll()).toBe(0);
    await worker.drain();
    const msgs = await db.selectFrom('portal_messages').select(['status']).execute();
    expect(msgs.length).toBe(events);
    expect(msgs.every((m) => m.status === 'sent')).toBe(true); // acknowledged, though some were dropped

    // An hour later the portal is restored from a backup taken before: it forgets everything of the last hour.
    t.clock.advance(HOUR);
    const forgot = await simControl(
      t.base,
      { since: new Date(t.clock.now().getTime() - HOUR).toISOString() },
      '/portal-sim/control/forget',
    );
    expect(Number(forgot.forgotten)).toBeGreaterThan(0);

    const before = await checkSync(t.db, { from: since, to: t.clock.now(), repair: false }, t.clock.now());
    expect(before.checked).toBe(dossierCount);
    expect(before.divergent).toBe(dossierCount);
    expect(before.items[0]!.differences[0]!.field).toBe('HoSo');

    // Repair through the admin API (the simulator still drops 5 % meanwhile).
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/sync-checks',
      headers: sysAdmin,
      payload: { from: since.toISOString(), to: t.clock.now().toISOString(), repair: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<TSyncReport>();
    expect(report.divergent).toBe(dossierCount);
    expect(report.repaired).toBe(dossierCount);
    expect(report.remaining).toBe(0);
    expect(report.items.every((i) => i.repaired)).toBe(true);

    // Both sides agree on every dossier, field by field.
    const local = await dossierSnapshots(
      db,
      (await db.selectFrom('dossiers').select('id').execute()).map((r) => r.id),
    );
    const remote = await queryPortal(currentPortalTarget(), [...local.keys()], t.clock.now());
    for (const [id, snap] of local)
      expect(differences(portalDossier(snap), remote.get(id) ?? null)).toEqual([]);
    const after = await checkSync(t.db, { from: since, to: t.clock.now(), repair: false }, t.clock.now());
    expect(after.divergent).toBe(0);

    // The command line reports the same agreement.
    const code = await syncCheckCommand.run(t.deps, [
      '--from',
      since.toISOString(),
      '--to',
      t.clock.now().toISOString(),
      '--repair',
    ]);
    expect(code).toBe(0);

    const listed = await t.app.inject({ method: 'GET', url: '/api/admin/sync-reports', headers: sysAdmin });
    expect(listed.json<{ items: TSyncReport[] }>().items.length).toBe(4);
  });

  it('a message the portal keeps refusing becomes a dead letter an admin re-sends', async () => {
    await simControl(t.base, { dropRate: 0, failRate: 1, errorStatus: 503 });
    const d = await db.selectFrom('dossiers').select('id').limit(1).executeTakeFirstOrThrow();
    const snap = (await dossierSnapshots(db, [d.id])).get(d.id)!;
    const { queuePortalMessage } = await import('./portal-outbox');
    const id = await db
      .transaction()
      .execute((trx) =>
        queuePortalMessage(
          trx,
          portalMessage(crypto.randomUUID(), snap, null),
          'repair',
          null,
          t.clock.now(),
        ),
      );
    for (let i = 0; i < 12; i++) {
      await worker.drain();
      t.clock.advance(HOUR);
    }
    const dead = await t.app.inject({
      method: 'GET',
      url: '/api/admin/portal-messages?status=dead',
      headers: sysAdmin,
    });
    const item = dead.json<{ items: TPortalMessage[] }>().items.find((m) => m.id === id);
    expect(item?.attempts).toBe(12);
    expect(item?.lastError).toContain('503');
    expect(item?.dossierCode).toBe(snap.code);
    const backlog = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/admin/portal-sync/backlog', headers: sysAdmin })).json<{
        pending: number;
        dead: number;
        oldestAt: string | null;
      }>();
    expect(await backlog()).toMatchObject({ dead: 1 });
    expect((await backlog()).oldestAt).not.toBeNull();
    const clerkOnly = await t.app.inject({ method: 'GET', url: '/api/admin/portal-sync/backlog' });
    expect(clerkOnly.statusCode).toBe(401);

    await simControl(t.base, { failRate: 0 });
    const resent = await t.app.inject({
      method: 'POST',
      url: `/api/admin/portal-messages/${id}/resend`,
      headers: sysAdmin,
    });
    expect(resent.statusCode, resent.body).toBe(200);
    expect(resent.json<TPortalMessage>().status).toBe('pending');
    await worker.drain();
    const m = await db
      .selectFrom('portal_messages')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(m.status).toBe('sent');
    expect(await backlog()).toMatchObject({ dead: 0 });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/admin/portal-messages/${id}/resend`,
      headers: sysAdmin,
    });
    expect(again.statusCode).toBe(404);
  });

  it('the simulator refuses an unsigned or wrongly signed message, and the client reports it', async () => {
    const d = await db.selectFrom('dossiers').select('id').limit(1).executeTakeFirstOrThrow();
    const snap = (await dossierSnapshots(db, [d.id])).get(d.id)!;
    const wrong = { url: `${t.base}/portal-sim`, secret: 'not-the-portal-secret-at-all' };
    await expect(
      pushToPortal(wrong, portalMessage(crypto.randomUUID(), snap, null), t.clock.now()),
    ).rejects.toThrow(/401/);
    const stale = new Date(t.clock.now().getTime() - 10 * 60_000);
    await expect(
      pushToPortal(currentPortalTarget(), portalMessage(crypto.randomUUID(), snap, null), stale),
    ).rejects.toThrow(/stale/);
  });

  it('a sync check while the portal cannot be reached is 503, and non-admins are refused', async () => {
    const saved = t.deps.config.nationalPortal.url;
    t.deps.config.nationalPortal.url = 'http://127.0.0.1:9';
    const payload = { from: since.toISOString(), to: t.clock.now().toISOString() };
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/sync-checks',
      headers: sysAdmin,
      payload,
    });
    t.deps.config.nationalPortal.url = saved;
    expect(res.statusCode).toBe(503);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/admin/sync-checks',
      headers: sysAdmin,
      payload: { from: payload.to, to: payload.from },
    });
    expect(bad.statusCode).toBe(400);
    const anon = await t.app.inject({ method: 'POST', url: '/api/admin/sync-checks', payload });
    expect(anon.statusCode).toBe(401);
  });

  it('reads the period of the command line', () => {
    expect(parseSyncArgs(['--from', '2026-11-01', '--to', '2026-11-02', '--repair'])).toEqual({
      from: new Date('2026-10-31T17:00:00Z'),
      to: new Date('2026-11-01T17:00:00Z'),
      repair: true,
    });
    expect(parseSyncArgs(['--from', '2026-11-02', '--to', '2026-11-01'])).toBe('--from must be before --to');
    expect(parseSyncArgs(['--from', 'yesterday'])).toMatch(/^usage/);
  });
});
