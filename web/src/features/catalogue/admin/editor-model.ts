import type {
  TProcedure,
  TProcedureInput,
  TProcedureLevel,
  TProcessingTime,
  TServiceLevel,
} from '@motcua/contracts';

/**
 * The editor's working copy of a procedure: text where a person types (numbers, JSON, agency lists), converted to
 * the API's `ZProcedureInput` on save. Pure, so the conversion and its checks are unit-tested.
 */
export type Method = 'counter' | 'post' | 'online';
export type FormRef =
  | { id: string; name: string; url?: string }
  | { name: string; fileName: string; mediaType: string; contentBase64: string };
export type ComponentRow = {
  name: string;
  originals: string;
  copies: string;
  originalRequired: boolean;
  required: boolean;
  form: FormRef | null;
};
export type FeeRow = { name: string; amount: string; collector: string; due: string };
export type LegalRow = { number: string; title: string; issuer: string; date: string };

export type EditorState = {
  code: string;
  name: string;
  field: string;
  levels: TProcedureLevel[];
  agencies: string;
  interAgency: boolean;
  interAgencies: string;
  steps: string[];
  methods: Method[];
  timeUnit: TProcessingTime['unit'];
  timeValue: string;
  subjects: string[];
  results: string[];
  fees: FeeRow[];
  conditions: string[];
  legalBasis: LegalRow[];
  serviceLevel: TServiceLevel;
  digitallySignedResult: boolean;
  boundaryFree: boolean;
  components: ComponentRow[];
  eform: string;
  decisionNumber: string;
  decisionDate: string;
  changeNote: string;
};

/** Sections of the form; a server error naming `legalBasis.0.date` is shown at `legalBasis`. */
export type Section = keyof EditorState | 'processingTime' | 'form';
export type FieldErrors = Partial<Record<Section, string>>;

export const blankComponent = (): ComponentRow => ({
  name: '',
  originals: '1',
  copies: '0',
  originalRequired: false,
  required: true,
  form: null,
});
export const blankFee = (): FeeRow => ({ name: '', amount: '0', collector: '', due: '' });
export const blankLegal = (): LegalRow => ({ number: '', title: '', issuer: '', date: '' });

export function emptyState(): EditorState {
  return {
    code: '',
    name: '',
    field: '',
    levels: [],
    agencies: '',
    interAgency: false,
    interAgencies: '',
    steps: [''],
    methods: ['counter'],
    timeUnit: 'working_days',
    timeValue: '',
    subjects: [''],
    results: [''],
    fees: [],
    conditions: [],
    legalBasis: [blankLegal()],
    serviceLevel: 'partial_online',
    digitallySignedResult: false,
    boundaryFree: false,
    components: [],
    eform: '',
    decisionNumber: '',
    decisionDate: '',
    changeNote: '',
  };
}

export function fromProcedure(p: TProcedure): EditorState {
  return {
    code: p.code,
    name: p.name,
    field: p.field,
    levels: p.levels,
    agencies: p.agencies.map((a) => a.shortName).join(', '),
    interAgency: p.interAgencies.length > 0,
    interAgencies: p.interAgencies.map((a) => a.shortName).join(', '),
    steps: p.steps.map((s) => s.description),
    methods: p.methods,
    timeUnit: p.processingTime.unit,
    timeValue: p.processingTime.unit === 'immediate' ? '' : String(p.processingTime.value),
    subjects: p.subjects,
    results: p.results,
    fees: p.fees.map((f) => ({ ...f, amount: String(f.amount) })),
    conditions: p.conditions,
    legalBasis: p.legalBasis.map((l) => ({ ...l })),
    serviceLevel: p.serviceLevel,
    digitallySignedResult: p.digitallySignedResult,
    boundaryFree: p.boundaryFree,
    components: p.components.map((c) => ({
      name: c.name,
      originals: String(c.originals),
      copies: String(c.copies),
      originalRequired: c.originalRequired,
      required: c.required,
      form: c.form ? { id: c.form.id, name: c.form.name, url: c.form.url } : null,
    })),
    eform: p.eform ? JSON.stringify(p.eform, null, 2) : '',
    decisionNumber: p.decisionNumber ?? '',
    decisionDate: p.decisionDate ?? '',
    changeNote: p.changeNote ?? '',
  };
}

const list = (s: string) =>
  s
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
const lines = (xs: string[]) => xs.map((x) => x.trim()).filter(Boolean);
const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** Messages the editor checks itself, before the server sees anything (keys of the catalogueAdmin bundle). */
export type LocalError = 'eformJson' | 'eformShape' | 'number' | 'decisionPair';

export function toInput(
  s: EditorState,
): { ok: true; input: TProcedureInput } | { ok: false; errors: Partial<Record<Section, LocalError>> } {
  const errors: Partial<Record<Section, LocalError>> = {};
  let eform: TProcedureInput['eform'] = null;
  if (s.eform.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(s.eform);
      const o = parsed as { type?: unknown; properties?: unknown } | null;
      if (
        !o ||
        typeof o !== 'object' ||
        o.type !== 'object' ||
        typeof o.properties !== 'object' ||
        !o.properties
      )
        errors.eform = 'eformShape';
      else eform = parsed as TProcedureInput['eform'];
    } catch {
      errors.eform = 'eformJson';
    }
  }
  const num = (v: string, section: Section) => {
    const n = Number(v.trim() === '' ? NaN : v);
    if (!Number.isFinite(n)) errors[section] = 'number';
    return n;
  };
  const processingTime: TProcessingTime =
    s.timeUnit === 'immediate'
      ? { unit: 'immediate', value: 0 }
      : { unit: s.timeUnit, value: num(s.timeValue, 'processingTime') };
  const fees = s.fees.map((f) => ({
    name: f.name.trim(),
    amount: num(f.amount, 'fees'),
    collector: f.collector.trim(),
    due: f.due.trim(),
  }));
  const components = s.components.map((c) => ({
    name: c.name.trim(),
    originals: num(c.originals, 'components'),
    copies: num(c.copies, 'components'),
    originalRequired: c.originalRequired,
    required: c.required,
    form: c.form ? ('id' in c.form ? { id: c.form.id, name: c.form.name } : c.form) : null,
  }));
  if (!s.decisionNumber.trim() !== !s.decisionDate) errors.decisionNumber = 'decisionPair';
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    input: {
      code: s.code.trim(),
      name: s.name.trim(),
      field: s.field.trim(),
      levels: s.levels,
      agencies: list(s.agencies),
      interAgencies: s.interAgency ? list(s.interAgencies) : [],
      steps: lines(s.steps).map((description) => ({ description })),
      methods: s.methods,
      processingTime,
      subjects: lines(s.subjects),
      results: lines(s.results),
      fees,
      conditions: lines(s.conditions),
      legalBasis: s.legalBasis.map((l) => ({
        number: l.number.trim(),
        title: l.title.trim(),
        issuer: l.issuer.trim(),
        date: l.date,
      })),
      serviceLevel: s.serviceLevel,
      digitallySignedResult: s.digitallySignedResult,
      boundaryFree: s.boundaryFree,
      components,
      eform,
      decisionNumber: orNull(s.decisionNumber),
      decisionDate: orNull(s.decisionDate),
      changeNote: orNull(s.changeNote),
    },
  };
}

const SECTIONS = new Set<string>([...Object.keys(emptyState()), 'processingTime']);

/**
 * Places a server error: each validation issue (`{field: "legalBasis.0.date", message}`) at its section; an issue
 * without a message carries the error's own (already localised) message; a duplicate code at the code field.
 */
export function placeServerError(
  code: string,
  message: string,
  details: unknown,
): { fields: FieldErrors; general: string | null } {
  const fields: FieldErrors = {};
  if (code === 'DUPLICATE') return { fields: { code: message }, general: null };
  if (!Array.isArray(details)) return { fields, general: message };
  const unplaced: string[] = [];
  for (const d of details as { field?: unknown; message?: unknown }[]) {
    const path = typeof d.field === 'string' ? d.field : '';
    const text = typeof d.message === 'string' && d.message ? `${path}: ${d.message}` : message;
    const head = path.split('.')[0] ?? '';
    const section = (head === 'interAgencies' ? 'interAgencies' : head) as Section;
    if (SECTIONS.has(section)) fields[section] = fields[section] ? `${fields[section]}; ${text}` : text;
    else unplaced.push(text);
  }
  return {
    fields,
    general: unplaced.length ? unplaced.join('; ') : Object.keys(fields).length ? null : message,
  };
}
