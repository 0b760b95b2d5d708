import { z } from 'zod';
import { ApiError } from '../../lib/api';
import type { MessageKey } from '../../i18n/i18n';
import {
  normaliseValues,
  validateForm,
  type FieldError,
  type FormSchema,
  type FormValues,
} from './components/schema-form-model';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** An e-form problem in words, naming the field: "Họ và tên: bắt buộc". */
export function fieldErrorText(t: Translate, field: string, err: FieldError): string {
  const n = 'n' in err ? err.n : '';
  return t(`dossiers.form.error.${err.kind}`, { field, n });
}

/**
 * The requests' `formData` (a free record in the contract) checked against the procedure's e-form, for a
 * react-hook-form resolver: each problem lands on `formData.<field>` with the renderer's own message, and what
 * parses is what is sent (numbers as numbers, blanks left out). Without an e-form it is the contract's record.
 */
export function eFormData(schema: FormSchema | null, t: Translate) {
  const record = z.record(z.string(), z.unknown());
  if (!schema) return record;
  return record
    .superRefine((values, ctx) => {
      for (const [name, err] of Object.entries(validateForm(schema, values)))
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: fieldErrorText(t, schema.properties[name]?.title ?? name, err),
        });
    })
    .transform((values): FormValues => normaliseValues(schema, values));
}

/**
 * The form field of a server error about the e-form: the e-form check (`FORM_INVALID`) names the e-form's own field
 * (`soDinhDanh`), request validation the request's path (`formData.soDinhDanh`). Null for any other path.
 */
export function eFormFieldOf(err: unknown, requestPath: string): string | null {
  if (err instanceof ApiError && err.code === 'FORM_INVALID')
    return requestPath ? `formData.${requestPath.split('.')[0]}` : null;
  const m = /^formData\.([^.]+)/.exec(requestPath);
  return m ? `formData.${m[1]}` : null;
}
