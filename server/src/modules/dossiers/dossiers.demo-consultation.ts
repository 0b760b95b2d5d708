import type { Actor } from '../../http/auth';
import { answerConsultation, sendConsultation } from './consultation.service';
import type { DemoKit } from './dossiers.demo-processing';

/**
 * Consultation in flight (issue 14): the SXD specialist, appraising a building permit, asked Phòng Quản lý hoạt động
 * xây dựng (answered) and Sở Thông tin và Truyền thông (still open, due 27/11/2026) — so the workspace shows both,
 * and the consulted specialist's "Xin ý kiến cần trả lời" is not empty. Moved by the real services at fixed past times.
 */
export async function loadConsultationDemo(k: DemoKit, dossierId: string, specialist: Actor): Promise<void> {
  const { trx, at } = k;
  const ids = await trx
    .selectFrom('departments as d')
    .innerJoin('agencies as a', 'a.id', 'd.agency_id')
    .select(['a.id as agency_id', 'a.short_name', 'd.id', 'd.name'])
    .where((w) =>
      w.or([
        w.and([w('a.short_name', '=', 'SXD'), w('d.name', '=', 'Phòng Quản lý hoạt động xây dựng')]),
        w.and([w('a.short_name', '=', 'STTTT'), w('d.name', '=', 'Phòng Công nghệ thông tin')]),
      ]),
    )
    .execute();
  const sxd = ids.find((r) => r.short_name === 'SXD')!;
  const sttt = ids.find((r) => r.short_name === 'STTTT')!;
  const version = async () =>
    (await trx.selectFrom('dossiers').select('version').where('id', '=', dossierId).executeTakeFirstOrThrow())
      .version;
  await sendConsultation(trx, k.ctx(specialist, at('2026-11-24T09:00:00')), dossierId, {
    expectedVersion: await version(),
    to: [
      { agencyId: sxd.agency_id, departmentId: sxd.id },
      { agencyId: sttt.agency_id, departmentId: sttt.id },
    ],
    content:
      'Đề nghị cho ý kiến về sự phù hợp của công trình với quy hoạch chi tiết tỷ lệ 1/500 và phương án đấu nối hạ tầng viễn thông thụ động.',
    workingDays: 3,
  });
  const consulted = await k.staff('phanvankien@anhoa.gov.vn');
  const open = await trx
    .selectFrom('dossier_consultations')
    .select('id')
    .where('dossier_id', '=', dossierId)
    .where('to_department_id', '=', sxd.id)
    .executeTakeFirstOrThrow();
  await answerConsultation(trx, k.ctx(consulted, at('2026-11-24T15:30:00')), open.id, {
    expectedVersion: await version(),
    answer: 'opinion',
    opinion: 'Công trình phù hợp với quy hoạch chi tiết tỷ lệ 1/500 đã được phê duyệt; không có ý kiến khác.',
  });
}
