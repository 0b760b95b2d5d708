import { describe, expect, it } from 'vitest';
import { detail, intakeFixture } from './dossiers.test-helpers';

describe('amending the e-form before reception', async () => {
  const f = await intakeFixture();
  const amend = (id: string, body: object) => f.inject(f.citizenA, 'PATCH', `/api/dossiers/${id}`, body);

  it('checks the data against the e-form of the dossier version and changes nothing when it fails', async () => {
    const d = detail(await f.submit(f.citizenA), 201);
    const bad = await amend(d.id, {
      expectedVersion: d.version,
      formData: { tenTrang: 'ab', tenMien: 'moi.vn' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<{ code: string; message: string }>()).toMatchObject({ code: 'FORM_INVALID' });
    expect(bad.json<{ message: string }>().message).toContain('tenTrang');
    const same = detail(await f.inject(f.citizenA, 'GET', `/api/dossiers/${d.id}`));
    expect(same).toMatchObject({ version: d.version, formData: d.formData });
    expect(same.events.map((e) => e.type)).toEqual(['submitted']);
  });

  it('keeps every version: each amendment records what changed, from what, to what', async () => {
    const d = detail(await f.submit(f.citizenA), 201);
    const a = detail(
      await amend(d.id, {
        expectedVersion: d.version,
        formData: { tenTrang: 'Tin tức An Hòa mới', tenMien: 'tintuc.anhoa.vn' },
        note: 'Đổi tên trang',
      }),
    );
    expect(a.formData).toEqual({ tenTrang: 'Tin tức An Hòa mới', tenMien: 'tintuc.anhoa.vn' });
    // Only the e-form changed: the attachments stay as they were.
    expect(a.attachments.map((x) => x.revision)).toEqual(d.attachments.map((x) => x.revision));
    const b = detail(
      await amend(d.id, {
        expectedVersion: a.version,
        formData: { tenTrang: 'Tin tức An Hòa mới', tenMien: 'anhoa.vn' },
      }),
    );
    const amended = b.events.filter((e) => e.type === 'amended');
    expect(amended.map((e) => e.data.formChanges)).toEqual([
      [{ field: 'tenTrang', from: 'Tin tức An Hòa', to: 'Tin tức An Hòa mới' }],
      [{ field: 'tenMien', from: 'tintuc.anhoa.vn', to: 'anhoa.vn' }],
    ]);
    expect(amended[0]!.reason).toBe('Đổi tên trang');
    // The office sees the same history.
    const office = detail(await f.inject(f.clerk('STTTT'), 'GET', `/api/dossiers/${d.id}`));
    expect(office.events.filter((e) => e.type === 'amended')).toHaveLength(2);
  });
});
