import { vnInstant } from '@motcua/contracts';
import type { Transaction } from 'kysely';
import type { TAttachmentInput } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import type { Actor } from '../../http/auth';
import type { AppDeps } from '../../http/context';
import { DEMO_CITIZENS, DEMO_STAFF, findUserByLogin } from '../accounts';
import type { IntakeCtx } from './dossier-context';
import { registerDossier, submitDossier } from './dossier-intake.service';
import { dossierDetail } from './dossier-read.service';
import { uploadFile } from './dossier-uploads.service';
import { acceptDossier, refuseDossier, requestSupplement } from './dossier-reception.service';
import { loadProcessingDemo } from './dossiers.demo-processing';
import { findProcedureInForce, findStaffFacts } from './ports';

type Trx = Transaction<Database>;

/** A tiny grey page standing in for each scan (PNG, one page). */
const SCAN = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAYAAADED76LAAAAIklEQVR4AYXBAQEAMAiAME7/nOa4CWR7szhIkCBBggQJEj61OQOoaB8pTgAAAABJRU5ErkJggg==',
  'base64',
);

/** Times of the demo's past events (Vietnam time), fixed so the demo dossier codes are the same on every start. */
const at = vnInstant;
/** The SXD desk's building-permit procedures (online, no e-form) and their component codes. */
const PERMIT = { code: '1.009972' };
const RENEWAL = { code: '1.009977' };

/**
 * Demo dossiers (SPEC §5): one of each reception outcome at the Sở Xây dựng desk, made through the real services
 * (codes from the database counter, receipts, events, audit, messages), so the office queue, "Hồ sơ của tôi" and the
 * public lookup show something at first start. Codes: `<SXD identifier>-261116-0001` (accepted online) and
 * `<SXD identifier>-261119-0001` (received at the counter).
 */
export async function loadDemoDossiers(deps: AppDeps): Promise<void> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (await trx.selectFrom('dossiers').select('id').limit(1).executeTakeFirst()) return; // re-runnable
    const [an, mai, phong] = await Promise.all(DEMO_CITIZENS.map((c) => citizen(trx, c.email)));
    const hoa = await staff(
      trx,
      DEMO_STAFF.find((s) => s.agency === 'SXD' && s.roles.includes('reception_officer'))!.email,
    );
    if (!an || !mai || !phong || !hoa) return; // the accounts demo did not run (SEED_DEMO off for it)
    const ctx = (actor: Actor, now: Date): IntakeCtx => ({
      actor,
      audit: { type: actor.kind === 'staff' ? 'staff' : 'user', id: actor.userId, name: actor.name, at: now },
      now,
      config: deps.config,
      locale: 'vi',
    });
    const scan = async (who: Actor, name: string) => (await uploadFile(trx, who, deps.config, SCAN, name)).id;
    const componentsOf = async (code: string, now: Date) =>
      (await findProcedureInForce(trx, code, now))!.components.map((c) => c.code);
    const online = async (
      who: Actor,
      person: (typeof DEMO_CITIZENS)[number],
      procedure: { code: string },
      now: Date,
      resultChannel?: 'online' | 'counter' | 'post',
      places: { receivingAgencyId?: string; resultAgencyId?: string } = {},
    ) => {
      const attachments: TAttachmentInput[] = [];
      for (const c of await componentsOf(procedure.code, now))
        attachments.push({ componentCode: c, fileIds: [await scan(who, `${c}.png`)] });
      const d = await submitDossier(trx, ctx(who, now), {
        procedureCode: procedure.code,
        applicant: {
          kind: 'citizen',
          name: person.fullName,
          idNumber: person.idNumber,
          address: person.address,
          phone: person.phone,
          email: person.email,
        },
        attachments,
        ...(resultChannel ? { resultChannel } : {}),
        ...places,
      });
      return { id: d.id, version: d.version };
    };
    const counter = async (
      officer: Actor,
      code: string,
      now: Date,
      applicant: { name: string; idNumber: string; address: string; phone?: string },
    ) =>
      registerDossier(trx, ctx(officer, now), {
        channel: 'counter',
        procedureCode: code,
        applicant: { kind: 'citizen', phone: null, email: null, ...applicant },
        components: await Promise.all(
          (await componentsOf(code, now)).map(async (componentCode) => ({
            componentCode,
            copyKind: 'original' as const,
            copies: 1,
            originalShown: true,
            fileIds: [await scan(officer, `${componentCode}-quet.png`)],
            pageCount: 1,
          })),
        ),
      });

    // Accepted online: dossier code, appointment, receipt (Mẫu 01), handed over to the specialist department.
    const accepted = await online(an.actor, an.person, PERMIT, at('2026-11-16T08:10:00'));
    await acceptDossier(trx, ctx(hoa, at('2026-11-16T09:30:00')), accepted.id, {
      expectedVersion: accepted.version,
    });
    // Sent back for a supplement (Mẫu 02), waiting for the applicant.
    const sentBack = await online(mai.actor, mai.person, PERMIT, at('2026-11-17T14:00:00'));
    await requestSupplement(trx, ctx(hoa, at('2026-11-18T08:45:00')), sentBack.id, {
      expectedVersion: sentBack.version,
      items: [
        {
          componentCode: 'TP3',
          component: 'Bản vẽ thiết kế xây dựng',
          problem: 'defective',
          reason: 'Bản vẽ mặt bằng thiếu chữ ký của chủ nhiệm thiết kế',
          guidance: 'Nộp lại bản vẽ có đủ chữ ký, đóng dấu của đơn vị tư vấn thiết kế',
        },
      ],
    });
    // Refused (Mẫu 03): not within the agency's competence.
    const refused = await online(phong.actor, phong.person, PERMIT, at('2026-11-18T10:20:00'));
    await refuseDossier(trx, ctx(hoa, at('2026-11-18T15:00:00')), refused.id, {
      expectedVersion: refused.version,
      reason: 'Công trình nhà ở riêng lẻ thuộc thẩm quyền cấp phép của Ủy ban nhân dân cấp xã',
      competentAgency: 'Ủy ban nhân dân xã, phường nơi có công trình',
    });
    // Received at the counter and decided at once.
    const counterId = await counter(hoa, RENEWAL.code, at('2026-11-19T09:05:00'), {
      name: 'Phan Văn Tâm',
      idNumber: '099075000321',
      address: 'Số 40 đường Nguyễn Huệ, phường An Hòa, tỉnh An Hòa',
      phone: '0935111222',
    });
    const counterRow = await dossierDetail(trx, counterId, at('2026-11-19T09:05:00'));
    await acceptDossier(trx, ctx(hoa, at('2026-11-19T09:15:00')), counterId, {
      expectedVersion: counterRow.version,
    });
    // Waiting for reception: one past the 8-working-hour clock (flagged overdue), one just in.
    await online(an.actor, an.person, RENEWAL, at('2026-11-20T10:00:00'));
    await online(mai.actor, mai.person, PERMIT, deps.clock.now());

    const people = { an, mai, phong } as const;
    await loadProcessingDemo(
      {
        trx,
        ctx,
        at,
        citizens: { an: an.actor, mai: mai.actor, phong: phong.actor },
        staff: async (email) => (await staff(trx, email))!,
        online: async (who, code, now, resultChannel, places) =>
          (await online(people[who].actor, people[who].person, { code }, now, resultChannel, places)).id,
        counter,
      },
      counterId,
    );
  });
}

async function citizen(trx: Trx, email: string) {
  const u = await findUserByLogin(trx, { email });
  const person = DEMO_CITIZENS.find((c) => c.email === email)!;
  return u ? { person, actor: actorOf(u, []) } : null;
}

async function staff(trx: Trx, email: string): Promise<Actor | null> {
  const u = await findUserByLogin(trx, { email });
  return u ? actorOf(u, (await findStaffFacts(trx, u.id))?.roles ?? []) : null;
}

function actorOf(
  u: { id: string; kind: 'citizen' | 'staff'; full_name: string; agency_id: string | null },
  roles: Actor['roles'],
): Actor {
  return {
    userId: u.id,
    kind: u.kind,
    name: u.full_name,
    roles,
    agencyId: u.agency_id,
    organisationIds: [],
    mustChangePassword: false,
    sessionId: null,
  };
}
