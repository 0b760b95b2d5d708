import { z } from 'zod';
import { ZProcedureInput } from '@motcua/contracts';
import type { MessageKey } from '../../../i18n/i18n';
import { toInput, type EditorState, type FieldErrors, type Section } from './editor-model';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * The editor's form schema: the working copy (text where a person types) turned into the request by `toInput`, whose
 * own checks (the e-form JSON, numbers, the decision pair) land on their sections, then validated by the request's
 * contract schema `ZProcedureInput`, so the editor refuses exactly what the server would.
 */
export function editorFormSchema(t: Translate) {
  return z
    .custom<EditorState>()
    .transform((state, ctx) => {
      const r = toInput(state);
      if (r.ok) return r.input;
      for (const [section, e] of Object.entries(r.errors))
        ctx.addIssue({ code: 'custom', path: [section], message: t(`catalogueAdmin.local.${e}`) });
      return z.NEVER;
    })
    .pipe(ZProcedureInput);
}

type Leaf = { type: string; message?: string };
const isLeaf = (e: unknown): e is Leaf =>
  !!e && typeof e === 'object' && typeof (e as { type?: unknown }).type === 'string';

/**
 * The form's errors shown at their sections, as the server's are (`legalBasis.0.date: …`): the contract's issues
 * name their path; the editor's own checks and errors the server placed are shown as they are.
 */
export function sectionErrors(errors: Record<string, unknown>): FieldErrors {
  const out: FieldErrors = {};
  const walk = (e: unknown, path: string[], into: string[]) => {
    if (isLeaf(e) && e.message)
      into.push(e.type === 'custom' || e.type === 'server' ? e.message : `${path.join('.')}: ${e.message}`);
    if (!e || typeof e !== 'object') return;
    for (const [k, v] of Object.entries(e))
      if (!['ref', 'message', 'type', 'types'].includes(k)) walk(v, [...path, k], into);
  };
  for (const [section, e] of Object.entries(errors)) {
    const messages: string[] = [];
    walk(e, [section], messages);
    if (messages.length) out[section as Section] = messages.join('; ');
  }
  return out;
}
