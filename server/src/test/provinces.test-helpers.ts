import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  PostgresQueryCompiler,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { expect } from 'vitest';
import type { TDossierDetail } from '@motcua/contracts';
import type { Db } from '../db/client';
import { pngBytes } from '../files/files.fixtures';
import type { Actor } from '../http/auth';
import { loadDemoCalendar } from '../modules/calendar/calendar.demo';
import { DEMO_PROVINCE, loadDemoOrganisation } from '../modules/organisation/organisation.demo';
import { INTAKE_TEST_PROCEDURES, useProcedureFixtures } from '../modules/dossiers/procedures.test-helpers';
import { actor, asActor, createTestApp, createTestDb, TEST_NOW } from './harness';

/** Every statement the application sends through Kysely, as PostgreSQL receives it, with the phase that sent it. */
export class SqlCapture implements KyselyPlugin {
  readonly statements: Array<{ sql: string; phase: string }> = [];
  phase = 'setup';
  readonly #compiler = new PostgresQueryCompiler();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.statements.push({
      sql: this.#compiler.compileQuery(args.node, args.queryId).sql,
      phase: this.phase,
    });
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

type ProvinceSpec = { code: string; name: string; slug: string };

/** The demo province An Hòa (99) and two more, each with its own Sở TT&TT, desk, department and People's Committee. */
export const PROVINCES: ProvinceSpec[] = [
  { code: DEMO_PROVINCE, name: 'An Hòa', slug: 'anhoa' },
  { code: '98', name: 'Bình Minh', slug: 'binhminh' },
  { code: '97', name: 'Cẩm Giang', slug: 'camgiang' },
];

const SECTION = 'Phòng Bưu chính, Viễn thông';

/** A province other than the demo one: its unit, the People's Committee and the Sở TT&TT with their codes. */
async function addProvince(db: Db, p: ProvinceSpec) {
  await db.kysely.transaction().execute(async (trx) => {
    const unit = await trx
      .insertInto('units')
      .values({ code: p.code, name: `Tỉnh ${p.name}`, level: 'province', province_code: p.code })
      .returning('id')
      .executeTakeFirstOrThrow();
    const agencies = [
      {
        short: `UBNDT${p.code}`,
        name: `Ủy ban nhân dân tỉnh ${p.name}`,
        type: 'peoples_committee',
        code: `H${p.code}`,
      },
      {
        short: `STTTT${p.code}`,
        name: `Sở Thông tin và Truyền thông tỉnh ${p.name}`,
        type: 'department',
        code: `H${p.code}.15`,
      },
    ];
    for (const a of agencies) {
      const { id } = await trx
        .insertInto('agencies')
        .values({
          short_name: a.short,
          name: a.name,
          type: a.type,
          unit_id: unit.id,
          email: `vanthu@${p.slug}.gov.vn`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('agency_codes').values({ agency_id: id, code: a.code, format: 'qd20' }).execute();
      await trx
        .insertInto('departments')
        .values([
          { agency_id: id, name: 'Bộ phận Một cửa', kind: 'one_stop_desk' },
          {
            agency_id: id,
            name: a.type === 'department' ? SECTION : 'Văn phòng UBND tỉnh',
            kind: 'specialist',
          },
        ])
        .execute();
    }
  });
}

export type Province = ProvinceSpec & {
  sttt: string;
  committee: string;
  dept: string;
  citizen: Actor;
  clerk: Actor;
  head: Actor;
  specialist: Actor;
  leader: Actor;
};

/**
 * Three provinces in one database (issue 19): organisation, accounts (a citizen, the desk clerk, the head of the
 * section, a specialist, a provincial leader each) and the procedure 1.004227 implemented by each province's Sở
 * TT&TT. The app's database handle carries `capture`, so every statement the requests send is recorded.
 */
export async function threeProvinces() {
  const capture = new SqlCapture();
  const db = await createTestDb();
  await db.kysely.transaction().execute(loadDemoOrganisation);
  for (const p of PROVINCES.slice(1)) await addProvince(db, p);
  const base = INTAKE_TEST_PROCEDURES.find((p) => p.code === '1.004227')!;
  useProcedureFixtures([
    {
      ...base,
      authorities: [
        { agency: 'STTTT', department: SECTION },
        ...PROVINCES.slice(1).map((p) => ({ agency: `STTTT${p.code}`, department: SECTION })),
      ],
    },
  ]);
  const t = await createTestApp(
    { dataDir: mkdtempSync(path.join(tmpdir(), 'motcua-provinces-')) },
    { ...db, kysely: db.kysely.withPlugin(capture) },
  );
  await db.kysely.transaction().execute((trx) => loadDemoCalendar(trx, t.clock.now()));
  const agencyId = async (short: string) =>
    (
      await db.kysely
        .selectFrom('agencies')
        .select('id')
        .where('short_name', '=', short)
        .executeTakeFirstOrThrow()
    ).id;
  let n = 0;
  const person = async (
    kind: 'citizen' | 'staff',
    name: string,
    roles: Actor['roles'],
    agency: string | null,
    dept: string | null,
  ) => {
    const userId = `00000000-0000-4000-b000-${String(++n).padStart(12, '0')}`;
    await db.kysely
      .insertInto('users')
      .values({
        id: userId,
        kind,
        username: kind === 'staff' ? `tinh.${n}` : null,
        full_name: name,
        email: `nguoi${n}@example.vn`,
        agency_id: agency,
        department_id: dept,
        status: 'active',
      })
      .execute();
    if (roles.length)
      await db.kysely
        .insertInto('user_roles')
        .values(roles.map((role) => ({ user_id: userId, role })))
        .execute();
    return actor({ kind, userId, name, roles, agencyId: agency });
  };
  const provinces: Province[] = [];
  for (const p of PROVINCES) {
    const own = p.code === DEMO_PROVINCE;
    const sttt = await agencyId(own ? 'STTTT' : `STTTT${p.code}`);
    const committee = await agencyId(own ? 'UBNDT' : `UBNDT${p.code}`);
    const dept = (
      await db.kysely
        .selectFrom('departments')
        .select('id')
        .where('agency_id', '=', sttt)
        .where('name', '=', SECTION)
        .executeTakeFirstOrThrow()
    ).id;
    provinces.push({
      ...p,
      sttt,
      committee,
      dept,
      citizen: await person('citizen', `Công dân ${p.name}`, [], null, null),
      clerk: await person('staff', `Một cửa ${p.name}`, ['reception_officer'], sttt, null),
      head: await person('staff', `Trưởng phòng ${p.name}`, ['approver'], sttt, dept),
      specialist: await person('staff', `Chuyên viên ${p.name}`, ['specialist'], sttt, dept),
      leader: await person('staff', `Lãnh đạo tỉnh ${p.name}`, ['leader'], committee, null),
    });
  }
  const inject = (who: Actor | null, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: who ? asActor(who) : {} });
  const upload = async (who: Actor) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/dossier-files',
      payload: pngBytes(),
      headers: { ...asActor(who), 'content-type': 'application/octet-stream', 'x-file-name': 'scan.png' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  /** An online dossier for 1.004227 at the province's Sở TT&TT. */
  const submit = async (p: Province) => {
    const res = await inject(p.citizen, 'POST', '/api/dossiers', {
      procedureCode: '1.004227',
      receivingAgencyId: p.sttt,
      applicant: {
        kind: 'citizen',
        name: p.citizen.name,
        idNumber: '099201001234',
        address: `Số 1 đường Lê Lợi, tỉnh ${p.name}`,
        phone: '0912345678',
        email: 'an@example.vn',
      },
      formData: { tenTrang: `Tin tức ${p.name}`, tenMien: `tintuc.${p.slug}.vn` },
      attachments: [
        { componentCode: 'don', fileIds: [await upload(p.citizen)] },
        { componentCode: 'quyet-dinh', fileIds: [await upload(p.citizen)] },
      ],
    });
    return detail(res, 201);
  };
  const act = (who: Actor, d: Pick<TDossierDetail, 'id' | 'version'>, step: string, body: object = {}) =>
    inject(who, 'POST', `/api/processing/dossiers/${d.id}/${step}`, { expectedVersion: d.version, ...body });
  return { ...t, db, capture, provinces, inject, submit, act, now: TEST_NOW };
}

export function detail(
  res: { statusCode: number; body: string; json: <T>() => T },
  status = 200,
): TDossierDetail {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<TDossierDetail>();
}
