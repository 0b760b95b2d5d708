import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { appendAudit } from '../audit';
import type { OfficialSchedule, UnitDay } from '.';
import * as repo from './calendar.repo';
import { findUnitByCode } from '../organisation';

/**
 * The official days off of 2025 and 2026 (Bộ luật Lao động 2019 Đ112 and the yearly schedules agreed by the
 * Prime Minister and announced by Bộ Nội vụ), as far as they are known to this project; an operator re-imports
 * the authoritative file from the admin page. Only days that would otherwise be working days matter here.
 */
export const OFFICIAL_SCHEDULE_2025: OfficialSchedule = {
  year: 2025,
  source: 'Lịch nghỉ lễ, Tết năm 2025 đối với cán bộ, công chức, viên chức (dữ liệu mẫu)',
  daysOff: [
    { date: '2025-01-01', reason: 'Tết Dương lịch' },
    { date: '2025-01-27', reason: 'Tết Nguyên đán' },
    { date: '2025-01-28', reason: 'Tết Nguyên đán' },
    { date: '2025-01-29', reason: 'Tết Nguyên đán' },
    { date: '2025-01-30', reason: 'Tết Nguyên đán' },
    { date: '2025-01-31', reason: 'Tết Nguyên đán' },
    { date: '2025-04-07', reason: 'Giỗ Tổ Hùng Vương' },
    { date: '2025-04-30', reason: 'Ngày Chiến thắng' },
    { date: '2025-05-01', reason: 'Ngày Quốc tế lao động' },
    { date: '2025-05-02', reason: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)' },
    { date: '2025-09-01', reason: 'Quốc khánh' },
    { date: '2025-09-02', reason: 'Quốc khánh' },
  ],
  workingDays: [{ date: '2025-04-26', reason: 'Làm bù cho ngày nghỉ thứ Sáu 2/5/2025' }],
};

export const OFFICIAL_SCHEDULE_2026: OfficialSchedule = {
  year: 2026,
  source: 'Lịch nghỉ lễ, Tết năm 2026 đối với cán bộ, công chức, viên chức (dữ liệu mẫu)',
  daysOff: [
    { date: '2026-01-01', reason: 'Tết Dương lịch' },
    { date: '2026-02-16', reason: 'Tết Nguyên đán' },
    { date: '2026-02-17', reason: 'Tết Nguyên đán' },
    { date: '2026-02-18', reason: 'Tết Nguyên đán' },
    { date: '2026-02-19', reason: 'Tết Nguyên đán' },
    { date: '2026-02-20', reason: 'Tết Nguyên đán' },
    { date: '2026-04-27', reason: 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4/2026 là Chủ nhật)' },
    { date: '2026-04-30', reason: 'Ngày Chiến thắng' },
    { date: '2026-05-01', reason: 'Ngày Quốc tế lao động' },
    { date: '2026-08-31', reason: 'Nghỉ hoán đổi (làm bù thứ Bảy 22/8/2026)' },
    { date: '2026-09-01', reason: 'Quốc khánh' },
    { date: '2026-09-02', reason: 'Quốc khánh' },
  ],
  workingDays: [{ date: '2026-08-22', reason: 'Làm bù cho ngày nghỉ thứ Hai 31/8/2026' }],
};

/** Announcements of units of the demo province Tỉnh An Hòa (003 Đ9.2.a). */
export const DEMO_UNIT_DAYS: Array<UnitDay & { unitCode: string; announcedBy: string }> = [
  {
    unitCode: '99',
    date: '2026-09-25',
    kind: 'closed',
    reason: 'Tạm ngừng làm việc để phòng, tránh bão theo Công điện của Chủ tịch UBND tỉnh',
    announcedBy: 'Văn phòng UBND tỉnh An Hòa',
  },
  {
    unitCode: '99001',
    date: '2026-03-07',
    kind: 'reception',
    reason: 'Tiếp nhận hồ sơ sáng thứ Bảy',
    hours: { reception: [{ start: '07:30', end: '11:30' }] },
    announcedBy: 'UBND xã Tân Phú',
  },
];

export async function loadDemoCalendar(trx: Transaction<Database>, now: Date): Promise<void> {
  const system = { type: 'system' as const, name: 'Dữ liệu mẫu', at: now };
  for (const schedule of [OFFICIAL_SCHEDULE_2025, OFFICIAL_SCHEDULE_2026]) {
    if (await repo.scheduleOf(trx, schedule.year)) continue;
    await repo.upsertSchedule(trx, schedule, system.name);
    await appendAudit(trx, system, {
      action: 'calendar.schedule_imported',
      target: { type: 'calendar_year', id: String(schedule.year) },
      details: { schedule },
    });
  }
  for (const d of DEMO_UNIT_DAYS) {
    const unit = await findUnitByCode(trx, d.unitCode);
    if (!unit) continue;
    await repo.insertUnitDay(trx, {
      unit_id: unit.id,
      date: d.date,
      kind: d.kind,
      reason: d.reason,
      hours: d.hours ?? null,
      announced_by: d.announcedBy,
    });
  }
  await repo.bumpVersion(trx);
}
