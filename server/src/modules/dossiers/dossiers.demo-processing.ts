import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../http/auth';
import type { IntakeCtx } from './dossier-context';
import { acceptDossier } from './dossier-reception.service';
import { loadConsultationDemo } from './dossiers.demo-consultation';
import { loadInteragencyDemo } from './dossiers.demo-interagency';
import { collectOnline, stopDossier } from './processing-flow.service';
import {
  appraiseDossier,
  assignHandler,
  extendDeadline,
  forwardDossier,
  issueResult,
  requestProcessingSupplement,
  returnResult,
} from './processing.service';

type Trx = Transaction<Database>;

/** What the demo loader lends the processing demo: the people, a context maker, an online and a counter submission. */
export type DemoKit = {
  trx: Trx;
  ctx: (actor: Actor, now: Date) => IntakeCtx;
  at: (isoLocal: string) => Date;
  citizens: { an: Actor; mai: Actor; phong: Actor };
  /** Staff of the demo offices by log-in e-mail (roles as stored). */
  staff: (email: string) => Promise<Actor>;
  online: (
    who: 'an' | 'mai' | 'phong',
    procedureCode: string,
    now: Date,
    resultChannel?: 'online' | 'counter' | 'post',
    /** Boundary-free procedures (issue 14): the desk chosen to receive, and the one to collect the result at. */
    places?: { receivingAgencyId?: string; resultAgencyId?: string },
  ) => Promise<string>;
  counter: (
    officer: Actor,
    procedureCode: string,
    now: Date,
    applicant: { name: string; idNumber: string; address: string },
  ) => Promise<string>;
};

/** The SXD office (accounts.demo-offices.ts) and the Tân Phú desk. */
const SXD = {
  desk: 'dothihoa@anhoa.gov.vn',
  head: 'lyvanthang@anhoa.gov.vn',
  specialist: 'maithihuong@anhoa.gov.vn',
  leader: 'hoducthanh@anhoa.gov.vn',
};
const TAN_PHU_DESK = 'phungthingoc@tanphu.anhoa.gov.vn';
/** Building permit (20 working days), permit renewal (5), certified copy at the commune (immediate result). */
const PERMIT = '1.009972';
const RENEWAL = '1.009977';
const CERTIFIED_COPY = '2.000908';

const VERIFICATION = (at: string) => ({
  at,
  place: 'Khu đất xây dựng công trình, phường An Hòa, tỉnh An Hòa',
  participants: ['Mai Thị Hương, chuyên viên Sở Xây dựng', 'Đại diện chủ đầu tư'],
  content: 'Kiểm tra hiện trạng khu đất, chỉ giới xây dựng và ranh giới với các công trình lân cận.',
});

const version = async (trx: Trx, id: string) =>
  (await trx.selectFrom('dossiers').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

/**
 * Dossiers at every point of processing (issue 12), each moved by the real services at fixed past times (Vietnam
 * time, before the demo's first start on 25/11/2026), so the codes are the same on every start. `counterId` is the
 * counter dossier of the reception demo, taken on here to a result ready at the desk.
 */
export async function loadProcessingDemo(k: DemoKit, counterId: string): Promise<void> {
  const { trx, at } = k;
  const desk = await k.staff(SXD.desk);
  const head = await k.staff(SXD.head);
  const specialist = await k.staff(SXD.specialist);
  const leader = await k.staff(SXD.leader);
  const act = async <T>(
    who: Actor,
    when: string,
    id: string,
    fn: (trx: Trx, ctx: IntakeCtx, id: string, input: T & { expectedVersion: number }) => Promise<unknown>,
    input: T,
  ) => {
    await fn(trx, k.ctx(who, at(when)), id, { ...input, expectedVersion: await version(trx, id) });
  };
  const accept = (id: string, when: string) => act(desk, when, id, acceptDossier, {});
  const assign = (id: string, when: string) =>
    act(head, when, id, assignHandler, { handlerId: specialist.userId, fileIds: [] });
  const appraise = (id: string, when: string, proposal: 'approve' | 'refuse', opinion: string) =>
    act(specialist, when, id, appraiseDossier, {
      opinion,
      proposal,
      verification: VERIFICATION(`${when.slice(0, 10)}T08:00:00+07:00`),
      fileIds: [],
    });
  const forward = (who: Actor, id: string, when: string) =>
    act(who, when, id, forwardDossier, { fileIds: [] });
  const result = (id: string, when: string, kind: 'granted' | 'refused', summary: string) =>
    act(desk, when, id, issueResult, { kind, summary, fileIds: [] });
  /** Received, assigned, appraised (with a verification record), approved and at the desk. */
  const decide = async (id: string, days: string[], kind: 'granted' | 'refused', summary: string) => {
    const opinion =
      kind === 'granted'
        ? 'Hồ sơ đầy đủ, đúng quy định; công trình phù hợp quy hoạch. Đề nghị cấp giấy phép.'
        : 'Vị trí công trình nằm trong hành lang bảo vệ đê điều theo quy hoạch đã duyệt. Đề nghị từ chối.';
    await assign(id, `${days[0]}T14:00:00`);
    await appraise(id, `${days[1]}T09:00:00`, kind === 'granted' ? 'approve' : 'refuse', opinion);
    await forward(specialist, id, `${days[1]}T09:10:00`);
    await forward(leader, id, `${days[2]}T14:00:00`);
    await result(id, `${days[3]}T08:30:00`, kind, summary);
  };

  // The counter dossier (reception demo): result ready at the desk, not yet collected (002 Đ6.5.b).
  await decide(
    counterId,
    ['2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24'],
    'granted',
    'Gia hạn giấy phép xây dựng số 45/GPXD đến ngày 24/11/2027',
  );

  // Returned: decided, then downloaded by the applicant from "Hồ sơ của tôi".
  const returned = await k.online('an', RENEWAL, at('2026-11-16T08:30:00'));
  await accept(returned, '2026-11-16T10:00:00');
  await decide(
    returned,
    ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19'],
    'granted',
    'Gia hạn giấy phép xây dựng số 12/GPXD đến ngày 19/11/2027',
  );
  await act(k.citizens.an, '2026-11-20T20:15:00', returned, collectOnline, {});

  // Overdue in processing: 5 working days from 16/11, still in appraisal.
  const overdue = await k.online('phong', RENEWAL, at('2026-11-16T09:00:00'));
  await accept(overdue, '2026-11-16T10:30:00');
  await assign(overdue, '2026-11-16T15:00:00');

  // In approval: appraised with a verification record, waiting for the leader.
  const approval = await k.online('an', PERMIT, at('2026-11-17T08:15:00'));
  await accept(approval, '2026-11-17T09:00:00');
  await assign(approval, '2026-11-17T14:00:00');
  await appraise(
    approval,
    '2026-11-23T09:00:00',
    'approve',
    'Hồ sơ đầy đủ, đúng quy định. Đề nghị cấp giấy phép xây dựng.',
  );
  await forward(specialist, approval, '2026-11-23T09:10:00');

  // Extended with an apology (Mẫu 04): the appointment moves by 5 working days.
  const extended = await k.online('phong', RENEWAL, at('2026-11-17T08:40:00'));
  await accept(extended, '2026-11-17T09:20:00');
  await assign(extended, '2026-11-17T14:30:00');
  await act(specialist, '2026-11-20T10:00:00', extended, extendDeadline, {
    workingDays: 5,
    reason: 'Cần lấy ý kiến Ban Quản lý dự án về chỉ giới xây dựng; xin lỗi ông vì sự chậm trễ này.',
    fileIds: [],
  });

  // Stopped at the applicant's request (Mẫu 05), asked from "Hồ sơ của tôi".
  const stopped = await k.online('mai', RENEWAL, at('2026-11-17T10:00:00'));
  await accept(stopped, '2026-11-17T10:30:00');
  await assign(stopped, '2026-11-17T15:00:00');
  await act(k.citizens.mai, '2026-11-19T19:30:00', stopped, stopDossier, {
    reason: 'Gia đình thay đổi kế hoạch xây dựng, xin dừng giải quyết hồ sơ.',
  });

  // Supplement requested during appraisal (within 3 working days of receipt): the clock is stopped.
  const supplement = await k.online('mai', PERMIT, at('2026-11-18T08:20:00'));
  await accept(supplement, '2026-11-18T09:00:00');
  await assign(supplement, '2026-11-18T14:00:00');
  await act(specialist, '2026-11-20T15:00:00', supplement, requestProcessingSupplement, {
    items: [
      {
        componentCode: 'TP4',
        component: 'Bản vẽ thiết kế',
        problem: 'defective' as const,
        reason: 'Bản vẽ mặt cắt không thể hiện chiều cao tầng hầm',
        guidance: 'Bổ sung bản vẽ mặt cắt có kích thước tầng hầm, có chữ ký của chủ nhiệm thiết kế',
      },
    ],
    fileIds: [],
  });

  // Refused after appraisal (Mẫu 03 through the desk), waiting to be handed to the applicant.
  const refused = await k.online('phong', PERMIT, at('2026-11-18T09:30:00'));
  await accept(refused, '2026-11-18T10:00:00');
  await decide(
    refused,
    ['2026-11-18', '2026-11-20', '2026-11-23', '2026-11-24'],
    'refused',
    'Từ chối cấp giấy phép: vị trí xây dựng nằm trong hành lang bảo vệ đê điều',
  );

  // Assigned, in appraisal.
  const appraisal = await k.online('an', PERMIT, at('2026-11-20T08:10:00'));
  await accept(appraisal, '2026-11-20T09:00:00');
  await assign(appraisal, '2026-11-20T14:00:00');
  // …with a consultation in flight (issue 14): one department answered, another agency not yet.
  await loadConsultationDemo(k, appraisal, specialist);

  // Received, waiting for the head of the department to assign it.
  const unassigned = await k.online('mai', PERMIT, at('2026-11-24T08:05:00'));
  await accept(unassigned, '2026-11-24T09:00:00');

  // Immediate result (001 Đ10.1.d) at the commune: received, decided and returned at the counter at once.
  const tanPhu = await k.staff(TAN_PHU_DESK);
  const copy = await k.counter(tanPhu, CERTIFIED_COPY, at('2026-11-23T08:40:00'), {
    name: 'Hoàng Thị Lệ',
    idNumber: '099192000654',
    address: 'Thôn Tây, xã Tân Phú, tỉnh An Hòa',
  });
  await act(tanPhu, '2026-11-23T08:45:00', copy, acceptDossier, {});
  await act(tanPhu, '2026-11-23T08:55:00', copy, issueResult, {
    kind: 'granted' as const,
    summary: 'Chứng thực 03 bản sao từ bản chính Giấy khai sinh',
    fileIds: [],
  });
  await act(tanPhu, '2026-11-23T09:00:00', copy, returnResult, {
    collectedBy: 'Hoàng Thị Lệ',
    originalsReturned: true,
    fileIds: [],
  });

  // Inter-agency, cross-level and boundary-free dossiers in flight (issue 14).
  await loadInteragencyDemo(k);

  // Result by post (issue 15, 001 Đ28): decided and at the desk; the postal demo (postal.demo.ts) books the pickup
  // and the post delivers it, which returns it.
  const byPost = await k.online('phong', RENEWAL, at('2026-11-18T10:00:00'), 'post');
  await accept(byPost, '2026-11-18T10:30:00');
  await decide(
    byPost,
    ['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-23'],
    'granted',
    'Gia hạn giấy phép xây dựng số 27/GPXD đến ngày 23/11/2027',
  );
}
