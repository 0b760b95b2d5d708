import { useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, type Path } from 'react-hook-form';
import type { TProcedureInput } from '@motcua/contracts';
import { Alert, Button } from '../../../../components/ui';
import { useI18n } from '../../../../i18n/i18n';
import { ApiError } from '../../../../lib/api';
import { contractResolver } from '../../../../lib/form';
import { editorFormSchema, sectionErrors } from '../editor-form';
import { placeServerError, type EditorState, type FieldErrors } from '../editor-model';
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
 * The full editor of a procedure: one react-hook-form form over the working copy, validated by the request's
 * contract schema (`editorFormSchema`). `onSave` creates or saves the draft; for an existing procedure the publish
 * panel sits below the form and publishes what is on screen.
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
  const { t, locale } = useI18n();
  const resolver = useMemo(() => contractResolver(editorFormSchema(t), locale), [t, locale]);
  const form = useForm<EditorState, unknown, TProcedureInput>({
    resolver,
    defaultValues: initial,
    // The editor moves focus itself: sections (lists, checkbox groups) have no single input to focus.
    shouldFocusError: false,
  });
  const { handleSubmit, setError, formState } = form;
  const [general, setGeneral] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // After a refused save, keyboard and screen-reader users land on the first field or section with an error, once
  // the errors are on screen (the form publishes them after the refusal is known).
  const focusPending = useRef(false);
  const errors = sectionErrors(formState.errors);
  const hasErrors = Object.keys(errors).length > 0;
  useEffect(() => {
    if (!focusPending.current || !hasErrors) return;
    focusPending.current = false;
    formRef.current?.querySelector<HTMLElement>(FIRST_ERROR)?.focus();
  });

  const refuse = (message: string | null) => {
    setGeneral(message ?? t('catalogueAdmin.fixErrors'));
    focusPending.current = true;
  };
  /** Places a failed call's errors at their sections (`processingTime` is a section, not a field). */
  const placeError = (err: unknown) => {
    const placed = errorsOf(err, t('app.error'));
    for (const [section, message] of Object.entries(placed.fields))
      setError(section as Path<EditorState>, { type: 'server', message });
    return placed;
  };
  /**
   * Validates what is on screen, then runs `then` with the request. A refusal shows at its sections; the promise
   * says whether it went through, and the failed call's message for the panel that made it.
   */
  const withInput = (then: (input: TProcedureInput) => Promise<unknown>) => () =>
    new Promise<{ ok: boolean; failed?: string }>((resolve) => {
      void handleSubmit(
        async (input) => {
          setGeneral(null);
          try {
            await then(input);
            resolve({ ok: true });
          } catch (err) {
            refuse(placeError(err).general);
            resolve({ ok: false, failed: err instanceof Error ? err.message : t('app.error') });
          }
        },
        () => {
          refuse(null);
          resolve({ ok: false });
        },
      )();
    });
  return (
    <FormProvider {...form}>
      <form
        ref={formRef}
        onSubmit={(e) => {
          e.preventDefault();
          void withInput(onSave)();
        }}
        className="ce-form"
        aria-labelledby="ce-form-title"
        noValidate
      >
        <h2 id="ce-form-title">{t(isNew ? 'catalogueAdmin.newTitle' : 'catalogueAdmin.editTitle')}</h2>
        <GeneralSection errors={errors} isNew={isNew} />
        <ListSections errors={errors} />
        <ComponentsSection errors={errors} />
        <DecisionSection errors={errors} />
        {general && <Alert kind="error">{general}</Alert>}
        <Button type="submit" disabled={saving}>
          {t('catalogueAdmin.saveDraft')}
        </Button>
      </form>
      {!isNew && onPublish && (
        <PublishPanel publish={(effectiveFrom) => withInput((input) => onPublish(input, effectiveFrom))()} />
      )}
    </FormProvider>
  );
}
