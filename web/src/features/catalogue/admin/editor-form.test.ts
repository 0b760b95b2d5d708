import { describe, expect, it } from 'vitest';
import en from 'zod/v4/locales/en.js';
import { editorFormSchema, sectionErrors } from './editor-form';
import { emptyState, type EditorState } from './editor-model';

const t = (key: string) => `«${key}»`;
const filled = (over: Partial<EditorState> = {}): EditorState => ({
  ...emptyState(),
  code: '1.000001',
  name: 'Đăng ký hộ kinh doanh',
  field: 'Thành lập và hoạt động của hộ kinh doanh',
  levels: ['commune'],
  agencies: 'UBNDX',
  steps: ['Nộp hồ sơ'],
  timeValue: '3',
  subjects: ['Cá nhân'],
  results: ['Giấy chứng nhận đăng ký hộ kinh doanh'],
  legalBasis: [{ number: '01/2021/NĐ-CP', title: 'Về đăng ký doanh nghiệp', issuer: '', date: '2021-01-04' }],
  ...over,
});
const schema = editorFormSchema(t);
const issues = (s: EditorState) =>
  (schema.safeParse(s, { error: en().localeError }).error?.issues ?? []).map((i) => [
    i.path.join('.'),
    i.message,
  ]);

describe('procedure editor form', () => {
  it('sends the request the contract parses', () => {
    const out = schema.parse(filled());
    expect(out.processingTime).toEqual({ unit: 'working_days', value: 3 });
    expect(out.agencies).toEqual(['UBNDX']);
    expect(out.eform).toBeNull();
  });

  it("puts the editor's own checks on their sections, with the editor's messages", () => {
    expect(issues(filled({ eform: '{"type":', decisionNumber: '12/QĐ' }))).toEqual([
      ['eform', '«catalogueAdmin.local.eformJson»'],
      ['decisionNumber', '«catalogueAdmin.local.decisionPair»'],
    ]);
  });

  it('then refuses what the server would, at the paths the server names', () => {
    const paths = issues(
      filled({ name: 'A', levels: [], legalBasis: [{ ...filled().legalBasis[0]!, date: '' }] }),
    );
    expect(paths.map(([p]) => p)).toEqual(['name', 'levels', 'legalBasis.0.date']);
    expect(paths[0]![1]).toMatch(/^Too small/);
  });

  it("shows each section's errors as the server's are placed: the path with zod's message, own checks as they are", () => {
    const leaf = (type: string, message: string) => ({ type, message, ref: { name: 'x' } });
    expect(
      sectionErrors({
        name: leaf('too_small', 'Too small'),
        legalBasis: [undefined, { date: leaf('invalid_format', 'Invalid date') }],
        processingTime: { value: leaf('invalid_type', 'Expected number') },
        eform: leaf('custom', 'Biểu mẫu điện tử không phải JSON hợp lệ.'),
        agencies: leaf('server', 'agencies.1: KHONGCO'),
      }),
    ).toEqual({
      name: 'name: Too small',
      legalBasis: 'legalBasis.1.date: Invalid date',
      processingTime: 'processingTime.value: Expected number',
      eform: 'Biểu mẫu điện tử không phải JSON hợp lệ.',
      agencies: 'agencies.1: KHONGCO',
    });
  });
});
