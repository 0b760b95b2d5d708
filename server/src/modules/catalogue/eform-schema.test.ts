import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toRe2Syntax } from '@motcua/contracts';
import { actor, asActor, createTestApp } from '../../test/harness';
import { sampleProcedure, withOrganisation } from './catalogue.fixtures';
import { EFORM_KEYS, eform } from './demo/eforms.data';
import { checkEForm, compileEForm } from './eform-schema';

type ErrorBody = { code: string; message: string; details?: unknown };

const EVIL = '^(a+)+$';
const form = (pattern: string) => ({
  type: 'object' as const,
  properties: { maSo: { type: 'string', title: 'Mã số', pattern } },
  required: ['maSo'],
});

describe('e-form patterns cannot freeze the server', async () => {
  const t = await createTestApp({ dataDir: mkdtempSync(path.join(tmpdir(), 'motcua-eform-')) });
  await withOrganisation(t.db);
  const editor = asActor(actor({ kind: 'staff', roles: ['catalogue_editor'] }));
  const citizen = asActor(
    actor({ kind: 'citizen', userId: '00000000-0000-4000-8000-0000000000e1', name: 'Lê Văn Em' }),
  );
  const save = (code: string, eformSchema: unknown, lang = 'vi') =>
    t.app.inject({
      method: 'POST',
      url: '/api/admin/procedures',
      payload: sampleProcedure({ code, components: [], eform: eformSchema as never }),
      headers: { ...editor, 'accept-language': lang },
    });
  const stored = (code: string) =>
    t.db.kysely.selectFrom('procedures').select('code').where('code', '=', code).executeTakeFirst();

  it('saving a pattern a ReDoS checker flags is refused with a 400 naming the field', async () => {
    const res = await save('EF.1', form(EVIL));
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json<ErrorBody>();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toContain('eform.properties.maSo.pattern: biểu thức có thể chạy rất lâu');
    expect(body.details).toEqual([{ field: 'eform.properties.maSo.pattern', message: expect.any(String) }]);
    const en = await save('EF.1', form(EVIL), 'en');
    expect(en.json<ErrorBody>().message).toContain(
      'eform.properties.maSo.pattern: the pattern can take exponential time',
    );
    expect(await stored('EF.1')).toBeUndefined();
  });

  it('an invalid regular expression, lookaround and an invalid JSON Schema are refused at save', async () => {
    const invalid = await save('EF.2', form('[0-9'));
    expect(invalid.statusCode, invalid.body).toBe(400);
    expect(invalid.json<ErrorBody>().message).toContain(
      'eform.properties.maSo.pattern: biểu thức chính quy không hợp lệ',
    );
    const lookahead = await save('EF.2', form('^(?=.*[0-9]).{8}$'));
    expect(lookahead.statusCode).toBe(400);
    expect(lookahead.json<ErrorBody>().message).toContain('cú pháp không hỗ trợ');
    const keys = await save('EF.2', {
      type: 'object',
      properties: {},
      patternProperties: { '(x+x+)+y': { type: 'string' } },
    });
    expect(keys.statusCode).toBe(400);
    expect(keys.json<ErrorBody>().message).toContain('eform.patternProperties:');
    const meta = await save('EF.2', { type: 'object', properties: { a: { type: 'text', minLength: -1 } } });
    expect(meta.statusCode, meta.body).toBe(400);
    expect(meta.json<ErrorBody>().message).toContain(
      'eform.properties.a.minLength: không đúng đặc tả JSON Schema',
    );
    expect(await stored('EF.2')).toBeUndefined();
  });

  it('import refuses the same patterns row by row, writing nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/procedures/import',
      payload: [sampleProcedure({ code: 'EF.3', eform: form(EVIL) })],
      headers: editor,
    });
    expect(res.statusCode, res.body).toBe(422);
    const body = res.json<{ code: string; details: { rows: Array<{ row: number; message: string }> } }>();
    expect(body.code).toBe('IMPORT_REJECTED');
    expect(body.details.rows[0]).toMatchObject({ row: 1, message: expect.stringContaining('maSo.pattern') });
    expect(await stored('EF.3')).toBeUndefined();
  });

  it('safe patterns are kept; the demo catalogue e-forms all pass', async () => {
    const res = await save('EF.4', form('^[\\u00C0-\\u1EF9A-Za-z ]{2,50}$'));
    expect(res.statusCode, res.body).toBe(201);
    expect(EFORM_KEYS().length).toBeGreaterThan(5);
    for (const key of EFORM_KEYS()) expect(checkEForm(eform(key))).toEqual([]);
  });

  /** A published procedure whose stored e-form is then replaced directly in the database (as if saved long ago). */
  const publishedWithStoredForm = async (code: string, pattern: string) => {
    expect((await save(code, form('^[a-z]+$'))).statusCode).toBe(201);
    const pub = await t.app.inject({
      method: 'POST',
      url: `/api/admin/procedures/${code}/publish`,
      headers: editor,
    });
    expect(pub.statusCode, pub.body).toBe(200);
    await t.db.kysely
      .updateTable('procedure_versions')
      .set({ eform: JSON.stringify(form(pattern)) })
      .where('procedure_code', '=', code)
      .execute();
  };
  const submit = (code: string, maSo: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: citizen,
      payload: {
        procedureCode: code,
        applicant: {
          kind: 'citizen',
          name: 'Lê Văn Em',
          idNumber: '099201001234',
          address: 'An Hòa',
          phone: '0912345678',
          email: null,
        },
        formData: { maSo },
        attachments: [],
      },
    });

  it('an evil pattern already stored validates a 29+ character input in linear time (seconds, not hours)', async () => {
    await publishedWithStoredForm('EF.5', EVIL);
    for (const n of [29, 32, 5000]) {
      const started = performance.now();
      const res = await submit('EF.5', `${'a'.repeat(n)}!`);
      const ms = performance.now() - started;
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json<ErrorBody>().code).toBe('FORM_INVALID');
      // A backtracking engine needs ~2^n steps here (minutes at 32, forever at 5000); re2 is linear. The bound is
      // loose on purpose: the whole request runs on a shared, busy CI machine.
      expect(ms).toBeLessThan(3000);
    }
    const ok = await submit('EF.5', 'aaaa');
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('an invalid pattern already stored refuses the submission with a 4xx, never a 500', async () => {
    await publishedWithStoredForm('EF.6', '[0-9');
    const res = await submit('EF.6', '123');
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json<ErrorBody>()).toMatchObject({ code: 'PROCEDURE_UNAVAILABLE' });
    expect(res.json<ErrorBody>().message).toContain('mẫu tờ khai điện tử của thủ tục bị lỗi');
    await publishedWithStoredForm('EF.7', '^(?=a)a$');
    expect((await submit('EF.7', 'a')).statusCode).toBe(422);
  });

  it('patterns mean the same on RE2: \\u escapes are rewritten, other escapes kept', () => {
    expect(toRe2Syntax('^[\\u00C0-\\u1EF9]+$')).toBe('^[\\x{00C0}-\\x{1EF9}]+$');
    expect(toRe2Syntax('\\u{1F600}')).toBe('\\x{1F600}');
    expect(toRe2Syntax('\\\\u0041')).toBe('\\\\u0041'); // an escaped backslash, then the letters u0041
    expect(toRe2Syntax('^\\d{12}$')).toBe('^\\d{12}$');
    const v = compileEForm(form('^[\\u00C0-\\u1EF9a-z ]+$'));
    expect(v({ maSo: 'việt nam' })).toEqual([]);
    expect(v({ maSo: 'VIỆT' })).toHaveLength(1);
    expect(v({})).toEqual([{ field: 'maSo', message: "must have required property 'maSo'" }]);
  });
});
