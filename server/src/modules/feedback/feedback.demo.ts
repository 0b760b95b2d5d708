import { vnInstant } from '@motcua/contracts';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { AppDeps } from '../../http/context';
import type { Actor } from '../../http/auth';
import type { AuditActor } from '../audit';
import { answerFeedback, fileFeedback, setFaq } from './feedback.service';
import { submitRating } from './satisfaction.service';
import { ratingToken } from './rating-token';

type Trx = Transaction<Database>;
const at = vnInstant;

/** Answered questions published on the Q&A page (the senders agreed), with the agency and field they concern. */
const QA: {
  agency: string;
  field: string;
  filed: string;
  answered: string;
  q: string;
  a: string;
  faq?: boolean;
}[] = [
  {
    agency: 'SXD',
    field: 'Hoạt động xây dựng',
    filed: '2026-11-02T09:10',
    answered: '2026-11-04T15:00',
    q: 'Xây nhà ở riêng lẻ 3 tầng tại phường có phải xin giấy phép xây dựng không?',
    a: 'Nhà ở riêng lẻ tại đô thị phải có giấy phép xây dựng, trừ các trường hợp được miễn theo Luật Xây dựng. Hồ sơ nộp tại Trung tâm Phục vụ hành chính công hoặc trực tuyến trên Cổng dịch vụ công.',
    faq: true,
  },
  {
    agency: 'SXD',
    field: 'Hoạt động xây dựng',
    filed: '2026-11-05T10:00',
    answered: '2026-11-09T09:30',
    q: 'Giấy phép xây dựng hết hạn khi công trình chưa khởi công thì gia hạn thế nào?',
    a: 'Trước khi giấy phép hết hạn khởi công 30 ngày, chủ đầu tư nộp đơn đề nghị gia hạn kèm bản chính giấy phép đã cấp. Mỗi giấy phép được gia hạn tối đa 02 lần, mỗi lần 12 tháng.',
  },
  {
    agency: 'STTTT',
    field: 'Phát thanh, truyền hình và thông tin điện tử',
    filed: '2026-11-10T14:20',
    answered: '2026-11-12T10:00',
    q: 'Trang thông tin điện tử tổng hợp cần chuẩn bị những giấy tờ gì để xin giấy phép?',
    a: 'Hồ sơ gồm đơn đề nghị theo mẫu, bản sao quyết định thành lập hoặc giấy chứng nhận đăng ký doanh nghiệp, đề án hoạt động và thỏa thuận cung cấp thông tin với nguồn tin. Thời hạn giải quyết là 10 ngày làm việc.',
    faq: true,
  },
  {
    agency: 'STTTT',
    field: 'Phát thanh, truyền hình và thông tin điện tử',
    filed: '2026-11-16T08:45',
    answered: '2026-11-18T16:10',
    q: 'Có thể nộp hồ sơ cấp phép trang tin điện tử trực tuyến và nhận kết quả qua bưu điện không?',
    a: 'Được. Ông/bà nộp hồ sơ trực tuyến trên Cổng dịch vụ công và chọn nhận kết quả qua dịch vụ bưu chính công ích khi nộp; phí chuyển phát do người nhận trả.',
  },
];

async function staffOf(trx: Trx, agencyId: string): Promise<Actor> {
  const u = await trx
    .selectFrom('users')
    .select(['id', 'full_name'])
    .where('agency_id', '=', agencyId)
    .where('kind', '=', 'staff')
    .orderBy('username')
    .executeTakeFirst();
  return {
    userId: u?.id ?? '00000000-0000-4000-8000-000000000000',
    kind: 'staff',
    name: u?.full_name ?? 'Cán bộ',
    roles: ['reception_officer'],
    agencyId,
    organisationIds: [],
    mustChangePassword: false,
    sessionId: null,
  };
}

/**
 * Demo feedback (issue 16): answered public questions on the Q&A page (two curated as frequently asked), and the
 * satisfaction rating of the dossier returned at the Tân Phú desk in November 2026. Runs once, after the dossiers demo.
 */
export async function loadDemoFeedback(deps: AppDeps): Promise<void> {
  const { config } = deps;
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (await trx.selectFrom('feedback_items').select('id').limit(1).executeTakeFirst()) return; // re-runnable
    const agencies = await trx
      .selectFrom('agencies')
      .select(['id', 'short_name'])
      .where('valid_to', 'is', null)
      .execute();
    const idOf = (short: string) => agencies.find((a) => a.short_name === short)?.id;
    for (const item of QA) {
      const agencyId = idOf(item.agency);
      if (!agencyId) continue;
      const filedAt = at(item.filed);
      const audit: AuditActor = { type: 'anonymous', at: filedAt };
      const created = await fileFeedback(
        trx,
        { actor: null, audit, now: filedAt, config },
        { kind: 'question', content: item.q, agencyId, consentToPublish: true },
      );
      await trx
        .updateTable('feedback_items')
        .set({ field: item.field })
        .where('id', '=', created.id)
        .execute();
      const staff = await staffOf(trx, agencyId);
      const answeredAt = at(item.answered);
      const staffAudit: AuditActor = { type: 'staff', id: staff.userId, name: staff.name, at: answeredAt };
      await answerFeedback(trx, { actor: staff, audit: staffAudit, now: answeredAt, config }, created.id, {
        answer: item.a,
      });
      if (item.faq) await setFaq(trx, staffAudit, created.id, true);
      const votes = item.faq ? 7 : 2;
      await trx
        .updateTable('feedback_items')
        .set({ helpful: votes, not_helpful: 1 })
        .where('id', '=', created.id)
        .execute();
    }
    // The rating of the certified copy returned at the Tân Phú commune desk (at the desk's tablet).
    const returned = await trx
      .selectFrom('dossiers')
      .select(['id', 'channel'])
      .where('status', '=', 'returned')
      .where('channel', '=', 'counter')
      .orderBy('code')
      .execute();
    for (const d of returned) {
      const ratedAt = at('2026-11-23T09:05');
      await submitRating(trx, config, { type: 'anonymous', at: ratedAt }, ratedAt, {
        token: ratingToken(config.feedback.ratingSecret, d.id),
        indicators: { agencies_contacted: 2, publication: 2, staff_attitude: 2, feedback_handling: 1 },
        overall: 'very_satisfied',
        comment: 'Nhanh, cán bộ hướng dẫn tận tình.',
        channel: 'desk',
      });
    }
  });
}
