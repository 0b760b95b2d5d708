import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  docxBytes,
  docxDeclaringGigabyte,
  docxUnderDeclared,
  exeBytes,
  HOSTILE_NAMES,
  jpegBytes,
  jpegWithTrailingHtml,
  pdfBytes,
  pdfWithAppendedHtml,
  pdfWithEmbeddedFile,
  pdfWithHiddenJs,
  pdfWithLaunch,
  pdfWithOpenActionJs,
  pngBytes,
  pngWithTrailingHtml,
} from '../../files/files.fixtures';
import type { Actor } from '../../http/auth';
import { actor, asActor, createTestApp } from '../../test/harness';
import { detail, intakeFixture } from './dossiers.test-helpers';

/** Issue 11, "Uploads and served files": what an attacker uploads is refused, cleaned or served inert. */
const LIMITS = { bytesPerDay: 6_000, perMinute: 4 };
const f = await intakeFixture({ uploadLimits: LIMITS });
/** A fresh person per test, so one test's uploads never count against another's rate or quota. */
const someone = (): Actor => actor({ kind: 'citizen', userId: randomUUID(), name: 'Lê Văn Thử' });

const send = (who: Actor, bytes: Buffer, name: string, app = f.app) =>
  app.inject({
    method: 'POST',
    url: '/api/dossier-files',
    payload: bytes,
    headers: {
      ...asActor(who),
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
    },
  });

const filesOf = (userId: string) =>
  f.db.kysely
    .selectFrom('dossier_files')
    .select(['name', 'size', 'sha256'])
    .where('owner_user_id', '=', userId)
    .execute();

describe('hostile content', () => {
  it.each([
    ['a PDF with /OpenAction JavaScript', pdfWithOpenActionJs, 'JavaScript'],
    ['a PDF hiding JavaScript in a compressed object stream', pdfWithHiddenJs, 'JavaScript'],
    ['a PDF with a /Launch action', pdfWithLaunch, '/Launch'],
    ['a PDF carrying an embedded file', pdfWithEmbeddedFile, 'embedded files'],
    ['a PDF with HTML appended after %%EOF', pdfWithAppendedHtml, 'appended after the end of the PDF'],
    ['a DOCX declaring a 1 GB member', docxDeclaringGigabyte, 'expands to 1024 MB'],
    ['a DOCX whose member inflates beyond its declared size', docxUnderDeclared, 'beyond its declared size'],
  ])('refuses %s with 422 in Vietnamese and English, storing nothing', async (_what, make, named) => {
    const who = someone();
    const bytes = await make();
    const vi = await send(who, bytes, 'ho-so.pdf');
    expect(vi.statusCode, vi.body).toBe(422);
    expect(vi.json()).toMatchObject({ code: 'FILE_CONTENT_REFUSED' });
    expect(vi.json().message).toMatch(/^Tệp “ho-so\.pdf” không được chấp nhận: /);
    const en = await f.app.inject({
      method: 'POST',
      url: '/api/dossier-files',
      payload: bytes,
      headers: { ...asActor(who), 'content-type': 'application/octet-stream', 'accept-language': 'en' },
    });
    expect(en.json().message).toContain(named);
    expect(await filesOf(who.userId)).toEqual([]);
  });

  it.each([
    ['PNG', pngWithTrailingHtml, pngBytes, 'anh.png'],
    ['JPEG', jpegWithTrailingHtml, jpegBytes, 'anh.jpg'],
  ])('stores a %s with trailing HTML cut at its end marker', async (_type, hostile, clean, name) => {
    const who = someone();
    const res = await send(who, hostile(), name);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ size: clean().length, pages: 1 });
    const [row] = await filesOf(who.userId);
    expect(row?.size).toBe(clean().length);
  });

  it('still accepts ordinary PDF, JPEG and DOCX files', async () => {
    const who = someone();
    for (const [bytes, name] of [
      [await pdfBytes(2), 'don.pdf'],
      [jpegBytes(), 'anh.jpg'],
      [docxBytes(), 'to-khai.docx'],
    ] as const) {
      expect((await send(who, bytes, name)).statusCode).toBe(201);
    }
  });
});

describe('file names', () => {
  it.each(HOSTILE_NAMES)('stores “$sent” as “$stored”', async ({ sent, stored }) => {
    const who = someone();
    const res = await send(who, await pdfBytes(1), sent);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().name).toBe(stored);
    expect((await filesOf(who.userId)).map((r) => r.name)).toEqual([stored]);
  });

  it('gives a file the extension of its detected type, not the one it was sent with', async () => {
    const res = await send(someone(), pngBytes(), 'giay-phep.pdf');
    expect(res.json().name).toBe('giay-phep.pdf.png');
  });
});

describe('serving', () => {
  it('serves attachments and generated documents as downloads under a sandbox CSP, nosniff, with an RFC 5987 name', async () => {
    const who = f.citizenA;
    const mine = (await send(who, await pdfBytes(1), 'Đơn xin phép\u202Efdp.exe')).json<{ id: string }>();
    const other = await f.upload(who);
    const d = detail(
      await f.submit(who, {
        attachments: [
          { componentCode: 'don', fileIds: [mine.id] },
          { componentCode: 'quyet-dinh', fileIds: [other.id] },
        ],
      }),
      201,
    );
    const res = await f.inject(who, 'GET', `/api/dossiers/${d.id}/files/${mine.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="Don xin phepfdp.exe.pdf"; ' +
        "filename*=UTF-8''%C4%90%C6%A1n%20xin%20ph%C3%A9pfdp.exe.pdf",
    );

    // The documents the system generates go out the same way (no more `inline`).
    const accepted = detail(
      await f.inject(f.clerk('STTTT'), 'POST', `/api/reception/dossiers/${d.id}/accept`, {
        expectedVersion: d.version,
      }),
    );
    const receipt = accepted.documents.find((x) => x.kind === 'receipt')!;
    const pdf = await f.inject(who, 'GET', receipt.url);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-disposition']).toBe(
      'attachment; filename="receipt.pdf"; filename*=UTF-8\'\'receipt.pdf',
    );
    expect(pdf.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
  });
});

describe('rate and quota per person, counted in the database', () => {
  it('refuses the fifth upload in a minute with 429 and Retry-After, refused attempts included', async () => {
    const who = someone();
    for (let i = 0; i < 2; i++) expect((await send(who, pngBytes(), 'a.png')).statusCode).toBe(201);
    for (let i = 0; i < 2; i++) expect((await send(who, exeBytes(), 'a.pdf')).statusCode).toBe(415);
    const fifth = await send(who, pngBytes(), 'a.png');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().code).toBe('RATE_LIMITED');
    expect(fifth.headers['retry-after']).toBe('60');
    expect(await filesOf(who.userId)).toHaveLength(2);
    // Someone else is not affected.
    expect((await send(someone(), pngBytes(), 'a.png')).statusCode).toBe(201);
  });

  it('counts uploads made through another server process against the same limit', async () => {
    const other = await createTestApp({ ...f.deps.config }, f.db);
    const who = someone();
    expect((await send(who, pngBytes(), 'a.png', f.app)).statusCode).toBe(201);
    expect((await send(who, pngBytes(), 'a.png', other.app)).statusCode).toBe(201);
    expect((await send(who, pngBytes(), 'a.png', f.app)).statusCode).toBe(201);
    expect((await send(who, pngBytes(), 'a.png', other.app)).statusCode).toBe(201);
    expect((await send(who, pngBytes(), 'a.png', f.app)).statusCode).toBe(429);
  });

  it('refuses an upload over the bytes-per-day quota; refused bytes do not count', async () => {
    const who = someone();
    expect((await send(who, jpegBytes(), 'a.jpg')).statusCode).toBe(201);
    expect((await send(who, jpegBytes(), 'b.jpg')).statusCode).toBe(201);
    const over = await send(who, jpegBytes(), 'c.jpg');
    expect(over.statusCode).toBe(429);
    expect(over.json()).toMatchObject({ code: 'UPLOAD_QUOTA_EXCEEDED' });
    expect(over.json().message).toMatch(/^Bạn đã tải lên .* MB trong 24 giờ qua, hạn mức là .* MB\./);
    expect(await filesOf(who.userId)).toHaveLength(2);
    // 2 × 2,854 bytes accepted + 78 still fits in 6,000.
    expect((await send(who, pngBytes(), 'd.png')).statusCode).toBe(201);
  });
});
