import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TDossierDetail } from '@motcua/contracts';
import { seedDemo } from '../../db/seed';
import { createTestApp } from '../../test/harness';
import { pdfBytes, pngBytes } from '../../files/files.fixtures';
import { Client } from '../accounts/accounts.test-helpers';
import { DEMO_PASSWORD } from '../accounts';
import { useProcedureFixtures } from './procedures.test-helpers';

/** The README's "Try it" paragraph and its log-ins / procedure code, in the order written. */
function tryIt(): { text: string; names: string[] } {
  const readme = readFileSync(path.join(__dirname, '../../../../README.md'), 'utf8');
  const start = readme.indexOf('Try it');
  const text = readme.slice(start, readme.indexOf('\n\n', start));
  // Log-ins and the procedure code; paths (with a slash) are left out.
  const names = [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).filter((n) => !n.includes('/'));
  return { text, names };
}

/** A table row of the README's "Demo offices": agency → [desk, head, specialist, leader]. */
function offices(): Map<string, string[]> {
  const readme = readFileSync(path.join(__dirname, '../../../../README.md'), 'utf8');
  const rows = readme.split('\n').filter((l) => /^\| [A-Z]+ — /.test(l));
  return new Map(
    rows.map((l) => {
      const cells = l.split('|').map((c) => c.trim());
      return [cells[1]!.split(' ')[0]!, cells.slice(2, 6).map((c) => c.replace(/`/g, ''))];
    }),
  );
}

describe('README "Try it", as written', async () => {
  useProcedureFixtures([]);
  const t = await createTestApp({ dataDir: mkdtempSync(path.join(tmpdir(), 'motcua-tryit-')) });
  await seedDemo(t.deps);
  const { names } = tryIt();
  const [citizen, procedure, desk, head, specialist, leader, desk2] = names;
  const client = async (login: string) => {
    const c = new Client(t.app);
    await c.login(login, DEMO_PASSWORD);
    return c;
  };
  const ok = (res: { statusCode: number; body: string }, status = 200) => {
    expect(res.statusCode, res.body).toBe(status);
    return JSON.parse(res.body) as TDossierDetail;
  };

  it('names a citizen, a procedure and the log-ins of every step, each a demo account that exists', async () => {
    expect(names.slice(0, 2)).toEqual(['an.nguyen@example.vn', '1.009994']);
    expect(desk2).toBe(desk);
    const roles = async (username: string) => {
      const u = await t.db.kysely
        .selectFrom('users')
        .innerJoin('agencies', 'agencies.id', 'users.agency_id')
        .select(['users.id', 'agencies.short_name'])
        .where('username', '=', username)
        .executeTakeFirstOrThrow();
      const r = await t.db.kysely
        .selectFrom('user_roles')
        .select('role')
        .where('user_id', '=', u.id)
        .execute();
      return { agency: u.short_name, roles: r.map((x) => x.role) };
    };
    expect(await roles(desk!)).toEqual({ agency: 'UBNDXTP', roles: ['reception_officer'] });
    expect(await roles(head!)).toEqual({ agency: 'UBNDXTP', roles: ['approver'] });
    expect(await roles(specialist!)).toEqual({ agency: 'UBNDXTP', roles: ['specialist'] });
    expect(await roles(leader!)).toEqual({ agency: 'UBNDXTP', roles: ['approver'] });
  });

  it('every log-in of the README tables is a demo account of that agency that can log in', async () => {
    const table = offices();
    expect(table.size).toBeGreaterThanOrEqual(13);
    for (const [agency, people] of table) {
      for (const username of people) {
        const u = await t.db.kysely
          .selectFrom('users')
          .innerJoin('agencies', 'agencies.id', 'users.agency_id')
          .select('agencies.short_name')
          .where('username', '=', username)
          .executeTakeFirst();
        expect(u?.short_name, username).toBe(agency);
      }
    }
    await client(table.get('SXD')![2]!);
  });

  it('submit 1.009994 as the citizen; receive, assign, appraise, approve, return with those log-ins', async () => {
    const an = await client(citizen!);
    const p = (await an.get(`/api/procedures/${procedure}`)).json<{
      components: { code: string; required: boolean }[];
    }>();
    const attachments = [];
    for (const c of p.components.filter((x) => x.required)) {
      const up = await an.req('POST', '/api/dossier-files', pngBytes(), {
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(`${c.code}.png`),
      });
      expect(up.statusCode, up.body).toBe(201);
      attachments.push({ componentCode: c.code, fileIds: [up.json<{ id: string }>().id] });
    }
    const submitted = ok(
      await an.post(
        '/api/dossiers',
        {
          procedureCode: procedure,
          applicant: {
            kind: 'citizen',
            name: 'Nguyễn Văn An',
            idNumber: '099088000123',
            address: 'Số 5 đường Lê Lợi, phường An Hòa, tỉnh An Hòa',
            phone: '0912345678',
            email: citizen,
          },
          formData: {
            hoTenNguoiYeuCau: 'Nguyễn Văn An',
            soDinhDanh: '099088000123',
            noiCuTru: 'Số 5 đường Lê Lợi, phường An Hòa, tỉnh An Hòa',
            soDienThoai: '0912345678',
            diaDiem: 'Thửa đất số 120, tờ bản đồ số 8, thôn Đông, xã Tân Phú',
            dienTichXayDung: 80,
            tongDienTichSan: 240,
            soTang: 3,
            chieuCao: 12,
          },
          attachments,
        },
        { 'idempotency-key': crypto.randomUUID() },
      ),
      201,
    );
    const id = submitted.id;

    // The desk of Tân Phú finds it in its queue and receives it.
    const deskClient = await client(desk!);
    const queue = (await deskClient.get('/api/reception/queue')).json<{ items: { id: string }[] }>();
    expect(queue.items.map((i) => i.id)).toContain(id);
    const accepted = ok(
      await deskClient.post(`/api/reception/dossiers/${id}/accept`, { expectedVersion: submitted.version }),
    );
    expect(accepted.code).toMatch(/-\d{6}-\d{4}$/);
    let d = ok(await deskClient.get(`/api/dossiers/${id}`));
    expect(d.status).toBe('in_processing');
    expect(d.processing?.currentStep?.key).toBe('assignment');

    const specialistId = (
      await t.db.kysely
        .selectFrom('users')
        .select('id')
        .where('username', '=', specialist!)
        .executeTakeFirstOrThrow()
    ).id;
    const headClient = await client(head!);
    d = ok(
      await headClient.post(`/api/processing/dossiers/${id}/assign`, {
        expectedVersion: d.version,
        handlerId: specialistId,
      }),
    );
    const spec = await client(specialist!);
    d = ok(
      await spec.post(`/api/processing/dossiers/${id}/appraise`, {
        expectedVersion: d.version,
        opinion: 'Hồ sơ đầy đủ; công trình phù hợp quy hoạch. Đề nghị cấp giấy phép.',
        proposal: 'approve',
        verification: {
          at: '2026-11-25T08:30:00+07:00',
          place: 'Thửa đất số 120, thôn Đông, xã Tân Phú',
          participants: ['Đinh Thị Thu, công chức', 'Nguyễn Văn An, chủ hộ'],
          content: 'Kiểm tra ranh giới thửa đất và chỉ giới xây dựng.',
        },
      }),
    );
    d = ok(await spec.post(`/api/processing/dossiers/${id}/forward`, { expectedVersion: d.version }));
    expect(d.processing?.currentStep?.kind).toBe('approval');
    d = ok(
      await (
        await client(leader!)
      ).post(`/api/processing/dossiers/${id}/forward`, { expectedVersion: d.version }),
    );
    const pdf = await deskClient.req('POST', '/api/dossier-files', await pdfBytes(1), {
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent('giay-phep-xay-dung.pdf'),
    });
    expect(pdf.statusCode, pdf.body).toBe(201);
    const fileId = pdf.json<{ id: string }>().id;
    d = ok(
      await deskClient.post(`/api/processing/dossiers/${id}/result`, {
        expectedVersion: d.version,
        kind: 'granted',
        summary: 'Giấy phép xây dựng nhà ở riêng lẻ số 15/GPXD',
        fileIds: [fileId],
      }),
    );
    expect(d.status).toBe('result_ready');
    // Nguyễn Văn An downloads it from "Hồ sơ của tôi": the result document, then the dossier is returned.
    const mine = ok(await an.get(`/api/dossiers/${id}`));
    expect(mine.result).toMatchObject({ kind: 'granted', collected: false });
    expect(mine.result!.files.map((f) => f.name)).toEqual(['giay-phep-xay-dung.pdf']);
    const file = await an.get(`/api/dossiers/${id}/files/${fileId}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    // Nobody else's dossier hands out that file.
    const other = await client('mai.tran@example.vn');
    expect((await other.get(`/api/dossiers/${id}/files/${fileId}`)).statusCode).toBe(404);
    d = ok(await an.post(`/api/dossiers/${id}/collect`, { expectedVersion: d.version }));
    expect(d).toMatchObject({ status: 'returned', result: { kind: 'granted', collected: true } });
  });
});
