import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../http/errors';
import { createLocalFileStore } from './file-store';
import { exeBytes, pngBytes } from './files.fixtures';
import { checkSizes } from './limits';

/**
 * The refusals of this folder as a client sees them through the server's one error handler: status, code, and a
 * message in the client's language. The upload route here stands in for the intake module's.
 */
let app: FastifyInstance;
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-files-http-'));
  const store = createLocalFileStore(dataDir);
  app = Fastify({ bodyLimit: 8 * 1024 * 1024 });
  app.setErrorHandler(errorHandler);
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.post('/upload', async (req) => {
    const name = decodeURIComponent(String(req.headers['x-file-name'] ?? 'tep'));
    const body = req.body as Buffer;
    checkSizes([{ name, size: body.length }], { maxFileBytes: 1024 * 1024, maxTotalBytes: 2 * 1024 * 1024 });
    return store.put(body, { name });
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
});

const upload = (payload: Buffer, name: string, lang = 'vi') =>
  app.inject({
    method: 'POST',
    url: '/upload',
    payload,
    headers: {
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
      'accept-language': lang,
    },
  });

describe('file refusals over HTTP', () => {
  it('accepts a PNG and answers its address', async () => {
    const res = await upload(pngBytes(), 'anh.png');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ mediaType: 'image/png', size: pngBytes().length });
  });

  it('answers 415 with the accepted types for an .exe named .pdf, in Vietnamese and in English', async () => {
    const vi = await upload(exeBytes(), 'to-khai.pdf');
    expect(vi.statusCode).toBe(415);
    expect(vi.json()).toEqual({
      code: 'FILE_TYPE_NOT_ALLOWED',
      message:
        'Tệp “to-khai.pdf” không thuộc định dạng được chấp nhận (nhận dạng theo nội dung: EXE (application/x-msdownload)). ' +
        'Chỉ nhận tệp PDF, JPEG, PNG, DOCX hoặc XLSX.',
    });
    const en = await upload(exeBytes(), 'to-khai.pdf', 'en');
    expect(en.json().message).toContain('Only PDF, JPEG, PNG, DOCX or XLSX files are accepted.');
  });

  it('answers 413 naming the file and the limit in MB', async () => {
    const res = await upload(Buffer.alloc(1536 * 1024, 1), 'ban-ve.pdf');
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({
      code: 'FILE_TOO_LARGE',
      message: 'Tệp “ban-ve.pdf” có dung lượng 1,5 MB, vượt quá giới hạn 1 MB cho mỗi tệp.',
    });
  });
});
