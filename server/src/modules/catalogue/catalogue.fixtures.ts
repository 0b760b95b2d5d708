import type { TProcedureInput } from '@motcua/contracts';
import type { Db } from '../../db/client';
import { loadDemoOrganisation } from '../organisation';
import { formTemplateRtf } from './form-template';

/** Test data: the demo organisation plus a valid procedure input to vary. */
export async function withOrganisation(db: Db): Promise<void> {
  await db.kysely.transaction().execute(loadDemoOrganisation);
}

export const EDITOR_AUDIT = {
  type: 'staff' as const,
  id: 'editor',
  name: 'Biên tập viên',
  at: new Date('2026-11-25T02:00:00Z'),
};

export function sampleProcedure(overrides: Partial<TProcedureInput> = {}): TProcedureInput {
  return {
    code: '1.009994',
    name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
    field: 'Hoạt động xây dựng',
    levels: ['province'],
    agencies: ['SXD'],
    steps: [{ description: 'Nộp hồ sơ tại Bộ phận Một cửa hoặc trực tuyến.' }],
    methods: ['counter', 'post', 'online'],
    processingTime: { unit: 'working_days', value: 15 },
    subjects: ['Công dân Việt Nam', 'Tổ chức'],
    results: ['Giấy phép xây dựng'],
    fees: [
      {
        name: 'Lệ phí cấp giấy phép xây dựng',
        amount: 75_000,
        collector: 'Sở Xây dựng',
        due: 'Khi nộp hồ sơ',
      },
    ],
    conditions: ['Phù hợp với quy hoạch chi tiết xây dựng được duyệt'],
    legalBasis: [{ number: '50/2014/QH13', title: 'Luật Xây dựng', issuer: 'Quốc hội', date: '2014-06-18' }],
    serviceLevel: 'full_online',
    components: [
      {
        name: 'Đơn đề nghị cấp giấy phép xây dựng',
        originals: 1,
        originalRequired: true,
        form: {
          name: 'Mẫu số 01',
          fileName: 'mau-01.rtf',
          mediaType: 'application/rtf',
          contentBase64: formTemplateRtf(
            'Đơn đề nghị cấp giấy phép xây dựng',
            'Cấp giấy phép xây dựng',
          ).toString('base64'),
        },
      },
      { name: 'Bản vẽ thiết kế xây dựng', copies: 2 },
    ],
    decisionNumber: '123/QĐ-UBND',
    decisionDate: '2026-03-06',
    ...overrides,
  };
}
