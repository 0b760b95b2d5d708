import { matchesPattern } from '../../../lib/patterns';

/**
 * The subset of JSON Schema that procedure e-forms use (flat objects of text, numbers, dates, choices and yes/no).
 * Small enough that a dedicated renderer stays accessible and fully Vietnamese; anything outside it is shown as text.
 */
export type FieldSchema = {
  type: 'string' | 'number' | 'integer' | 'boolean';
  title?: string;
  description?: string;
  format?: 'date' | 'email' | 'textarea';
  enum?: (string | number)[];
  enumNames?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
};
export type FormSchema = {
  type?: 'object';
  title?: string;
  properties: Record<string, FieldSchema>;
  required?: string[];
};
export type FormValues = Record<string, unknown>;

export type FieldError =
  | { kind: 'required' }
  | { kind: 'tick' }
  | { kind: 'minLength'; n: number }
  | { kind: 'maxLength'; n: number }
  | { kind: 'minimum'; n: number }
  | { kind: 'maximum'; n: number }
  | { kind: 'pattern' }
  | { kind: 'email' }
  | { kind: 'date' }
  | { kind: 'number' }
  | { kind: 'enum' };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

/** One field's first problem, or null. Mirrors what the server validates so people see it before submitting. */
export function validateField(schema: FieldSchema, value: unknown, required: boolean): FieldError | null {
  if (schema.type === 'boolean') return required && value !== true ? { kind: 'tick' } : null;
  if (isEmpty(value)) return required ? { kind: 'required' } : null;
  if (schema.type === 'number' || schema.type === 'integer') {
    const n = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(n) || (schema.type === 'integer' && !Number.isInteger(n))) return { kind: 'number' };
    if (schema.minimum !== undefined && n < schema.minimum) return { kind: 'minimum', n: schema.minimum };
    if (schema.maximum !== undefined && n > schema.maximum) return { kind: 'maximum', n: schema.maximum };
    return null;
  }
  const s = String(value).trim();
  if (schema.enum && !schema.enum.map(String).includes(s)) return { kind: 'enum' };
  if (schema.minLength !== undefined && s.length < schema.minLength)
    return { kind: 'minLength', n: schema.minLength };
  if (schema.maxLength !== undefined && s.length > schema.maxLength)
    return { kind: 'maxLength', n: schema.maxLength };
  if (schema.format === 'email' && !EMAIL.test(s)) return { kind: 'email' };
  if (schema.format === 'date' && !DATE.test(s)) return { kind: 'date' };
  if (schema.pattern && !matchesPattern(schema.pattern, s)) return { kind: 'pattern' };
  return null;
}

export function validateForm(schema: FormSchema, values: FormValues): Record<string, FieldError> {
  const required = new Set(schema.required ?? []);
  const errors: Record<string, FieldError> = {};
  for (const [name, field] of Object.entries(schema.properties)) {
    const err = validateField(field, values[name], required.has(name));
    if (err) errors[name] = err;
  }
  return errors;
}

/** Numbers typed into text boxes are sent as numbers, blanks are left out. */
export function normaliseValues(schema: FormSchema, values: FormValues): FormValues {
  const out: FormValues = {};
  for (const [name, field] of Object.entries(schema.properties)) {
    const v = values[name];
    if (isEmpty(v)) continue;
    out[name] = field.type === 'number' || field.type === 'integer' ? Number(v) : v;
  }
  return out;
}
