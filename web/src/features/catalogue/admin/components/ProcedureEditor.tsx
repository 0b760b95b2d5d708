import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TProcedureInput } from '@motcua/contracts';
import { Alert, Button } from '../../../../components/ui';
import { useI18n } from '../../../../i18n/i18n';
import { ApiError } from '../../../../lib/api';
import {
  placeServerError,
  toInput,
  type EditorState,
  type FieldErrors,
  type LocalError,
  type Section,
} from '../editor-model';
import { ComponentsSection } from './ComponentsSection';
import { DecisionSection } from './DecisionSection';
import { GeneralSection } from './GeneralSection';
import { ListSections } from './ListSections';
import { PublishPanel } from './PublishPanel';

const FIRST_ERROR = ['[aria-invalid="true"]', 'input', 'textarea', 'select', 'button']
  .map((el, i) => (i === 0 ? el : `fieldset[aria-describedby] ${el}`))
  .join(', ');

export type EditorErrors = { fields: FieldErrors; general: string | null };

/** Turns a failed call into errors placed at the sections they name, in the person's language. */
export function errorsOf(e: unknown, fallback: string): EditorErrors {
  if (e instanceof ApiError) return placeServerError(e.code, e.message, e.details);
  return { fields: {}, general: e instanceof Error ? e.message : fallback };
}

/**
 * The full editor of a procedure. `onSave` creates or saves the draft; for an existing procedure the publish panel
 * sits below the form and publishes what is on screen.
 */
export function ProcedureEditor({
  initial,
  isNew,
  saving,
  onSave,
  onPublish,
}: {
  initial: EditorState;
  isNew: boolean;
  saving: boolean;
  onSave: (input: TProcedureInput) => Promise<unknown>;
  onPublish?: (input: TProcedureInput, effectiveFrom?: string) => Promise<unknown>;
}) {
  const { t } = useI18n();
  const [state, setState] = useState(initial);
  const [errors, setErrors] = useState<EditorErrors>({ fields: {}, general: null });
  const formRef = useRef<HTMLFormElement>(null);
  // After a failed save, keyboard and screen-reader users land on the first field or section with an error.
  useEffect(() => {
    if (!Object.keys(errors.fields).length) return;
    formRef.current?.querySelector<HTMLElement>(FIRST_ERROR)?.focus();
  }, [errors]);
  const set = <K extends keyof EditorState>(key: K, value: EditorState[K]) =>
    setState((s) => ({ ...s, [key]: value }));

  /** Checks what the editor can check itself; returns the input or shows the problems. */
  const prepare = (): TProcedureInput | null => {
    const r = toInput(state);
    if (r.ok) return r.input;
    const fields: FieldErrors = {};
    for (const [k, e] of Object.entries(r.errors) as [Section, LocalError][])
      fields[k] = t(`catalogueAdmin.local.${e}`);
    setErrors({ fields, general: t('catalogueAdmin.fixErrors') });
    return null;
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = prepare();
    if (!input) return;
    setErrors({ fields: {}, general: null });
    try {
      await onSave(input);
    } catch (err) {
      const placed = errorsOf(err, t('app.error'));
      setErrors({ ...placed, general: placed.general ?? t('catalogueAdmin.fixErrors') });
    }
  };
  const props = { state, set, errors: errors.fields };

  return (
    <>
      <form
        ref={formRef}
        onSubmit={(e) => void submit(e)}
        className="ce-form"
        aria-labelledby="ce-form-title"
        noValidate
      >
        <h2 id="ce-form-title">{t(isNew ? 'catalogueAdmin.newTitle' : 'catalogueAdmin.editTitle')}</h2>
        <GeneralSection {...props} isNew={isNew} />
        <ListSections {...props} />
        <ComponentsSection {...props} />
        <DecisionSection {...props} />
        {errors.general && <Alert kind="error">{errors.general}</Alert>}
        <Button type="submit" disabled={saving}>
          {t('catalogueAdmin.saveDraft')}
        </Button>
      </form>
      {!isNew && onPublish && (
        <PublishPanel
          state={state}
          set={set}
          prepare={prepare}
          onError={(err) => setErrors(errorsOf(err, t('app.error')))}
          onPublish={onPublish}
        />
      )}
    </>
  );
}
