import { describe, expect, it } from 'vitest';
import { detail, intakeFixture } from './dossiers.test-helpers';

describe('public lookup and drafts', async () => {
  const f = await intakeFixture();
  const clerk = f.clerk('STTTT');
  const d = detail(await f.submit(f.citizenA), 201);
  const a = detail(
    await f.inject(clerk, 'POST', `/api/reception/dossiers/${d.id}/accept`, { expectedVersion: d.version }),
  );

  it('shows status, procedure, places, times and late flag by code alone; the masked name only with the PIN', async () => {
    const byCode = await f.inject(null, 'GET', `/api/lookup/${a.code}`);
    expect(byCode.statusCode).toBe(200);
    expect(byCode.json()).toMatchObject({ code: a.code, applicantName: null, pinStatus: 'none' });
    expect(byCode.body).not.toContain('Nguyễn');
    const { lookup_pin: pin } = await f.db.kysely
      .selectFrom('dossiers')
      .select('lookup_pin')
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(pin).toMatch(/^\d{6}$/);
    const res = await f.inject(null, 'GET', `/api/lookup/${a.code}?pin=${pin}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(pin!);
    expect(res.json()).toEqual({
      code: a.code,
      status: 'in_processing',
      procedureName: 'Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp',
      receivingAgency: 'Sở Thông tin và Truyền thông tỉnh An Hòa',
      holdingAgency: 'Sở Thông tin và Truyền thông tỉnh An Hòa',
      holdingDepartment: 'Phòng Bưu chính, Viễn thông',
      receivedAt: a.receivedAt,
      appointmentAt: a.appointmentAt,
      late: false,
      applicantName: 'Nguyễn V** A*',
      pinStatus: 'accepted',
      // Issue 12: the step (its name) and the unit above, never a person; no extension, no result yet.
      currentStep: { vi: 'Phân công xử lý', en: 'Assignment' },
      extendedFrom: null,
      result: null,
    });
    expect(res.body).not.toContain('099201001234');
    expect(res.body).not.toContain('an@example.vn');
  });

  it('answers 400 for a malformed code and 404 for an unknown one, in the caller’s language', async () => {
    const bad = await f.inject(null, 'GET', `/api/lookup/${encodeURIComponent("x' or 1=1")}`, undefined, {
      'accept-language': 'en',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('is not a dossier code');
    const unknown = await f.inject(null, 'GET', '/api/lookup/000.00.15.H99-260101-9999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toBe('Không tìm thấy hồ sơ.');
    // A submitted dossier without a code is not found by its submission reference either.
    expect((await f.inject(null, 'GET', `/api/lookup/${d.submissionRef}`)).statusCode).toBe(400);
  });

  it('drafts save and resume on another device; a stale autosave gets 409; only the owner sees them', async () => {
    const created = await f.inject(f.citizenA, 'POST', '/api/dossier-drafts', {
      procedureCode: '1.004227',
      content: { formData: { tenTrang: 'Bản nháp' } },
    });
    expect(created.statusCode).toBe(201);
    const draft = created.json<{ id: string; version: number }>();
    const laptop = await f.inject(f.citizenA, 'PUT', `/api/dossier-drafts/${draft.id}`, {
      procedureCode: '1.004227',
      expectedVersion: draft.version,
      content: { formData: { tenTrang: 'Bản nháp 2' } },
    });
    expect(laptop.statusCode).toBe(200);
    const phone = await f.inject(f.citizenA, 'PUT', `/api/dossier-drafts/${draft.id}`, {
      procedureCode: '1.004227',
      expectedVersion: draft.version,
      content: { formData: { tenTrang: 'Cũ' } },
    });
    expect(phone.statusCode).toBe(409);
    const resumed = await f.inject(f.citizenA, 'GET', `/api/dossier-drafts/${draft.id}`);
    expect(resumed.json().content.formData.tenTrang).toBe('Bản nháp 2');
    expect((await f.inject(f.citizenB, 'GET', `/api/dossier-drafts/${draft.id}`)).statusCode).toBe(404);
    expect((await f.inject(f.citizenA, 'GET', '/api/dossier-drafts')).json().items).toHaveLength(1);
    // Submitting from the draft closes it.
    detail(await f.submit(f.citizenA, { draftId: draft.id }), 201);
    expect((await f.inject(f.citizenA, 'GET', '/api/dossier-drafts')).json().items).toHaveLength(0);
  });

  it('portal inbox lists the applicant’s messages only', async () => {
    const mine = await f.inject(f.citizenA, 'GET', '/api/dossier-messages');
    expect(mine.json<{ items: Array<{ kind: string }> }>().items.map((m) => m.kind)).toContain('received');
    const theirs = await f.inject(f.citizenB, 'GET', '/api/dossier-messages');
    expect(theirs.json().items).toEqual([]);
  });

  it('is rate-limited per client address (the socket peer; no proxy is trusted by default)', async () => {
    const from = (remoteAddress: string) =>
      f.app.inject({ method: 'GET', url: `/api/lookup/${a.code}`, remoteAddress });
    let last = 0;
    for (let i = 0; i < 130 && last !== 429; i++) last = (await from('203.0.113.9')).statusCode;
    expect(last).toBe(429);
    expect((await from('203.0.113.10')).statusCode).toBe(200);
  });
});
