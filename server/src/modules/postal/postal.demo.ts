import { vnInstant } from '@motcua/contracts';
// Demo (issue 15, 001 Đ28): the dossier whose applicant chose the post (dossiers.demo-processing.ts) has its pickup
// booked the way the automatic pickup job does it, then the post picks it up, carries it and delivers it, which
// returns the result. Fixed past times (Việt Nam), a fixed tracking number: the same on every start.
import type { AppDeps } from '../../http/context';
import type { PostalService } from './postal-service';
import { findShipment } from './postal.repo';
import { applyShipmentEvent, autoPickup } from './postal.service';

const at = vnInstant;
/** The demo post office's answer: a UPU S10 tracking number and the postal fee (đồng). */
const demoPost: PostalService = { requestPickup: async () => ({ trackingNo: 'EB262311001VN', fee: 32000 }) };
const POSTMAN = 'Bưu tá Trần Văn Lộc';

export async function loadDemoPostal(deps: AppDeps): Promise<void> {
  const db = deps.db.kysely;
  const waiting = await db
    .selectFrom('dossiers')
    .select('id')
    .where('status', '=', 'result_ready')
    .where('result_channel', '=', 'post')
    .orderBy('submitted_at')
    .execute();
  for (const d of waiting) {
    const id = await autoPickup(db, deps.config, d.id, at('2026-11-23T09:00:00'), demoPost);
    if (!id) continue;
    const steps = [
      { status: 'picked_up', at: '2026-11-23T15:30:00', note: 'Đã nhận bưu gửi tại Bộ phận Một cửa' },
      { status: 'in_transit', at: '2026-11-24T07:45:00', note: 'Đang phát' },
      { status: 'delivered', at: '2026-11-24T10:20:00', note: 'Đã phát thành công, người nhận ký nhận' },
    ] as const;
    for (const [i, e] of steps.entries()) {
      await db.transaction().execute(async (trx) => {
        const s = (await findShipment(trx, { id }))!;
        await applyShipmentEvent(
          trx,
          s,
          { status: e.status, at: at(e.at), note: e.note, eventId: `DEMO-${id}-${i}`, recordedBy: POSTMAN },
          { type: 'system', name: 'postal-service', at: at(e.at) },
          at(e.at),
          deps.config,
        );
      });
    }
  }
}
