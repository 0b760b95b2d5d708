import { z } from 'zod';

/** Procedure catalogue (SPEC §3): what a citizen sees of a procedure, and what an editor submits. */
export const SERVICE_LEVELS = ['full_online', 'partial_online', 'information_only'] as const;
export const ZServiceLevel = z.enum(SERVICE_LEVELS);
export type TServiceLevel = z.infer<typeof ZServiceLevel>;

export const PROCEDURE_LEVELS = ['central', 'province', 'district', 'commune'] as const;
export const ZProcedureLevel = z.enum(PROCEDURE_LEVELS);
export type TProcedureLevel = z.infer<typeof ZProcedureLevel>;

export const SUBMISSION_METHODS = ['counter', 'post', 'online'] as const;
export const ZSubmissionMethod = z.enum(SUBMISSION_METHODS);

export const PROCEDURE_STATUSES = ['draft', 'published', 'retired'] as const;
export type TProcedureStatus = (typeof PROCEDURE_STATUSES)[number];

/**
 * THE processing-time type of the system (catalogue, deadline rules, forms, dossiers): a number of working days
 * (counted in working hours by default, or civil days per BLDS 2015 Đ147–148), of working hours, or an immediate
 * result (001 Đ10.1.d). `mode` absent = the calendar's own counting mode.
 */
export const DAY_COUNT_MODES = ['hours', 'civil'] as const;
export const ZProcessingTime = z.discriminatedUnion('unit', [
  z.object({
    unit: z.literal('working_days'),
    value: z.number().positive().max(365),
    mode: z.enum(DAY_COUNT_MODES).optional(),
  }),
  z.object({ unit: z.literal('working_hours'), value: z.number().positive().max(1000) }),
  z.object({ unit: z.literal('immediate'), value: z.literal(0).default(0) }),
]);
export type TProcessingTime = z.infer<typeof ZProcessingTime>;

export const ZFee = z.object({
  name: z.string().min(1).max(300),
  /** đồng; 0 = free */
  amount: z.number().int().min(0),
  collector: z.string().max(300).default(''),
  due: z.string().max(300).default(''),
});
export const ZLegalBasis = z.object({
  number: z.string().min(1).max(100),
  title: z.string().min(1).max(500),
  issuer: z.string().max(200).default(''),
  date: z.iso.date(),
});
export const ZStep = z.object({ description: z.string().min(1).max(4000) });

export const ZFormTemplateInput = z.object({
  name: z.string().min(1).max(300),
  /** An existing stored template, or new content. */
  id: z.uuid().optional(),
  fileName: z.string().min(1).max(200).optional(),
  mediaType: z.string().max(100).optional(),
  contentBase64: z.string().max(10_000_000).optional(),
});

export const ZComponentInput = z.object({
  /** Stable code intake keys attachments by; generated (`TP1`, `TP2`, …) when absent, kept across versions. */
  code: z
    .string()
    .trim()
    .regex(
      /^[0-9A-Za-z._-]{1,20}$/,
      'Mã thành phần: chữ, số, . _ - (tối đa 20) / letters, digits, . _ - (max 20)',
    )
    .optional(),
  name: z.string().min(1).max(1000),
  originals: z.number().int().min(0).max(50).default(0),
  copies: z.number().int().min(0).max(50).default(0),
  originalRequired: z.boolean().default(false),
  required: z.boolean().default(true),
  form: ZFormTemplateInput.nullable().optional(),
});

/** A JSON-schema form definition (object schema); the portal renders it for online submission. */
export const ZEForm = z
  .object({ type: z.literal('object'), properties: z.record(z.string(), z.unknown()) })
  .catchall(z.unknown());

export const ZProcedureInput = z.object({
  code: z
    .string()
    .regex(
      /^[0-9A-Za-z.-]{1,40}$/,
      'Mã thủ tục chỉ gồm chữ, số, dấu chấm, gạch ngang / letters, digits, dot, dash',
    ),
  name: z.string().min(3).max(1000),
  field: z.string().min(2).max(200),
  levels: z.array(ZProcedureLevel).min(1),
  /** Agency short names (e.g. "SXD"), resolved to agency ids. */
  agencies: z.array(z.string().min(1)).min(1),
  interAgencies: z.array(z.string().min(1)).default([]),
  steps: z.array(ZStep).min(1),
  methods: z.array(ZSubmissionMethod).min(1),
  processingTime: ZProcessingTime,
  subjects: z.array(z.string().min(1)).min(1),
  results: z.array(z.string().min(1)).min(1),
  fees: z.array(ZFee).default([]),
  conditions: z.array(z.string().min(1)).default([]),
  legalBasis: z.array(ZLegalBasis).min(1),
  serviceLevel: ZServiceLevel,
  digitallySignedResult: z.boolean().default(false),
  boundaryFree: z.boolean().default(false),
  components: z.array(ZComponentInput).default([]),
  eform: ZEForm.nullable().default(null),
  decisionNumber: z.string().max(100).nullable().default(null),
  decisionDate: z.iso.date().nullable().default(null),
  changeNote: z.string().max(2000).nullable().default(null),
});
export type TProcedureInput = z.input<typeof ZProcedureInput>;
export type TProcedureInputParsed = z.output<typeof ZProcedureInput>;

export const ZAgencyRef = z.object({ id: z.string(), shortName: z.string(), name: z.string() });

export const ZComponent = z.object({
  code: z.string(),
  name: z.string(),
  originals: z.number(),
  copies: z.number(),
  originalRequired: z.boolean(),
  required: z.boolean(),
  form: z.object({ id: z.string(), name: z.string(), fileName: z.string(), url: z.string() }).nullable(),
});

/** A version's status: `scheduled` = published with a future effective date (until then the previous one applies). */
export const VERSION_STATUSES = ['draft', 'scheduled', 'published', 'superseded'] as const;

export const ZProcedure = z.object({
  code: z.string(),
  status: z.enum(PROCEDURE_STATUSES),
  versionId: z.string(),
  versionNo: z.number().int(),
  versionStatus: z.enum(VERSION_STATUSES),
  name: z.string(),
  field: z.string(),
  levels: z.array(ZProcedureLevel),
  agencies: z.array(ZAgencyRef),
  interAgency: z.boolean(),
  interAgencies: z.array(ZAgencyRef),
  steps: z.array(ZStep),
  methods: z.array(ZSubmissionMethod),
  processingTime: ZProcessingTime,
  subjects: z.array(z.string()),
  results: z.array(z.string()),
  fees: z.array(ZFee),
  conditions: z.array(z.string()),
  legalBasis: z.array(ZLegalBasis),
  serviceLevel: ZServiceLevel,
  digitallySignedResult: z.boolean(),
  boundaryFree: z.boolean(),
  components: z.array(ZComponent),
  eform: z.record(z.string(), z.unknown()).nullable(),
  onlineSubmission: z.boolean(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  publicationDeadline: z.string().nullable(),
  publishedAt: z.string().nullable(),
  supersededAt: z.string().nullable(),
  changeNote: z.string().nullable(),
});
export type TProcedure = z.infer<typeof ZProcedure>;

export const ZProcedureSummary = z.object({
  code: z.string(),
  name: z.string(),
  field: z.string(),
  agency: z.string(),
  levels: z.array(z.string()),
  serviceLevel: ZServiceLevel,
  processingTime: ZProcessingTime,
});
export type TProcedureSummary = z.infer<typeof ZProcedureSummary>;

export const ZProcedureSearchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  field: z.string().max(200).optional(),
  agency: z.string().max(50).optional(),
  level: ZProcedureLevel.optional(),
  serviceLevel: ZServiceLevel.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type TProcedureSearchQuery = z.infer<typeof ZProcedureSearchQuery>;

export const ZProcedureSearchResponse = z.object({
  items: z.array(ZProcedureSummary),
  total: z.number().int(),
});

export const ZFacet = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export const ZFacetsResponse = z.object({ fields: z.array(ZFacet), agencies: z.array(ZFacet) });

/** A row of the editors' list (GET /api/admin/procedures). */
export const ZAdminProcedureRow = z.object({
  code: z.string(),
  name: z.string(),
  field: z.string(),
  status: z.enum(PROCEDURE_STATUSES),
  hasDraft: z.boolean(),
});
export type TAdminProcedureRow = z.infer<typeof ZAdminProcedureRow>;

export const ZVersionSummary = z.object({
  id: z.string(),
  versionNo: z.number().int(),
  status: z.enum(VERSION_STATUSES),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  supersededAt: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  publicationDeadline: z.string().nullable(),
  changeNote: z.string().nullable(),
});
export const ZVersionDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});

export const ZLatePublication = z.object({
  code: z.string(),
  name: z.string(),
  versionNo: z.number().int(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  publicationDeadline: z.string(),
  publishedAt: z.string().nullable(),
  daysLate: z.number().int(),
});

export const ZImportRowError = z.object({
  row: z.number().int(),
  code: z.string().nullable(),
  message: z.string(),
});
export const ZImportResult = z.object({ created: z.number().int(), updated: z.number().int() });
export type TVersionSummary = z.infer<typeof ZVersionSummary>;
export type TVersionDiff = z.infer<typeof ZVersionDiff>;
export type TLatePublication = z.infer<typeof ZLatePublication>;
export type TImportRowError = z.infer<typeof ZImportRowError>;
export type TImportResult = z.infer<typeof ZImportResult>;

/**
 * POST /api/admin/procedures/{code}/publish: the open draft takes effect at once, or from `effectiveFrom` (a date in
 * Việt Nam time, today or later); until then the version in force stays the one the portal shows and receives under.
 */
export const ZPublishRequest = z.object({ effectiveFrom: z.iso.date().optional() });
export type TPublishRequest = z.infer<typeof ZPublishRequest>;
