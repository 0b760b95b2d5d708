import { ZProcessingTime, type TProcedureInput } from '@motcua/contracts';
import type { Db } from '../../db/client';
import { publishDraft, saveDraft } from './catalogue.editor';
import { LAW } from './demo/legal';
import {
  BOUNDARY_FREE,
  DEMO_PROCEDURES,
  INTER_AGENCY,
  INTER_AGENCY_PLANS,
  type DemoRow,
} from './demo/procedures.data';
import { currentAgencyByShortName } from '../organisation';
import { replaceDraftWorkflow } from './catalogue.workflow';
import { defaultWorkflow } from './workflow';
import { eform } from './demo/eforms.data';
import { formTemplateRtf, RTF_MEDIA_TYPE, slugFileName } from './form-template';

const STEPS = {
  full: [
    'Tổ chức, cá nhân nộp hồ sơ trực tuyến trên Cổng Dịch vụ công tỉnh An Hòa, qua dịch vụ bưu chính công ích hoặc trực tiếp tại Bộ phận Một cửa.',
    'Bộ phận Một cửa kiểm tra, tiếp nhận hồ sơ; trường hợp hồ sơ chưa đầy đủ thì hướng dẫn bổ sung một lần.',
    'Cơ quan có thẩm quyền thẩm định, giải quyết hồ sơ.',
    'Trả kết quả trực tuyến (bản điện tử có ký số), qua bưu chính hoặc tại Bộ phận Một cửa.',
  ],
  partial: [
    'Tổ chức, cá nhân nộp hồ sơ trực tuyến, qua bưu chính hoặc trực tiếp tại Bộ phận Một cửa.',
    'Bộ phận Một cửa kiểm tra, tiếp nhận hồ sơ và chuyển cơ quan giải quyết.',
    'Cơ quan có thẩm quyền thẩm định hồ sơ, kiểm tra thực tế (nếu cần) và giải quyết.',
    'Người yêu cầu nhận kết quả trực tiếp tại Bộ phận Một cửa, xuất trình bản chính giấy tờ khi được yêu cầu.',
  ],
  info: [
    'Người yêu cầu trực tiếp đến Bộ phận Một cửa, xuất trình giấy tờ theo quy định.',
    'Cán bộ kiểm tra, thực hiện và trả kết quả ngay trong ngày làm việc.',
  ],
};

const SERVICE = { full: 'full_online', partial: 'partial_online', info: 'information_only' } as const;

function component(spec: string, procedureName: string): NonNullable<TProcedureInput['components']>[number] {
  const originalRequired = spec.startsWith('*');
  const isCopy = spec.startsWith('~');
  const hasForm = spec.endsWith('#');
  const name = spec.replace(/^[*~]/, '').replace(/#$/, '');
  return {
    name,
    originals: isCopy ? 0 : 1,
    copies: isCopy ? 1 : 0,
    originalRequired,
    form: hasForm
      ? {
          name,
          fileName: slugFileName(name),
          mediaType: RTF_MEDIA_TYPE,
          contentBase64: formTemplateRtf(name, procedureName).toString('base64'),
        }
      : null,
  };
}

export function demoProcedureInput(row: DemoRow, i: number): TProcedureInput {
  const [code, name, field, agency, level, time, fee, service, laws, result, components, eformKey] = row;
  const month = 7 + (i % 5);
  const decisionDate = `2025-${String(month).padStart(2, '0')}-${String(10 + (i % 15)).padStart(2, '0')}`;
  return {
    code,
    name,
    field,
    levels: [level],
    agencies: [agency],
    interAgencies: INTER_AGENCY[code] ?? [],
    steps: STEPS[service].map((description) => ({ description })),
    methods: service === 'info' ? ['counter'] : ['counter', 'post', 'online'],
    processingTime:
      time === 0
        ? { unit: 'immediate', value: 0 }
        : typeof time === 'number'
          ? { unit: 'working_days', value: time }
          : { unit: 'working_hours', value: Number(time.slice(1)) },
    subjects:
      level === 'commune'
        ? ['Công dân Việt Nam', 'Người nước ngoài cư trú tại Việt Nam']
        : ['Tổ chức', 'Cá nhân'],
    results: [result],
    fees: fee
      ? [
          {
            name: `Lệ phí ${name.charAt(0).toLowerCase()}${name.slice(1)}`,
            amount: fee,
            collector: 'Bộ phận Một cửa (thu hộ cơ quan giải quyết)',
            due: 'Khi nộp hồ sơ; nộp trực tuyến qua Nền tảng thanh toán',
          },
        ]
      : [],
    conditions: level === 'province' ? ['Hồ sơ đầy đủ, hợp lệ theo quy định'] : [],
    legalBasis: laws.map((k) => {
      const [number, title, issuer, date] = LAW[k];
      return { number, title, issuer, date };
    }),
    serviceLevel: SERVICE[service],
    digitallySignedResult: service === 'full',
    boundaryFree: BOUNDARY_FREE.has(code),
    components: components.map((c) => component(c, name)),
    eform: eformKey ? eform(eformKey) : null,
    decisionNumber: `${1400 + i}/QĐ-UBND`,
    decisionDate,
    changeNote: 'Công bố danh mục thủ tục hành chính tỉnh An Hòa',
  };
}

/** Loads the demo catalogue; one procedure gets a second version (and a late publication) to show history. */
export async function loadDemoCatalogue(db: Db, now: Date): Promise<void> {
  const SYSTEM = { type: 'system' as const, name: 'Dữ liệu mẫu', at: now };
  await db.kysely.transaction().execute(async (trx) => {
    for (const [i, row] of DEMO_PROCEDURES.entries()) {
      const input = demoProcedureInput(row, i);
      await saveDraft(trx, SYSTEM, input);
      const plan = INTER_AGENCY_PLANS[input.code];
      if (plan) {
        const partners = [];
        for (const p of plan) {
          const agency = (await currentAgencyByShortName(trx, p.agency))!;
          partners.push({ agencyId: agency.id, task: { vi: p.vi, en: p.en }, workingDays: p.days });
        }
        await replaceDraftWorkflow(trx, SYSTEM, input.code, {
          ...defaultWorkflow(ZProcessingTime.parse(input.processingTime)),
          interagency: { partners },
        });
      }
      await publishDraft(trx, SYSTEM, input.code, new Date(`${input.decisionDate}T03:00:00Z`));
    }
    const first = DEMO_PROCEDURES.findIndex((r) => r[0] === '2.000720');
    const v2 = demoProcedureInput(DEMO_PROCEDURES[first]!, first);
    await saveDraft(trx, SYSTEM, {
      ...v2,
      processingTime: { unit: 'working_days', value: 2 },
      decisionNumber: '2150/QĐ-UBND',
      decisionDate: '2025-10-01',
      changeNote: 'Rút ngắn thời hạn giải quyết còn 02 ngày làm việc',
    });
    await publishDraft(trx, SYSTEM, v2.code, new Date('2025-10-15T03:00:00Z'));
  });
}
