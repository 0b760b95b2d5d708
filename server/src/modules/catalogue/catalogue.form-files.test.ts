import { beforeAll, describe, expect, it } from 'vitest';
import {
  docxBytes,
  docxDeclaringGigabyte,
  htmlBytes,
  pdfBytes,
  pdfWithOpenActionJs,
  pngBytes,
  xlsxDeclaringGigabyte,
} from '../../files/files.fixtures';
import { actor, asActor, createTestApp, type TestApp } from '../../test/harness';
import { sampleProcedure, withOrganisation } from './catalogue.fixtures';
import { formTemplateRtf } from './form-template';

/** Issue 11: a catalogue editor's form template is a document of the type it claims, served inert. */
let t: TestApp;
const editor = asActor(actor({ kind: 'staff', roles: ['catalogue_editor'] }));
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
let n = 0;

beforeAll(async () => {
  t = await createTestApp();
  await withOrganisation(t.db);
}, 120_000);

/** Creates a draft procedure whose first component has this template; answers the creation response. */
async function withTemplate(content: Buffer, mediaType: string | undefined, fileName: string, lang = 'vi') {
  const code = `F.${++n}`;
  const body = sampleProcedure({ code });
  const form = { name: 'Mẫu số 01', fileName, contentBase64: content.toString('base64'), mediaType };
  body.components = [{ name: 'Đơn đề nghị', originals: 1, form }];
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/admin/procedures',
    headers: { ...editor, 'accept-language': lang },
    payload: body,
  });
  return { code, res };
}

const formsCount = async () =>
  Number(
    (
      await t.db.kysely
        .selectFrom('procedure_forms')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('form templates', () => {
  it.each([
    ['HTML claimed as PDF', htmlBytes(), 'application/pdf', 'mau.pdf', 'its content is unknown'],
    ['a PNG claimed as PDF', pngBytes(), 'application/pdf', 'mau.pdf', 'its content is PNG (image/png)'],
    ['a DOCX claimed as RTF', docxBytes(), 'application/rtf', 'mau.rtf', `declared as application/rtf but`],
  ])('refuses %s with 415, storing nothing', async (_what, bytes, claimed, name, reason) => {
    const before = await formsCount();
    const { res } = await withTemplate(bytes, claimed, name, 'en');
    expect(res.statusCode, res.body).toBe(415);
    expect(res.json().code).toBe('FORM_TEMPLATE_TYPE');
    expect(res.json().message).toContain(reason);
    expect(await formsCount()).toBe(before);
  });

  it('refuses active or oversized content in an allowed type (422)', async () => {
    for (const [bytes, type] of [
      [pdfWithOpenActionJs(), 'application/pdf'],
      [docxDeclaringGigabyte(), DOCX],
    ] as const) {
      const { res } = await withTemplate(bytes, type, 'mau');
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().code).toBe('FILE_CONTENT_REFUSED');
    }
  });

  it('stores the detected type and a safe name, and serves it as a sandboxed download', async () => {
    const { code, res } = await withTemplate(await pdfBytes(1), '', '../mau\u202Etxt.exe');
    expect(res.statusCode, res.body).toBe(201);
    const form = res.json<{ components: { form: { fileName: string; url: string } }[] }>().components[0]!
      .form;
    expect(form.fileName).toBe('mautxt.exe.pdf');
    const published = await t.app.inject({
      method: 'POST',
      url: `/api/admin/procedures/${code}/publish`,
      headers: editor,
    });
    expect(published.statusCode, published.body).toBe(200);
    const file = await t.app.inject({ method: 'GET', url: form.url });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toBe(
      'attachment; filename="mautxt.exe.pdf"; filename*=UTF-8\'\'mautxt.exe.pdf',
    );
  });

  it('accepts the RTF templates the catalogue generates, claimed as text/rtf too', async () => {
    const rtf = formTemplateRtf('Tờ khai', 'Thủ tục thử');
    expect((await withTemplate(rtf, 'text/rtf', 'to-khai.rtf')).res.statusCode).toBe(201);
    const ole = Buffer.from('{\\rtf1\\ansi{\\object\\objemb{\\*\\objdata 0105000002000000}}}');
    expect((await withTemplate(ole, 'application/rtf', 'x.rtf')).res.statusCode).toBe(422);
  });
});

describe('catalogue import from Excel', () => {
  it('refuses a workbook whose archive declares a 1 GB member before the workbook library opens it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/procedures/import',
      headers: {
        ...editor,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'accept-language': 'en',
      },
      payload: xlsxDeclaringGigabyte(),
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ code: 'FILE_CONTENT_REFUSED' });
    expect(res.json().message).toContain('“xl/workbook.xml” expands to 1024 MB');
  });
});
