import { describe, expect, it } from 'vitest';
import { pdfBytes } from '../../files/files.fixtures';
import { CAP_REACHED } from '../notifications/notifications.service';
import { detail, intakeFixture } from './dossiers.test-helpers';

/**
 * Who receives email/SMS about a dossier (issue #11): online submissions notify only the account's verified
 * contacts, never an address typed into the form; and no address gets more than the daily allowance.
 */
describe('dossier notifications go only where they may', async () => {
  const CAP = 3;
  const f = await intakeFixture({ messagesPerDestinationPerDay: CAP });
  const messagesTo = (to: string) =>
    f.db.kysely
      .selectFrom('messages')
      .select(['template', 'status', 'last_error'])
      .where('recipient', '=', to)
      .execute();

  it('online: a typed email or phone that the account did not verify gets nothing; the verified ones do', async () => {
    const d = detail(
      await f.submit(f.citizenA, {
        applicant: {
          kind: 'citizen',
          name: f.citizenA.name,
          idNumber: '099201001234',
          address: 'Số 12 đường Lê Lợi',
          phone: '0900111222',
          email: 'nan-nhan@example.vn',
        },
      }),
      201,
    );
    expect(d.status).toBe('submitted');
    expect(await messagesTo('nan-nhan@example.vn')).toHaveLength(0);
    expect(await messagesTo('0900111222')).toHaveLength(0);
    expect((await messagesTo('an@example.vn')).map((m) => m.template)).toContain('dossier.submitted');
    expect((await messagesTo('0912345678')).map((m) => m.template)).toContain('dossier.submitted');
  });

  it('online from an account whose contacts are unverified: no email or SMS at all (the portal inbox only)', async () => {
    await f.db.kysely
      .insertInto('users')
      .values({
        id: f.citizenB.userId,
        kind: 'citizen',
        email: 'binh.chua.xac.thuc@example.vn',
        phone: '0933444555',
        full_name: f.citizenB.name,
        status: 'active',
      })
      .execute();
    const d = detail(
      await f.submit(f.citizenB, {
        applicant: {
          kind: 'citizen',
          name: f.citizenB.name,
          idNumber: '099201009999',
          address: 'Số 3 đường Trần Phú',
          phone: '0933444555',
          email: 'binh.chua.xac.thuc@example.vn',
        },
      }),
      201,
    );
    expect(await messagesTo('binh.chua.xac.thuc@example.vn')).toHaveLength(0);
    expect(await messagesTo('0933444555')).toHaveLength(0);
    const inbox = await f.inject(f.citizenB, 'GET', '/api/dossier-messages');
    expect(inbox.json<{ items: { dossierId?: string }[] }>().items.length).toBeGreaterThan(0);
    expect(d.id).toBeTruthy();
  });

  it('at the counter the contact the officer recorded is used', async () => {
    const clerk = f.clerk('SXD');
    const scan = await f.upload(clerk, await pdfBytes(2), 'don.pdf');
    const p1 = await f.upload(clerk);
    const res = await f.inject(clerk, 'POST', '/api/reception/dossiers', {
      channel: 'counter',
      procedureCode: '1.009994',
      applicant: {
        kind: 'citizen',
        name: 'Lê Thị Cúc',
        idNumber: '099185000777',
        address: 'Xã Tân Phú',
        phone: null,
        email: 'cuc.quay@example.vn',
      },
      components: [
        {
          componentCode: 'don',
          copyKind: 'original',
          copies: 1,
          originalShown: true,
          fileIds: [scan.id],
          pageCount: 2,
        },
        { componentCode: 'ban-ve', copyKind: 'photocopy', copies: 1, fileIds: [p1.id], pageCount: 1 },
      ],
    });
    const d = detail(res, 201);
    const accepted = await f.inject(clerk, 'POST', `/api/reception/dossiers/${d.id}/accept`, {
      expectedVersion: d.version,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await messagesTo('cuc.quay@example.vn')).map((m) => m.template)).toContain('dossier.received');
  });

  it(`at most ${CAP} dossier messages per address per day; the rest are kept, marked and not sent`, async () => {
    for (let i = 0; i < CAP + 2; i += 1) detail(await f.submit(f.citizenA), 201);
    const rows = (await messagesTo('an@example.vn')).filter((m) => m.template.startsWith('dossier.'));
    expect(rows.filter((m) => m.status !== 'failed')).toHaveLength(CAP);
    const held = rows.filter((m) => m.status === 'failed');
    expect(held.length).toBeGreaterThanOrEqual(2);
    expect(held.every((m) => m.last_error === `${CAP_REACHED} (${CAP})`)).toBe(true);
    const jobs = await f.db.kysely
      .selectFrom('jobs')
      .select('payload')
      .where('type', '=', 'notifications.deliver')
      .execute();
    const queued = new Set(jobs.map((j) => String((j.payload as { messageId: string }).messageId)));
    const ids = await f.db.kysely
      .selectFrom('messages')
      .select(['id', 'status'])
      .where('recipient', '=', 'an@example.vn')
      .execute();
    for (const m of ids) expect(queued.has(m.id), m.status).toBe(m.status !== 'failed');
    // Account messages have their own allowance: a full dossier allowance does not silence them (nor the reverse).
    const reg = await f.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { fullName: 'Người Khác', email: 'an@example.vn', password: 'Hoa-mai-no-2026' },
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const notice = (await messagesTo('an@example.vn')).find(
      (m) => m.template === 'accounts.already_registered',
    );
    expect(notice?.status).toBe('queued');
  });
});
