import { describe, expect, it } from 'vitest';
import { ZProcedureInput, type TProcedure } from '@motcua/contracts';
import { emptyState, fromProcedure, placeServerError, toInput, type EditorState } from './editor-model';

const filled = (over: Partial<EditorState> = {}): EditorState => ({
  ...emptyState(),
  code: '1.000001',
  name: 'Đăng ký hộ kinh doanh',
  field: 'Thành lập và hoạt động của hộ kinh doanh',
  levels: ['commune'],
  agencies: 'ubndx, SKHDT ',
  steps: ['Nộp hồ sơ', '  '],
  timeValue: '3',
  subjects: ['Cá nhân'],
  results: ['Giấy chứng nhận đăng ký hộ kinh doanh'],
  legalBasis: [{ number: '01/2021/NĐ-CP', title: 'Về đăng ký doanh nghiệp', issuer: '', date: '2021-01-04' }],
  ...over,
});

describe('procedure editor model', () => {
  it('turns the working copy into a valid API input (trimmed lists, numbers, agencies)', () => {
    const r = toInput(
      filled({ fees: [{ name: 'Lệ phí', amount: '100000', collector: 'UBND xã', due: 'Khi nộp hồ sơ' }] }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input.agencies).toEqual(['ubndx', 'SKHDT']);
    expect(r.input.steps).toEqual([{ description: 'Nộp hồ sơ' }]);
    expect(r.input.processingTime).toEqual({ unit: 'working_days', value: 3 });
    expect(r.input.fees?.[0]?.amount).toBe(100000);
    expect(r.input.interAgencies).toEqual([]);
    expect(ZProcedureInput.safeParse(r.input).success).toBe(true);
  });

  it('checks the e-form JSON, numbers and the decision pair before anything is sent', () => {
    expect(toInput(filled({ eform: '{"type":' }))).toEqual({ ok: false, errors: { eform: 'eformJson' } });
    expect(toInput(filled({ eform: '{"type":"array"}' }))).toEqual({
      ok: false,
      errors: { eform: 'eformShape' },
    });
    expect(toInput(filled({ timeValue: '' }))).toEqual({ ok: false, errors: { processingTime: 'number' } });
    expect(toInput(filled({ decisionNumber: '12/QĐ-UBND' }))).toEqual({
      ok: false,
      errors: { decisionNumber: 'decisionPair' },
    });
    const ok = toInput(filled({ eform: '{"type":"object","properties":{"a":{"type":"string"}}}' }));
    expect(ok.ok && ok.input.eform).toEqual({ type: 'object', properties: { a: { type: 'string' } } });
  });

  it('round-trips a procedure and keeps existing form templates by id', () => {
    const p = {
      ...filled(),
      status: 'published',
      versionId: 'v',
      versionNo: 1,
      versionStatus: 'published',
      agencies: [{ id: 'a', shortName: 'UBNDX', name: 'UBND xã' }],
      interAgencies: [],
      interAgency: false,
      steps: [{ description: 'Nộp hồ sơ' }],
      methods: ['counter'],
      processingTime: { unit: 'immediate', value: 0 },
      fees: [],
      conditions: [],
      serviceLevel: 'full_online',
      digitallySignedResult: true,
      boundaryFree: false,
      components: [
        {
          name: 'Giấy đề nghị',
          originals: 1,
          copies: 0,
          originalRequired: false,
          required: true,
          form: { id: 'f1', name: 'Mẫu', fileName: 'mau.pdf', url: '/x' },
        },
      ],
      eform: null,
      onlineSubmission: true,
      decisionNumber: null,
      decisionDate: null,
      publicationDeadline: null,
      publishedAt: null,
      supersededAt: null,
      changeNote: null,
    } as unknown as TProcedure;
    const r = toInput(fromProcedure(p));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input.processingTime).toEqual({ unit: 'immediate', value: 0 });
    expect(r.input.components?.[0]?.form).toEqual({ id: 'f1', name: 'Mẫu' });
    expect(r.input.agencies).toEqual(['UBNDX']);
  });

  it('places server errors at the sections they name', () => {
    expect(
      placeServerError('VALIDATION_FAILED', 'Dữ liệu không hợp lệ', [
        { field: 'legalBasis.0.date', message: 'Ngày không hợp lệ' },
        { field: 'agencies' },
        { field: 'nội dung', message: 'thiếu' },
      ]),
    ).toEqual({
      fields: { legalBasis: 'legalBasis.0.date: Ngày không hợp lệ', agencies: 'Dữ liệu không hợp lệ' },
      general: 'nội dung: thiếu',
    });
    expect(placeServerError('DUPLICATE', 'Đã tồn tại', undefined)).toEqual({
      fields: { code: 'Đã tồn tại' },
      general: null,
    });
    expect(placeServerError('PROCEDURE_RETIRED', 'Đã bãi bỏ', undefined)).toEqual({
      fields: {},
      general: 'Đã bãi bỏ',
    });
  });
});
