import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TDossierDetail, TSubmitDossierRequest } from '@motcua/contracts';
import { pngBytes } from '../../files/files.fixtures';
import type { Actor } from '../../http/auth';
import { actor, asActor, createTestApp, type TestApp } from '../../test/harness';
import type { Db } from '../../db/client';
import { loadDemoOrganisation } from '../organisation/organisation.demo';
import { replayDossier } from './dossier-replay';
import { INTAKE_TEST_PROCEDURES, useProcedureFixtures } from './procedures.test-helpers';

/** A test app over the demo province with intake's people: two citizens and reception officers of three agencies. */
export async function intakeFixture(overrides: Parameters<typeof createTestApp>[0] = {}, db?: Db) {
  useProcedureFixtures(INTAKE_TEST_PROCEDURES);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'motcua-intake-'));
  const t: TestApp = await createTestApp(
    { dataDir, publicUrl: 'https://dichvucong.anhoa.example', ...overrides },
    db,
  );
  await t.db.kysely.transaction().execute(loadDemoOrganisation);
  const agencies = await t.db.kysely.selectFrom('agencies').select(['id', 'short_name']).execute();
  const agency = (short: string) => agencies.find((a) => a.short_name === short)!.id;
  const citizenA = actor({
    kind: 'citizen',
    userId: '00000000-0000-4000-8000-00000000000a',
    name: 'Nguyễn Văn An',
  });
  const citizenB = actor({
    kind: 'citizen',
    userId: '00000000-0000-4000-8000-00000000000b',
    name: 'Trần Thị Bình',
  });
  // citizenA's account, with the email and phone `submit` types into the form, both verified: online
  // submissions notify only an account's verified contacts.
  const verifiedAt = new Date('2026-01-05T02:00:00Z');
  await t.db.kysely
    .insertInto('users')
    .values({
      id: citizenA.userId,
      kind: 'citizen',
      email: 'an@example.vn',
      phone: '0912345678',
      email_verified_at: verifiedAt,
      phone_verified_at: verifiedAt,
      full_name: citizenA.name,
      status: 'active',
    })
    .execute();
  const clerk = (short: string, n = 1): Actor =>
    actor({
      kind: 'staff',
      userId: `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`,
      name: `Cán bộ ${short} ${n}`,
      roles: ['reception_officer'],
      agencyId: agency(short),
    });
  const inject = (
    who: Actor | null,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
      headers: { ...(who ? asActor(who) : {}), ...headers },
    });
  const upload = async (who: Actor, bytes: Buffer = pngBytes(), name = 'scan.png') => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/dossier-files',
      payload: bytes,
      headers: {
        ...asActor(who),
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(name),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; pages: number }>();
  };
  /** A complete online dossier for procedure 1.004227 (Sở TT&TT), submitted by `who`. */
  const submit = async (who: Actor, extra: Partial<TSubmitDossierRequest> = {}, key?: string) => {
    const f1 = await upload(who);
    const f2 = await upload(who);
    const body: TSubmitDossierRequest = {
      procedureCode: '1.004227',
      applicant: {
        kind: 'citizen',
        name: who.name,
        idNumber: '099201001234',
        address: 'Số 12 đường Lê Lợi, phường An Hòa',
        phone: '0912345678',
        email: 'an@example.vn',
      },
      formData: { tenTrang: 'Tin tức An Hòa', tenMien: 'tintuc.anhoa.vn' },
      attachments: [
        { componentCode: 'don', fileIds: [f1.id] },
        { componentCode: 'quyet-dinh', fileIds: [f2.id] },
      ],
      ...extra,
    };
    return inject(who, 'POST', '/api/dossiers', body, key ? { 'idempotency-key': key } : {});
  };
  return { ...t, dataDir, agency, citizenA, citizenB, clerk, inject, upload, submit };
}

export function detail(res: LightMyRequestResponse, status = 200): TDossierDetail {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<TDossierDetail>();
}

/**
 * The replay check: for every dossier in the database, the stored status and appointment equal what replaying its
 * events through the state machine and the processing clock gives. Returns how many dossiers were checked.
 */
export async function expectStoredEqualsReplay(db: Db): Promise<number> {
  const rows = await db.kysely.selectFrom('dossiers').select(['id', 'status', 'appointment_at']).execute();
  await db.kysely.transaction().execute(async (trx) => {
    for (const r of rows) {
      const replayed = await replayDossier(trx, r.id);
      expect({ id: r.id, status: r.status, appointmentAt: r.appointment_at?.toISOString() ?? null }).toEqual({
        id: r.id,
        status: replayed.status,
        appointmentAt: replayed.appointmentAt?.toISOString() ?? null,
      });
    }
  });
  return rows.length;
}
