import { z } from 'zod';
import {
  ZApplicant,
  ZSubmitDossierRequest,
  ZUploadedFile,
  type TSaveDraftRequest,
  type TSubmitDossierRequest,
  type TUploadedFile,
} from '@motcua/contracts';
import { ApiError } from '../../lib/api';
import type { IntakeProcedure } from './api';
import type { FormValues } from './components/schema-form-model';
import { eFormData, eFormFieldOf, type Translate } from './eform-form';

/**
 * The citizen's online submission wizard as one form over the request's own contract schema: the applicant
 * (`ZApplicant`, with the identity number required online), the e-form answers checked against the procedure's
 * e-form, and one row of uploaded files per component of the procedure (the request carries their ids).
 */
export function submitFormSchema(
  procedure: Pick<IntakeProcedure, 'formSchema' | 'components'>,
  t: Translate,
) {
  return ZSubmitDossierRequest.pick({ applicant: true, formData: true }).safeExtend({
    applicant: ZApplicant.safeExtend({
      kind: z.literal('citizen'),
      idNumber: ZApplicant.shape.idNumber.unwrap(),
    }),
    formData: eFormData(procedure.formSchema, t),
    files: z
      .array(
        z.object({
          componentCode: z.string(),
          // The form keeps the whole upload for the lists; the request needs only its id.
          files: z.array(
            z.custom<TUploadedFile>((f) => ZUploadedFile.pick({ id: true }).safeParse(f).success),
          ),
        }),
      )
      .superRefine((rows, ctx) => {
        rows.forEach((row, i) => {
          const c = procedure.components.find((x) => x.code === row.componentCode);
          if (c?.required && row.files.length === 0)
            ctx.addIssue({
              code: 'custom',
              path: [i, 'files'],
              message: t('dossiers.submit.missingComponent', { name: c.name }),
            });
        });
      }),
  });
}
type SubmitSchema = ReturnType<typeof submitFormSchema>;
export type TSubmitForm = z.input<SubmitSchema>;
export type TSubmitFormOutput = z.output<SubmitSchema>;
type FileRow = { componentCode: string; files: TUploadedFile[] };

/** What each step shows: a field's step decides where the wizard goes back to when it is wrong. */
export const STEP_FIELDS = { 1: ['applicant', 'formData'], 2: ['files'] } as const;
export type Step = 1 | 2 | 3;
export const stepOf = (field: string): 1 | 2 => (field.startsWith('files') ? 2 : 1);

/** A new submission: the account's name and verified contacts, a row per component of the procedure. */
export function blankSubmitForm(
  me: { name?: string | null; email?: string | null; phone?: string | null } | undefined,
  components: readonly { code: string }[],
): TSubmitForm {
  return {
    applicant: {
      kind: 'citizen',
      name: me?.name ?? '',
      idNumber: '',
      address: null,
      phone: me?.phone || null,
      email: me?.email || null,
    },
    formData: {},
    files: components.map((c) => ({ componentCode: c.code, files: [] })),
  };
}

/** The request: the checked values, the files of the components that have any, and the draft it came from. */
export function toSubmitRequest(
  values: TSubmitFormOutput,
  procedureCode: string,
  draftId: string | null,
): TSubmitDossierRequest {
  return {
    procedureCode,
    applicant: values.applicant,
    formData: values.formData,
    attachments: values.files
      .filter((r) => r.files.length > 0)
      .map((r) => ({ componentCode: r.componentCode, fileIds: r.files.map((f) => f.id) })),
    draftId,
  };
}

/**
 * The form field a server error names. The e-form check (`FORM_INVALID`) names the e-form's own field; validation
 * names the request's path, where `attachments.N` is the Nth component *with files*.
 */
export function submitFieldOf(err: unknown, form: TSubmitForm, requestPath: string): string | null {
  const eForm = eFormFieldOf(err, requestPath);
  if (eForm || (err instanceof ApiError && err.code === 'FORM_INVALID')) return eForm;
  const a = /^applicant\.[^.]+/.exec(requestPath);
  if (a) return a[0];
  const m = /^attachments\.(\d+)/.exec(requestPath);
  if (!m) return null;
  const sent = form.files.flatMap((r, i) => (r.files.length ? [i] : []));
  const row = sent[Number(m[1])];
  return row === undefined ? null : `files.${row}.files`;
}

/**
 * A draft keeps what the person typed, valid or not yet, so the applicant block and the uploaded files (with their
 * names, for the lists) travel inside formData under reserved `__` keys; the submission itself sends clean fields.
 */
export function toDraftContent(form: TSubmitForm): TSaveDraftRequest['content'] {
  const files = Object.fromEntries(form.files.map((r) => [r.componentCode, r.files]));
  return { formData: { ...form.formData, __applicant: form.applicant, __files: files } };
}

/** The form a saved draft resumes: its answers, applicant and files, on the rows of today's components. */
export function fromDraftContent(content: TSaveDraftRequest['content'], blank: TSubmitForm): TSubmitForm {
  const { __applicant, __files, ...formData } = (content.formData ?? {}) as FormValues & {
    __applicant?: TSubmitForm['applicant'];
    __files?: Record<string, TUploadedFile[]>;
  };
  // Drafts saved before the form followed the contract kept blank optional fields as '' (the request wants null).
  const given = Object.fromEntries(
    Object.entries(__applicant ?? {}).map(([k, v]) => [
      k,
      v === '' && k !== 'name' && k !== 'idNumber' ? null : v,
    ]),
  ) as Partial<TSubmitForm['applicant']>;
  return {
    applicant: { ...blank.applicant, ...given, kind: 'citizen' },
    formData,
    files: blank.files.map((r): FileRow => ({
      componentCode: r.componentCode,
      files: __files?.[r.componentCode] ?? [],
    })),
  };
}

/** How many problems a part of the form's errors holds (each leaf error has a `type`). */
export function countErrors(errors: unknown): number {
  if (!errors || typeof errors !== 'object') return 0;
  if (typeof (errors as { type?: unknown }).type === 'string') return 1;
  return Object.entries(errors).reduce((n, [k, v]) => (k === 'ref' ? n : n + countErrors(v)), 0);
}
