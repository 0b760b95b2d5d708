import type { Transaction } from 'kysely';
import { ZWorkflow, type TWorkflowInput } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import { defaultWorkflow } from '../catalogue';
import {
  ATTACHMENT_LIMITS,
  overrideProcedures,
  type ProcedureComponent,
  type ProcedureFacts,
  type ProcessingTimeFacts,
} from './ports';

/**
 * Test fixtures: procedures with the exact shapes intake's tests need (boundary-free, immediate-result, retired),
 * put in front of the catalogue with `useProcedureFixtures` by the test harnesses only (production reads the catalogue).
 * Agencies by short name of the demo province (organisation.demo.ts).
 */
export type DemoProcedure = {
  code: string;
  versionId: string;
  name: string;
  components: ProcedureComponent[];
  processingTime: ProcessingTimeFacts;
  authorities: Array<{ agency: string; department: string }>;
  boundaryFree: boolean;
  onlineAllowed: boolean;
  formSchema: Record<string, unknown> | null;
  fee: number;
  results?: string[];
  /** TT 04/2025 `-AAXXXX` tail: the procedure runs on a centralised system. */
  centralSystem?: string;
  retiredAt?: Date;
  /** The version's own workflow (an inter-agency plan, issue 14); absent = the default for its processing time. */
  workflow?: TWorkflowInput;
};

export const INTAKE_TEST_PROCEDURES: DemoProcedure[] = [
  {
    code: '1.004227',
    versionId: '6f1c2a80-0000-4000-8000-000000000001',
    name: 'Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp',
    components: [
      {
        code: 'don',
        name: 'Đơn đề nghị cấp giấy phép (Mẫu số 23)',
        copies: 1,
        originalRequired: true,
        required: true,
      },
      {
        code: 'quyet-dinh',
        name: 'Bản sao quyết định thành lập',
        copies: 1,
        originalRequired: false,
        required: true,
      },
      { code: 'de-an', name: 'Đề án hoạt động', copies: 1, originalRequired: false, required: false },
    ],
    processingTime: { unit: 'working_days', value: 10 },
    authorities: [{ agency: 'STTTT', department: 'Phòng Bưu chính, Viễn thông' }],
    boundaryFree: false,
    onlineAllowed: true,
    formSchema: {
      type: 'object',
      properties: {
        tenTrang: { type: 'string', minLength: 3, title: 'Tên trang thông tin' },
        tenMien: { type: 'string', minLength: 4, title: 'Tên miền' },
      },
      required: ['tenTrang', 'tenMien'],
    },
    fee: 0,
    results: ['Giấy phép thiết lập trang thông tin điện tử tổng hợp'],
  },
  {
    code: '2.000908',
    versionId: '6f1c2a80-0000-4000-8000-000000000002',
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
    components: [
      { code: 'ban-chinh', name: 'Bản chính giấy tờ', copies: 1, originalRequired: true, required: true },
    ],
    processingTime: { unit: 'immediate', value: 0 },
    authorities: [{ agency: 'UBNDXTP', department: 'Phòng Văn hóa - Xã hội' }],
    boundaryFree: true,
    onlineAllowed: false,
    formSchema: null,
    fee: 2000,
  },
  {
    code: '1.009994',
    versionId: '6f1c2a80-0000-4000-8000-000000000003',
    name: 'Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II',
    components: [
      {
        code: 'don',
        name: 'Đơn đề nghị cấp giấy phép xây dựng',
        copies: 1,
        originalRequired: true,
        required: true,
      },
      {
        code: 'ban-ve',
        name: 'Bản vẽ thiết kế xây dựng',
        copies: 2,
        originalRequired: false,
        required: true,
      },
    ],
    processingTime: { unit: 'working_days', value: 20 },
    authorities: [{ agency: 'SXD', department: 'Phòng Quản lý hoạt động xây dựng' }],
    boundaryFree: true,
    onlineAllowed: true,
    formSchema: null,
    fee: 150000,
  },
  {
    code: '1.000001',
    versionId: '6f1c2a80-0000-4000-8000-000000000004',
    name: 'Thủ tục đã bãi bỏ (dữ liệu mẫu)',
    components: [],
    processingTime: { unit: 'working_days', value: 5 },
    authorities: [{ agency: 'STP', department: 'Phòng Hành chính tư pháp' }],
    boundaryFree: false,
    onlineAllowed: true,
    formSchema: null,
    fee: 0,
    retiredAt: new Date('2025-01-01T00:00:00Z'),
  },
];

/** Serves these procedures before the catalogue (an empty list removes the override: the catalogue answers). */
export function useProcedureFixtures(list: DemoProcedure[]): void {
  overrideProcedures(
    list.length === 0
      ? null
      : {
          findInForce: async (trx, code, at) => {
            const fixture = list.find((p) => p.code === code);
            return fixture ? fromFixture(trx, fixture, at) : undefined;
          },
          name: (code) => list.find((p) => p.code === code)?.name,
        },
  );
}

async function fromFixture(
  trx: Transaction<Database>,
  demo: DemoProcedure,
  at: Date,
): Promise<ProcedureFacts | null> {
  if (demo.retiredAt && demo.retiredAt <= at) return null;
  const agencies = await trx
    .selectFrom('agencies')
    .leftJoin('departments', (j) =>
      j.onRef('departments.agency_id', '=', 'agencies.id').on('departments.kind', '=', 'specialist'),
    )
    .select(['agencies.id', 'agencies.short_name', 'departments.id as department_id', 'departments.name'])
    .where(
      'agencies.short_name',
      'in',
      demo.authorities.map((a) => a.agency),
    )
    .execute();
  const authorityAgencyIds: string[] = [];
  const responsibleDepartmentIds: Record<string, string | null> = {};
  for (const a of demo.authorities) {
    const rows = agencies.filter((r) => r.short_name === a.agency);
    const first = rows[0];
    if (!first) continue;
    authorityAgencyIds.push(first.id);
    responsibleDepartmentIds[first.id] =
      rows.find((r) => r.name === a.department)?.department_id ?? first.department_id ?? null;
  }
  if (authorityAgencyIds.length === 0) return null;
  return {
    versionId: demo.versionId,
    code: demo.code,
    name: demo.name,
    components: demo.components,
    processingTime: demo.processingTime,
    workflow: demo.workflow ? ZWorkflow.parse(demo.workflow) : defaultWorkflow(demo.processingTime),
    authorityAgencyIds,
    responsibleDepartmentIds,
    boundaryFree: demo.boundaryFree,
    onlineAllowed: demo.onlineAllowed,
    formSchema: demo.formSchema,
    fee: demo.fee,
    results: demo.results ?? [],
    centralSystem: demo.centralSystem ?? null,
    ...ATTACHMENT_LIMITS,
  };
}
