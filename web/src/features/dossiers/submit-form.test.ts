import { describe, expect, it } from 'vitest';
import vi from 'zod/v4/locales/vi.js';
import { ApiError } from '../../lib/api';
import type { FormSchema } from './components/schema-form-model';
import {
  blankSubmitForm,
  countErrors,
  fromDraftContent,
  submitFieldOf,
  submitFormSchema,
  toDraftContent,
  toSubmitRequest,
  type TSubmitForm,
} from './submit-form';

/** Messages as "key {params}", so a test sees which message and which field. */
const t = (key: string, params: Record<string, string | number> = {}) => `${key} ${JSON.stringify(params)}`;
const formSchema: FormSchema = {
  required: ['hoTen', 'soBan'],
  properties: {
    hoTen: { type: 'string', title: 'Họ và tên', minLength: 2 },
    soBan: { type: 'integer', title: 'Số bản', minimum: 1 },
  },
};
const procedure = {
  code: '1.000001',
  formSchema,
  components: [
    { code: 'to-khai', name: 'Tờ khai', required: true },
    { code: 'giay-uy-quyen', name: 'Giấy ủy quyền', required: false },
  ],
};
const file = (id: string, name: string) => ({
  id,
  name,
  mediaType: 'application/pdf',
  size: 10,
  sha256: 'x',
  pages: 1,
  uploadedAt: '2026-12-01T08:00:00+07:00',
});
const ID1 = '7d3f5a52-2b8e-4c57-9b1e-0c6a2c7f1a01';
const ID2 = '7d3f5a52-2b8e-4c57-9b1e-0c6a2c7f1a02';
const filled = (): TSubmitForm => ({
  ...blankSubmitForm({ name: 'Nguyễn Văn An', email: 'an@example.vn', phone: '' }, procedure.components),
  applicant: {
    kind: 'citizen',
    name: 'Nguyễn Văn An',
    idNumber: '001090012345',
    address: null,
    phone: null,
    email: 'an@example.vn',
  },
  formData: { hoTen: 'Nguyễn Văn An', soBan: '2' },
  files: [
    { componentCode: 'to-khai', files: [file(ID1, 'to-khai.pdf')] },
    { componentCode: 'giay-uy-quyen', files: [] },
  ],
});
const schema = submitFormSchema(procedure, t);
const issuesOf = (v: unknown) =>
  Object.fromEntries(
    (schema.safeParse(v, { error: vi().localeError }).error?.issues ?? []).map((i) => [
      i.path.join('.'),
      i.message,
    ]),
  );

describe('online submission form', () => {
  it('starts from the account: its name and contacts, blanks as null, one file row per component', () => {
    const blank = blankSubmitForm({ name: 'An', email: '', phone: '0912345678' }, procedure.components);
    expect(blank.applicant).toMatchObject({ name: 'An', idNumber: '', email: null, phone: '0912345678' });
    expect(blank.files.map((r) => r.componentCode)).toEqual(['to-khai', 'giay-uy-quyen']);
  });

  it("validates with the contract: the identity number is required online, the applicant's fields as the server does", () => {
    const f = filled();
    const issues = issuesOf({ ...f, applicant: { ...f.applicant, name: 'A', idNumber: '', phone: 'abc' } });
    expect(Object.keys(issues).sort()).toEqual(['applicant.idNumber', 'applicant.name', 'applicant.phone']);
    expect(issues['applicant.name']).toMatch(/^Quá nhỏ/); // zod's own Vietnamese, as the server says it
  });

  it('puts each e-form problem on its field with the form renderer message, and each missing required component', () => {
    const f = filled();
    const issues = issuesOf({
      ...f,
      formData: { hoTen: 'A' },
      files: [{ ...f.files[0]!, files: [] }, f.files[1]],
    });
    expect(issues).toEqual({
      'formData.hoTen': 'dossiers.form.error.minLength {"field":"Họ và tên","n":2}',
      'formData.soBan': 'dossiers.form.error.required {"field":"Số bản","n":""}',
      'files.0.files': 'dossiers.submit.missingComponent {"name":"Tờ khai"}',
    });
  });

  it('sends what parsed: numbers as numbers, trimmed text, only the components that have files', () => {
    const f = filled();
    const out = schema.parse({ ...f, applicant: { ...f.applicant, name: '  Nguyễn Văn An ' } });
    const req = toSubmitRequest(out, procedure.code, 'draft-1');
    expect(req).toEqual({
      procedureCode: '1.000001',
      applicant: { ...f.applicant, name: 'Nguyễn Văn An' },
      formData: { hoTen: 'Nguyễn Văn An', soBan: 2 },
      attachments: [{ componentCode: 'to-khai', fileIds: [ID1] }],
      draftId: 'draft-1',
    });
  });

  it("puts the server's errors on the fields they name; others are left to the error box", () => {
    const f = filled();
    f.files = [
      { componentCode: 'to-khai', files: [] },
      { componentCode: 'giay-uy-quyen', files: [file(ID2, 'uq.pdf')] },
    ];
    const invalid = new ApiError(400, 'VALIDATION_FAILED', 'x', []);
    const eform = new ApiError(422, 'FORM_INVALID', 'x', []);
    expect(submitFieldOf(invalid, f, 'applicant.email')).toBe('applicant.email');
    expect(submitFieldOf(invalid, f, 'formData.soBan')).toBe('formData.soBan');
    expect(submitFieldOf(invalid, f, 'attachments.0.fileIds.0')).toBe('files.1.files');
    expect(submitFieldOf(invalid, f, 'attachments.3')).toBeNull();
    expect(submitFieldOf(invalid, f, 'procedureCode')).toBeNull();
    expect(submitFieldOf(eform, f, 'soBan')).toBe('formData.soBan');
    expect(submitFieldOf(eform, f, '')).toBeNull();
  });

  it('a draft keeps everything typed and resumes on the rows of the current components', () => {
    const f = filled();
    const content = toDraftContent(f);
    expect(content.formData).toMatchObject({ hoTen: 'Nguyễn Văn An', __applicant: f.applicant });
    expect(fromDraftContent(content, blankSubmitForm(undefined, procedure.components))).toEqual(f);
    // A component added since the draft gets an empty row; one removed is dropped.
    const later = fromDraftContent(
      content,
      blankSubmitForm(undefined, [{ code: 'moi' }, { code: 'to-khai' }]),
    );
    expect(later.files).toEqual([
      { componentCode: 'moi', files: [] },
      { componentCode: 'to-khai', files: [file(ID1, 'to-khai.pdf')] },
    ]);
  });

  it("resumes an older draft whose blank optional fields were '' as null, so they pass the contract", () => {
    const old = {
      formData: {
        __applicant: { name: 'An Nguyễn', idNumber: '001090012345', address: '', phone: '', email: '' },
      },
    };
    const f = fromDraftContent(old, blankSubmitForm(undefined, procedure.components));
    expect(f.applicant).toEqual({
      kind: 'citizen',
      name: 'An Nguyễn',
      idNumber: '001090012345',
      address: null,
      phone: null,
      email: null,
    });
    expect(issuesOf({ ...filled(), applicant: f.applicant })).toEqual({});
  });

  it('counts the problems in a part of the form errors', () => {
    const leaf = { type: 'custom', message: 'x', ref: { name: 'r' } };
    expect(countErrors(undefined)).toBe(0);
    expect(countErrors({ name: leaf, email: leaf })).toBe(2);
    expect(countErrors([undefined, { files: leaf }, { files: leaf }])).toBe(2);
  });
});
