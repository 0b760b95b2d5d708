import { describe, expect, it } from 'vitest';
import { pngBytes } from '../files/files.fixtures';
import { intakeFixture } from '../modules/dossiers/dossiers.test-helpers';
import { findBadText, jsonDepthExceeds, JSON_BODY_LIMIT, JSON_DEPTH_LIMIT } from './hostile-input';

type ErrorBody = { code: string; message: string; details?: Array<{ field: string }> };

/** A JSON body as raw text, so escapes such as \u0000 and \ud800 reach the server exactly as an attacker sends them. */
const raw = (text: string) => ({ payload: text, headers: { 'content-type': 'application/json' } });

describe('hostile input is refused at the boundary with a 4xx naming where', async () => {
  const f = await intakeFixture();
  const draftBody = (name: string) =>
    `{"procedureCode":"1.004227","content":{"formData":{"tenTrang":"${name}"}}}`;
  const postDraft = (text: string, lang = 'vi') =>
    f.app.inject({
      method: 'POST',
      url: '/api/dossier-drafts',
      ...raw(text),
      headers: { 'content-type': 'application/json', 'accept-language': lang, ...asHeaders(f.citizenA) },
    });
  const asHeaders = (a: typeof f.citizenA) => ({ 'x-test-actor': JSON.stringify(a) });

  const draftCount = async () =>
    (
      await f.db.kysely
        .selectFrom('dossier_drafts')
        .select('id')
        .where('owner_user_id', '=', f.citizenA.userId)
        .execute()
    ).length;

  it('a NUL byte in a JSON body (PostgreSQL refuses it in text and jsonb)', async () => {
    const before = await draftCount();
    const res = await postDraft(draftBody('An\\u0000'));
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json<ErrorBody>();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toBe(
      'Dữ liệu không hợp lệ: body.content.formData.tenTrang: chứa ký tự NUL (\\u0000), không được phép',
    );
    expect(body.details).toEqual([{ field: 'body.content.formData.tenTrang', message: expect.any(String) }]);
    const en = await postDraft(draftBody('An\\u0000'), 'en');
    expect(en.json<ErrorBody>().message).toBe(
      'Invalid input: body.content.formData.tenTrang: contains a NUL character (\\u0000), not allowed',
    );
    expect(await draftCount()).toBe(before);
  });

  it('a NUL byte in an object key', async () => {
    const res = await postDraft('{"procedureCode":"1.004227","content":{"formData":{"a\\u0000b":"x"}}}');
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<ErrorBody>().message).toContain('body.content.formData.a\\u0000b');
  });

  it('an unpaired UTF-16 surrogate in JSON (jsonb refuses it), high or low', async () => {
    for (const s of ['\\ud800', 'x\\udc00y', '\\udbff\\udbff']) {
      const res = await postDraft(draftBody(s));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<ErrorBody>().message).toContain(
        'body.content.formData.tenTrang: chứa ký tự UTF-16 không hợp lệ',
      );
    }
    // A proper pair (an emoji) is ordinary text.
    const ok = await postDraft(draftBody('An \\ud83d\\ude00'));
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('JSON nested thousands of levels deep is refused before it is parsed', async () => {
    const deep = `{"procedureCode":"1.004227","content":{"formData":{"x":${'['.repeat(20000)}${']'.repeat(20000)}}}}`;
    const res = await postDraft(deep);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<ErrorBody>().message).toBe(
      `Dữ liệu không hợp lệ: nội dung: JSON lồng nhau quá ${JSON_DEPTH_LIMIT} cấp`,
    );
    // Brackets inside strings are text, not nesting.
    const text = await postDraft(draftBody('['.repeat(100)));
    expect(text.statusCode, text.body).toBe(201);
  });

  it('a JSON body over the default size limit gets 413', async () => {
    const res = await postDraft(draftBody('a'.repeat(JSON_BODY_LIMIT)));
    expect(res.statusCode).toBe(413);
    expect(res.json<ErrorBody>().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a NUL byte in a path parameter or the query', async () => {
    const path = await f.app.inject({ method: 'GET', url: '/api/procedures/1.004227%00' });
    expect(path.statusCode, path.body).toBe(400);
    expect(path.json<ErrorBody>().message).toContain('path.code: chứa ký tự NUL');
    const query = await f.app.inject({ method: 'GET', url: '/api/procedures?q=nh%C3%A0%00' });
    expect(query.statusCode, query.body).toBe(400);
    expect(query.json<ErrorBody>().message).toContain('query.q: chứa ký tự NUL');
    const lookup = await f.app.inject({ method: 'GET', url: '/api/lookup/%00' });
    expect(lookup.statusCode, lookup.body).toBe(400);
  });

  it('a NUL byte in a header the server keeps (the uploaded file name)', async () => {
    const res = await f.app.inject({
      method: 'POST',
      url: '/api/dossier-files',
      payload: pngBytes(),
      headers: {
        ...asHeaders(f.citizenA),
        'content-type': 'application/octet-stream',
        'x-file-name': 'scan%00.pdf',
      },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<ErrorBody>().message).toContain('header.x-file-name: chứa ký tự NUL');
  });

  it('routes that need more raise the limits: catalogue import (depth) and the editor (size)', async () => {
    const editor = asHeaders({ ...f.citizenA, kind: 'staff', roles: ['catalogue_editor'] });
    const nested = (n: number) => `[{"eform":${'['.repeat(n - 2)}${']'.repeat(n - 2)}}]`;
    const importing = (text: string) =>
      f.app.inject({
        method: 'POST',
        url: '/api/admin/procedures/import',
        payload: text,
        headers: { 'content-type': 'application/json', ...editor },
      });
    const within = await importing(nested(60));
    expect(within.statusCode).toBeLessThan(500);
    expect(within.body).not.toContain('JSON lồng nhau');
    const beyond = await importing(nested(70));
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json<ErrorBody>().message).toContain('JSON lồng nhau quá 64 cấp');
    const big = await f.app.inject({
      method: 'POST',
      url: '/api/admin/procedures',
      payload: JSON.stringify({ code: 'X.1', name: 'a'.repeat(JSON_BODY_LIMIT) }),
      headers: { 'content-type': 'application/json', ...editor },
    });
    expect(big.statusCode, big.body).toBe(400); // refused by validation (name too long), not by the size limit
    expect(big.json<ErrorBody>().code).toBe('VALIDATION_FAILED');
  });

  it('the string checks walk keys, values and arrays without recursion', () => {
    expect(findBadText({ a: ['ok', { b: 'x\u0000' }] }, 'body')).toEqual({
      path: 'body.a[1].b',
      problem: 'nul',
    });
    expect(findBadText({ a: 'ok', b: [1, true, null] }, 'body')).toBeNull();
    let deep: unknown = 'x\ud800';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findBadText(deep, 'body')?.problem).toBe('surrogate');
    expect(jsonDepthExceeds('{"a":"[[[[[[","b":[[1]]}', 3)).toBe(false);
    expect(jsonDepthExceeds('{"a":"\\"[[[[","b":[[[1]]]}', 3)).toBe(true);
  });
});
