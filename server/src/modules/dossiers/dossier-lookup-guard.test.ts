import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import type { TDossierDetail, TLookupAlert } from '@motcua/contracts';
import { actor, createTestApp } from '../../test/harness';
import { pdfImages, pdfText } from '../documents/pdf-inspect.test-helpers';
import { PIN_ATTEMPTS_PER_HOUR } from './dossier-lookup.service';
import { detail, intakeFixture } from './dossiers.test-helpers';
import {
  ALERT_REFRESH_MS,
  NOT_FOUND_ALERT,
  PROBE_SAMPLE,
  RUN_ALERT,
  judgeProbes,
  longestRun,
} from './lookup-probing';

const PUBLIC = 'https://dichvucong.anhoa.example';

describe('public lookup: PIN, limits shared in the database, probing alerts', async () => {
  const f = await intakeFixture();
  const clerk = f.clerk('STTTT');
  const sysadmin = actor({ kind: 'staff', name: 'Quản trị hệ thống', roles: ['system_admin'] });
  const accepted = async (): Promise<TDossierDetail> => {
    const d = detail(await f.submit(f.citizenA), 201);
    return detail(
      await f.inject(clerk, 'POST', `/api/reception/dossiers/${d.id}/accept`, { expectedVersion: d.version }),
    );
  };
  const pinOf = async (id: string) =>
    (
      await f.db.kysely
        .selectFrom('dossiers')
        .select('lookup_pin')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).lookup_pin!;
  const look = (url: string, remoteAddress: string) => f.app.inject({ method: 'GET', url, remoteAddress });
  const a = await accepted();
  const pin = await pinOf(a.id);

  it('the receipt prints the PIN and its QR link carries it; the QR link shows the masked name', async () => {
    expect(pin).toMatch(/^\d{6}$/);
    const receipt = a.documents.find((x) => x.kind === 'receipt')!;
    const pdf = (await f.inject(f.citizenA, 'GET', receipt.url)).rawPayload;
    expect(await pdfText(pdf)).toContain(`Mã PIN tra cứu: ${pin}`);
    const [qr] = await pdfImages(pdf);
    const link = jsQR(qr!.data, qr!.width, qr!.height)?.data;
    expect(link).toBe(`${PUBLIC}/tra-cuu/${a.code}?pin=${pin}`);
    // The page at that link asks the API with the same query.
    const url = new URL(link!);
    const res = await look(`/api/lookup/${a.code}${url.search}`, '192.0.2.10');
    expect(res.json()).toMatchObject({ applicantName: 'Nguyễn V** A*', pinStatus: 'accepted' });
  });

  it('the “received” message to the applicant gives the PIN and a link carrying it (inbox, e-mail, SMS)', async () => {
    const inbox = await f.db.kysely
      .selectFrom('dossier_messages')
      .select('body')
      .where('dossier_id', '=', a.id)
      .where('kind', '=', 'received')
      .executeTakeFirstOrThrow();
    expect(inbox.body).toContain(`Mã PIN tra cứu: ${pin}`);
    expect(inbox.body).toContain(`${PUBLIC}/tra-cuu/${a.code}?pin=${pin}`);
    const sent = await f.db.kysely
      .selectFrom('messages')
      .select(['channel', 'body'])
      .where('template', '=', 'dossier.received')
      .where('body', 'like', `%${a.code}%`)
      .execute();
    expect(sent.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
    for (const m of sent) expect(m.body).toContain(pin);
  });

  it('a wrong PIN shows no name; a malformed one is 400 in both languages', async () => {
    const wrong = pin === '000000' ? '111111' : '000000';
    const res = await look(`/api/lookup/${a.code}?pin=${wrong}`, '192.0.2.11');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ applicantName: null, pinStatus: 'wrong', status: 'in_processing' });
    const bad = await f.app.inject({
      method: 'GET',
      url: `/api/lookup/${a.code}?pin=12ab`,
      remoteAddress: '192.0.2.11',
      headers: { 'accept-language': 'en' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/^Invalid input: pin: /),
    });
    const vi = await look(`/api/lookup/${a.code}?pin=1`, '192.0.2.11');
    expect(vi.json().message).toMatch(/^Dữ liệu không hợp lệ: pin: /);
  });

  it(`after ${PIN_ATTEMPTS_PER_HOUR} wrong PINs for one code, from any addresses, PINs for it are refused (429)`, async () => {
    const b = await accepted();
    const right = await pinOf(b.id);
    const wrongPins = Array.from({ length: 20 }, (_, i) => String(100000 + i * 7919)).filter(
      (p) => p !== right,
    );
    for (let i = 0; i < PIN_ATTEMPTS_PER_HOUR; i++) {
      const res = await look(`/api/lookup/${b.code}?pin=${wrongPins[i]}`, `198.51.100.${100 + i}`);
      expect(res.json().pinStatus).toBe('wrong');
    }
    const locked = await look(`/api/lookup/${b.code}?pin=${right}`, '198.51.100.200');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('RATE_LIMITED');
    // The code alone still answers; other dossiers' PINs are unaffected.
    expect((await look(`/api/lookup/${b.code}`, '198.51.100.200')).json().pinStatus).toBe('none');
    expect((await look(`/api/lookup/${a.code}?pin=${pin}`, '198.51.100.200')).json().pinStatus).toBe(
      'accepted',
    );
  });

  it('one client walking consecutive codes raises an alert that only a system administrator sees and acknowledges', async () => {
    const walker = '203.0.113.77';
    const prefix = a.code!.replace(/-\d+$/, '');
    for (let n = 2; n < 2 + RUN_ALERT; n++)
      await look(`/api/lookup/${prefix}-${String(n).padStart(4, '0')}`, walker);
    // A person looking up their own dossier a few times raises nothing.
    for (let i = 0; i < 3; i++) await look(`/api/lookup/${a.code}`, '203.0.113.78');

    const list = await f.inject(sysadmin, 'GET', '/api/admin/lookup-alerts');
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: TLookupAlert[] }>().items;
    const alert = items.find((x) => x.clientIp === walker);
    expect(alert).toMatchObject({ reason: 'sequential', longestRun: RUN_ALERT, acknowledgedAt: null });
    expect(alert!.sampleCodes).toContain(`${prefix}-0002`);
    expect(items.find((x) => x.clientIp === '203.0.113.78')).toBeUndefined();

    expect((await f.inject(clerk, 'GET', '/api/admin/lookup-alerts')).statusCode).toBe(403);
    expect((await f.inject(null, 'GET', '/api/admin/lookup-alerts')).statusCode).toBe(401);
    const ackUrl = `/api/admin/lookup-alerts/${alert!.id}/acknowledge`;
    expect((await f.inject(clerk, 'POST', ackUrl)).statusCode).toBe(403);

    const ack = await f.inject(sysadmin, 'POST', ackUrl);
    expect(ack.statusCode).toBe(200);
    expect(ack.json().acknowledgedAt).not.toBeNull();
    expect((await f.inject(sysadmin, 'POST', ackUrl)).statusCode).toBe(404);
    const audit = await f.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('target_id', '=', alert!.id)
      .execute();
    expect(audit).toEqual([{ action: 'lookup_alert.acknowledge', actor_id: sysadmin.userId }]);
    const open = (await f.inject(sysadmin, 'GET', '/api/admin/lookup-alerts')).json<{
      items: TLookupAlert[];
    }>();
    expect(open.items.find((x) => x.id === alert!.id)).toBeUndefined();
    const seen = await f.inject(sysadmin, 'GET', '/api/admin/lookup-alerts?open=false');
    expect(seen.json<{ items: TLookupAlert[] }>().items.find((x) => x.id === alert!.id)).toBeDefined();
  });

  it(`${NOT_FOUND_ALERT} distinct unknown codes from one client raise an alert even when not consecutive`, async () => {
    const walker = '203.0.113.90';
    for (let n = 1; n <= NOT_FOUND_ALERT; n++)
      await look(`/api/lookup/000.00.15.H99-260101-${String(n * 100).padStart(4, '0')}`, walker);
    const items = (await f.inject(sysadmin, 'GET', '/api/admin/lookup-alerts')).json<{
      items: TLookupAlert[];
    }>().items;
    expect(items.find((x) => x.clientIp === walker)).toMatchObject({
      reason: 'not_found',
      notFound: NOT_FOUND_ALERT,
    });
  });

  it(`a busy address is judged on its ${PROBE_SAMPLE} latest codes: a walk after many lookups still alerts, and the alert is rewritten at most once a minute`, async () => {
    const kiosk = '203.0.113.120';
    const now = f.clock.now();
    // 150 existing, unrelated codes looked up in the last minutes: a hall kiosk.
    await f.db.kysely
      .insertInto('lookup_probes')
      .values(
        Array.from({ length: 150 }, (_, i) => ({
          client_ip: kiosk,
          code: `000.00.${String(10 + (i % 40)).padStart(2, '0')}.H99-260101-${String(i * 7 + 1).padStart(4, '0')}`,
          found: true,
          last_at: new Date(now.getTime() - 5 * 60_000 + i),
        })),
      )
      .execute();
    const alertOf = async () =>
      (await f.inject(sysadmin, 'GET', '/api/admin/lookup-alerts'))
        .json<{ items: TLookupAlert[] }>()
        .items.find((x) => x.clientIp === kiosk);
    const prefix = a.code!.replace(/-\d+$/, '');
    const walk = (n: number) => look(`/api/lookup/${prefix}-${String(5000 + n).padStart(4, '0')}`, kiosk);
    for (let n = 0; n < RUN_ALERT; n++) await walk(n);
    const first = await alertOf();
    expect(first).toMatchObject({ reason: 'sequential', longestRun: RUN_ALERT });
    // Judged on the latest codes only: this one and the PROBE_SAMPLE before it.
    expect(first!.codesProbed).toBe(PROBE_SAMPLE + 1);

    await walk(RUN_ALERT);
    expect((await alertOf())!.longestRun).toBe(RUN_ALERT);
    f.clock.advance(ALERT_REFRESH_MS);
    await walk(RUN_ALERT + 1);
    const later = await alertOf();
    expect(later).toMatchObject({ id: first!.id, longestRun: RUN_ALERT + 2 });
    expect(Date.parse(later!.lastAt) - Date.parse(first!.lastAt)).toBe(ALERT_REFRESH_MS);
  });
});

describe('public lookup: the global limit counts every address in every process', async () => {
  const one = await createTestApp({ lookupGlobalRateLimit: 3 });
  const two = await createTestApp({ lookupGlobalRateLimit: 3 }, one.db);

  it('answers 429 once all addresses together pass LOOKUP_GLOBAL_RATE_LIMIT a minute', async () => {
    const url = '/api/lookup/000.00.15.H99-260101-9999';
    const codes = [];
    for (let i = 0; i < 4; i++) {
      const app = i % 2 ? two.app : one.app;
      codes.push((await app.inject({ method: 'GET', url, remoteAddress: `192.0.2.${60 + i}` })).statusCode);
    }
    expect(codes).toEqual([404, 404, 404, 429]);
  });
});

describe('public lookup: a large global budget is spread over counter shards', async () => {
  const t = await createTestApp({ lookupGlobalRateLimit: 1600 });
  const fill = (hits: number) =>
    t.db.kysely
      .insertInto('rate_limit_counters')
      .values(
        Array.from({ length: 8 }, (_, i) => ({
          key: `lookup|global|${i}`,
          hits,
          window_ends_at: new Date(t.clock.now().getTime() + 60_000),
        })),
      )
      .onConflict((oc) => oc.column('key').doUpdateSet({ hits }))
      .execute();
  const lookup = (n: number) =>
    t.app.inject({
      method: 'GET',
      url: '/api/lookup/000.00.15.H99-260101-9999',
      remoteAddress: `192.0.2.${100 + n}`,
    });

  it('each of the 8 shards allows its 1/8 share; past it, 429 whichever shard a lookup lands on', async () => {
    await fill(199);
    expect((await lookup(1)).statusCode).toBe(404);
    await fill(200);
    for (let n = 2; n < 6; n++) expect((await lookup(n)).statusCode).toBe(429);
  });
});

describe('probing verdict (pure)', () => {
  it('finds the longest run per agency and day, not across them', () => {
    expect(
      longestRun(['A-260101-0001', 'A-260101-0002', 'A-260101-0003', 'A-260102-0004', 'B-260101-0004']),
    ).toBe(3);
    expect(longestRun(['A-260101-0009', 'A-260101-0010', 'A-260101-0011'])).toBe(3);
    expect(longestRun([])).toBe(0);
  });

  it('a kiosk looking up many existing, unrelated codes is not an alert', () => {
    const probes = Array.from({ length: 30 }, (_, i) => ({
      code: `A-2601${String(i).padStart(2, '0')}-0007`,
      found: true,
    }));
    expect(judgeProbes(probes).reason).toBeNull();
  });
});
