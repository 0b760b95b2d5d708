import { describe, expect, it } from 'vitest';
import type { TWorkflow, TWorkflowStep } from '@motcua/contracts';
import { pdfText } from '../documents/pdf-inspect.test-helpers';
import { gradeHandoff, handoffsOf, type SlipEvent } from './control-slip';
import { detail } from './dossiers.test-helpers';
import { at, officeFixture } from './processing-office.test-helpers';

const t = (local: string) => new Date(at(local));
const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

describe('gradeHandoff: early / on time / late against the step due time (Vietnam days)', () => {
  // Due Thursday 05/03/2026 09:00.
  const due = t('2026-03-05T09:00');
  it('is early on an earlier day, on time on the due day up to the due time, late after it', () => {
    expect(gradeHandoff(t('2026-03-04T16:00'), due)).toBe('early');
    expect(gradeHandoff(t('2026-03-05T08:30'), due)).toBe('on_time');
    expect(gradeHandoff(t('2026-03-05T09:00'), due)).toBe('on_time');
    expect(gradeHandoff(t('2026-03-05T09:01'), due)).toBe('late');
    expect(gradeHandoff(t('2026-03-09T07:30'), due)).toBe('late');
  });
  it('counts days in Vietnam time, not UTC', () => {
    // 04/3 23:30 and 05/3 00:30 in Vietnam are the same UTC day (4/3) but two Vietnamese days.
    expect(gradeHandoff(t('2026-03-04T23:30'), t('2026-03-05T00:30'))).toBe('early');
    // 05/3 06:00 in Vietnam is 04/3 in UTC: the same Vietnamese day as a 05/3 17:00 due time.
    expect(gradeHandoff(t('2026-03-05T06:00'), t('2026-03-05T17:00'))).toBe('on_time');
  });
});

const step = (key: string, kind: TWorkflowStep['kind'], holder: TWorkflowStep['holder']): TWorkflowStep => ({
  key,
  kind,
  name: { vi: key, en: key },
  role: 'specialist',
  holder,
  budget: { unit: 'working_days', value: 1 },
  optional: false,
  backTo: null,
});
const WORKFLOW: TWorkflow = {
  steps: [
    step('reception', 'reception', 'desk'),
    step('assignment', 'assignment', 'department'),
    step('appraisal', 'appraisal', 'department'),
    step('approval', 'approval', 'agency'),
    step('result', 'result_to_desk', 'desk'),
    step('return', 'return', 'desk'),
  ],
  supplementNoticeDays: 3,
};

describe('handoffsOf: the handoffs of the event log', () => {
  it('reads giao / nhận rows from the events and grades each against the step left', () => {
    const ev = (
      type: SlipEvent['type'],
      local: string,
      data: Record<string, unknown> = {},
      actorName = 'X',
    ) => ({
      type,
      at: t(local),
      actorName,
      reason: null,
      data,
    });
    const rows = handoffsOf(
      [
        ev('received', '2026-03-02T09:00', {}, 'Cán bộ một cửa'),
        ev('handed_over', '2026-03-02T09:00', {}, null as unknown as string),
        ev(
          'assigned',
          '2026-03-03T10:00',
          { toStep: 'appraisal', handler: { name: 'Chuyên viên A' } },
          'Trưởng phòng',
        ),
        ev('appraised', '2026-03-04T08:00', { opinion: 'Đủ điều kiện' }, 'Chuyên viên A'),
        ev('forwarded', '2026-03-04T08:00', { toStep: 'approval' }, 'Chuyên viên A'),
        ev('forwarded', '2026-03-05T15:00', { toStep: 'result' }, 'Giám đốc'),
        ev(
          'result_issued',
          '2026-03-05T16:00',
          { kind: 'granted', summary: 'Giấy phép số 1' },
          'Cán bộ một cửa',
        ),
        ev('result_returned', '2026-03-06T08:00', { collectedBy: 'Nguyễn Văn An' }, 'Cán bộ một cửa'),
      ],
      {
        workflow: WORKFLOW,
        applicant: 'Nguyễn Văn An',
        appointmentAt: t('2026-03-16T09:00'),
        // One working day is 8 hours here: the due time is the next day at the same hour (no weekend in the range).
        dueOf: (_s, from) => new Date(from.getTime() + 86_400_000),
        unitOf: (s) => ({ desk: 'Bộ phận Một cửa', department: 'Phòng A', agency: 'Lãnh đạo Sở' })[s.holder],
      },
    );
    expect(rows.map((r) => [r.from.unit, r.to.unit, r.result, r.grade])).toEqual([
      ['Tổ chức, cá nhân', 'Bộ phận Một cửa', 'Tiếp nhận hồ sơ', null],
      // Reception entered 02/3 09:00, due 03/3 09:00, handed over the same day.
      ['Bộ phận Một cửa', 'Phòng A', 'Chuyển hồ sơ đến cơ quan, đơn vị giải quyết', 'early'],
      // Assignment entered 02/3 09:00, due 03/3 09:00, done 03/3 10:00.
      ['Phòng A', 'Phòng A', 'Phân công xử lý', 'late'],
      // Appraisal entered 03/3 10:00, due 04/3 10:00, done 04/3 08:00.
      ['Phòng A', 'Lãnh đạo Sở', 'Đã thẩm định: Đủ điều kiện', 'on_time'],
      // Approval entered 04/3 08:00, due 05/3 08:00, done 05/3 15:00.
      ['Lãnh đạo Sở', 'Bộ phận Một cửa', 'Đã phê duyệt', 'late'],
      ['Bộ phận Một cửa', 'Bộ phận Một cửa', 'Có kết quả: Chấp thuận – Giấy phép số 1', 'early'],
      // The return against the appointment 16/3: ten days early.
      ['Bộ phận Một cửa', 'Tổ chức, cá nhân', 'Trả kết quả', 'early'],
    ]);
    expect(rows[2]!.to.person).toBe('Chuyên viên A');
    expect(rows[6]!.to.person).toBe('Nguyễn Văn An');
  });
});

describe('GET /api/processing/dossiers/{id}/control-slip.pdf', async () => {
  const { f, head, specialist, desk, act, received } = await officeFixture(40);

  it('prints the handoffs of the dossier, graded, for the agency’s staff only', async () => {
    // Thursday 12/2/2026 09:00; the assignment step (1 working day) is due Friday 13/2 09:00.
    let d = await received('2026-02-12T09:00');
    f.clock.set(at('2026-02-12T10:00'));
    d = detail(await act(head, d, 'assign', { handlerId: specialist.userId }));
    f.clock.set(at('2026-02-23T10:00'));
    d = detail(await act(specialist, d, 'appraise', { opinion: 'Hồ sơ hợp lệ.', proposal: 'approve' }));
    d = detail(await act(specialist, d, 'forward'));

    const res = await f.inject(desk, 'GET', `/api/processing/dossiers/${d.id}/control-slip.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const text = squash(await pdfText(res.rawPayload));
    const has = (s: string) => text.includes(squash(s));
    expect(has('Mẫu số 06 – Thông tư số 03/2025/TT-VPCP')).toBe(true);
    expect(has('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ')).toBe(true);
    expect(has(`Mã hồ sơ: ${d.code}`)).toBe(true);
    expect(has('1 Tổ chức, cá nhân Nguyễn Văn An')).toBe(true);
    expect(has('Tiếp nhận hồ sơ')).toBe(true);
    expect(has('Phân công xử lý Trước hạn')).toBe(true);
    expect(has('10:00 ngày 12/02/2026')).toBe(true);
    expect(has(`Phòng Bưu chính, Viễn thông ${specialist.name}`)).toBe(true);
    expect(has('Đã thẩm định: Hồ sơ hợp lệ.')).toBe(true);

    // Another agency's clerk: not found; a citizen: forbidden.
    expect(
      (await f.inject(f.clerk('SXD'), 'GET', `/api/processing/dossiers/${d.id}/control-slip.pdf`)).statusCode,
    ).toBe(404);
    expect(
      (await f.inject(f.citizenA, 'GET', `/api/processing/dossiers/${d.id}/control-slip.pdf`)).statusCode,
    ).toBe(403);
  });

  it('is refused for a dossier not yet received (409, in Vietnamese)', async () => {
    f.clock.set(at('2026-03-02T09:00'));
    const d = detail(await f.submit(f.citizenA), 201);
    const res = await f.inject(desk, 'GET', `/api/processing/dossiers/${d.id}/control-slip.pdf`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('phiếu kiểm soát');
  });
});
