import type { Actor } from '../../http/auth';
import { currentAgenciesByShortName } from '../organisation';
import { acceptDossier } from './dossier-reception.service';
import type { DemoKit } from './dossiers.demo-processing';
import { forwardToUpperLevel } from './interagency-level';
import { completeTask, sendInteragency } from './interagency.service';
import { assignHandler } from './processing.service';

/** Feasibility-study appraisal at Sở Xây dựng: the catalogue demo's inter-agency plan (SNNMT 7 days, STC 5 days). */
const FEASIBILITY = '1.009788';
/** Environmental registration at the commune, forwarded to the province. */
const ENVIRONMENT = '1.010733';
/** Exchange of a land-use certificate (Văn phòng Đăng ký đất đai), boundary-free. */
const LAND_CERTIFICATE = '1.012800';

/**
 * Issue 14 in flight, moved by the real services at fixed past times (before the demo's first start on 25/11/2026):
 * - electronic inter-agency: both partners at once; Sở Nông nghiệp và Môi trường answered, Sở Tài chính is late;
 * - paper inter-agency: Sở Tài chính first (the desk's order), then Sở Nông nghiệp và Môi trường, now working on it;
 * - cross-level: received at the Tân Phú commune desk, forwarded to Sở Nông nghiệp và Môi trường;
 * - boundary-free: received at the Tân Phú desk, decided by Văn phòng Đăng ký đất đai, returned at the public
 *   service centre of phường An Hòa (the applicant's choice).
 */
export async function loadInteragencyDemo(k: DemoKit): Promise<void> {
  const { trx, at } = k;
  const agencies = await currentAgenciesByShortName(trx, ['SNNMT', 'STC', 'TTPVHCCPAH', 'UBNDXTP']);
  const id = (short: string) => agencies.get(short)!.id;
  const desk = await k.staff('dothihoa@anhoa.gov.vn');
  const head = await k.staff('lyvanthang@anhoa.gov.vn');
  const specialist = await k.staff('maithihuong@anhoa.gov.vn');
  const snnmt = await k.staff('cuthimen@anhoa.gov.vn');
  const stc = await k.staff('vuongthihang@anhoa.gov.vn');
  const tanPhu = await k.staff('phungthingoc@tanphu.anhoa.gov.vn');
  const version = async (dossierId: string) =>
    (await trx.selectFrom('dossiers').select('version').where('id', '=', dossierId).executeTakeFirstOrThrow())
      .version;
  const accept = async (who: Actor, dossierId: string, when: string) =>
    acceptDossier(trx, k.ctx(who, at(when)), dossierId, { expectedVersion: await version(dossierId) });
  const send = async (dossierId: string, when: string, order?: string[]) =>
    sendInteragency(trx, k.ctx(desk, at(when)), dossierId, {
      expectedVersion: await version(dossierId),
      ...(order ? { order } : {}),
    });
  const partDone = async (who: Actor, dossierId: string, agency: string, when: string, outcome: string) => {
    const task = await trx
      .selectFrom('dossier_interagency_tasks')
      .select('id')
      .where('dossier_id', '=', dossierId)
      .where('agency_id', '=', id(agency))
      .executeTakeFirstOrThrow();
    await completeTask(trx, k.ctx(who, at(when)), task.id, {
      expectedVersion: await version(dossierId),
      outcome,
    });
  };

  // Electronic, parallel: sent 10/11 15:00; SNNMT due 19/11, answered early; STC due 17/11 15:00, still out.
  const parallel = await k.online('an', FEASIBILITY, at('2026-11-10T08:30:00'));
  await accept(desk, parallel, '2026-11-10T09:30:00');
  await assignHandler(trx, k.ctx(head, at('2026-11-10T14:00:00')), parallel, {
    expectedVersion: await version(parallel),
    handlerId: specialist.userId,
    fileIds: [],
  });
  await send(parallel, '2026-11-10T15:00:00');
  await partDone(
    snnmt,
    parallel,
    'SNNMT',
    '2026-11-18T10:00:00',
    'Dự án phù hợp quy hoạch sử dụng đất của tỉnh; chủ đầu tư lập báo cáo đánh giá tác động môi trường trước khi khởi công.',
  );

  // Paper, sequential in the desk's order: STC first (done 23/11), then SNNMT (open, due 02/12).
  const paper = await k.counter(desk, FEASIBILITY, at('2026-11-19T09:00:00'), {
    name: 'Trịnh Văn Bảo',
    idNumber: '099080000456',
    address: 'Số 18 đường Trần Phú, phường An Hòa, tỉnh An Hòa',
  });
  await accept(desk, paper, '2026-11-19T09:20:00');
  await send(paper, '2026-11-19T10:00:00', [id('STC'), id('SNNMT')]);
  await partDone(
    stc,
    paper,
    'STC',
    '2026-11-23T16:00:00',
    'Nguồn vốn của dự án đã được bố trí trong kế hoạch đầu tư công trung hạn 2026–2030 của tỉnh.',
  );

  // Cross-level: the commune desk forwards to the province; the appointment stays, the result comes back to Tân Phú.
  const upward = await k.online('mai', ENVIRONMENT, at('2026-11-20T08:30:00'));
  await accept(tanPhu, upward, '2026-11-20T09:00:00');
  await forwardToUpperLevel(trx, k.ctx(tanPhu, at('2026-11-20T14:00:00')), upward, {
    expectedVersion: await version(upward),
    agencyId: id('SNNMT'),
    note: 'Cơ sở có quy mô thuộc thẩm quyền xác nhận đăng ký môi trường của cấp tỉnh.',
  });

  // Boundary-free: received at Tân Phú, decided by VPĐKĐĐ, the result collected in phường An Hòa.
  const anywhere = await k.online('phong', LAND_CERTIFICATE, at('2026-11-23T08:00:00'), 'counter', {
    receivingAgencyId: id('UBNDXTP'),
    resultAgencyId: id('TTPVHCCPAH'),
  });
  await accept(tanPhu, anywhere, '2026-11-23T09:00:00');
}
