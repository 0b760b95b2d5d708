import '../../features/dossiers/dossiers.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, ErrorBox, Spinner } from '../../components/ui';
import { dossierKeys, type IntakeProcedure } from '../../features/dossiers/api';
import { RequireCitizen } from '../../features/dossiers/components/RequireCitizen';
import { FilesStep, FormStep, ReviewStep } from '../../features/dossiers/components/SubmitParts';
import { newIdempotencyKey } from '../../features/dossiers/format';
import { useProcedure, useSubmitDossier } from '../../features/dossiers/hooks';
import {
  blankSubmitForm,
  countErrors,
  fromDraftContent,
  STEP_FIELDS,
  stepOf,
  submitFieldOf,
  submitFormSchema,
  toDraftContent,
  toSubmitRequest,
  type Step,
  type TSubmitForm,
  type TSubmitFormOutput,
} from '../../features/dossiers/submit-form';
import { useDraft } from '../../features/dossiers/useDraft';
import { useMe } from '../../features/session/hooks';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/dates';
import { applyServerErrors, contractResolver } from '../../lib/form';
import { useTitle } from '../../lib/useTitle';

/** /thu-tuc/:code/nop-ho-so */
export function SubmitDossierPage() {
  const { code = '' } = useParams();
  return (
    <RequireCitizen>
      <SubmitLoader code={code} />
    </RequireCitizen>
  );
}

function SubmitLoader({ code }: { code: string }) {
  const { t } = useI18n();
  const procedure = useProcedure(code);
  useTitle(
    procedure.data ? `${t('dossiers.submit.title')}: ${procedure.data.name}` : t('dossiers.submit.title'),
  );
  if (procedure.isPending) return <Spinner label={t('app.loading')} />;
  if (procedure.isError) return <ErrorBox error={procedure.error} />;
  return <SubmitWizard procedure={procedure.data} />;
}

/** The first step holding an error: where the wizard goes back to when the server or a last check refuses. */
const firstStepOf = (errors: FieldErrors<TSubmitForm>): Step =>
  errors.applicant || errors.formData ? 1 : errors.files ? 2 : 3;

/**
 * Three steps over one react-hook-form form validated by the request's contract schema (`submitFormSchema`): each
 * "Tiếp tục" checks its step's fields; the server's field errors land on their fields, back on their step. What is
 * typed is saved as a server-side draft a moment after each change and resumed on any device.
 */
function SubmitWizard({ procedure }: { procedure: IntakeProcedure }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>(1);
  const blank = useMemo(
    () => blankSubmitForm(me.data ?? undefined, procedure.components),
    [me.data, procedure],
  );
  const resolver = useMemo(
    () => contractResolver(submitFormSchema(procedure, t), locale),
    [procedure, t, locale],
  );
  const form = useForm<TSubmitForm, unknown, TSubmitFormOutput>({
    resolver,
    defaultValues: blank,
  });
  const { control, trigger, reset, setError, handleSubmit, formState } = form;
  const send = useSubmitDossier();
  const attemptKey = useRef<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [resumedAt, setResumedAt] = useState<string | null>(null);

  const values = useWatch({ control }) as TSubmitForm;
  const content = useMemo(() => toDraftContent(values), [values]);
  const draft = useDraft(procedure.code, content);

  // Resume a draft saved on this or another device, once.
  const resumed = useRef(false);
  useEffect(() => {
    if (resumed.current || !draft.loaded || !draft.draft) return;
    resumed.current = true;
    reset(fromDraftContent(draft.draft.content, blank));
    // The draft arrives from the server after the first render; the form then starts from it, once.
    setResumedAt(draft.draft.updatedAt);
  }, [draft.loaded, draft.draft, reset, blank]);

  useEffect(() => heading.current?.focus(), [step]);
  // Any change after review began is a new attempt; an unchanged retry keeps its key.
  const serialised = JSON.stringify(values);
  useEffect(() => {
    attemptKey.current = null;
  }, [serialised]);

  const next = async (from: 1 | 2) => {
    if (await trigger([...STEP_FIELDS[from]])) setStep((from + 1) as Step);
  };
  const submit = (checked: TSubmitFormOutput) => {
    attemptKey.current ??= newIdempotencyKey();
    const snapshot = form.getValues();
    send.mutate(
      { idempotencyKey: attemptKey.current, body: toSubmitRequest(checked, procedure.code, draft.draftId()) },
      {
        onSuccess: async (dossier) => {
          // The draft it came from is gone and the new dossier heads "Hồ sơ của tôi".
          await queryClient.invalidateQueries({ queryKey: dossierKeys.all });
          navigate(`/ho-so-cua-toi/${dossier.id}?moi=1`);
        },
        onError: (err) => {
          let back: Step = 3;
          const placed = applyServerErrors(err, setError, (path) => {
            const field = submitFieldOf(err, snapshot, path);
            if (field) back = Math.min(back, stepOf(field)) as Step;
            return field;
          });
          if (placed) setStep(back);
        },
      },
    );
  };

  const errors = formState.errors;
  const errorCount =
    step === 1
      ? countErrors(errors.applicant) + countErrors(errors.formData)
      : step === 2
        ? countErrors(errors.files)
        : 0;
  const stepTitle =
    step === 1
      ? t('dossiers.submit.stepForm')
      : step === 2
        ? t('dossiers.submit.stepFiles')
        : t('dossiers.submit.stepReview');
  return (
    <FormProvider {...form}>
      <h1>{t('dossiers.submit.title')}</h1>
      <p className="lead">{procedure.name}</p>
      <p className="draft-state" role="status">
        {draft.state === 'saving'
          ? t('dossiers.submit.draftSaving')
          : draft.state === 'saved' && draft.draft
            ? t('dossiers.submit.draftSaved', { time: formatDateTime(draft.draft.updatedAt, locale) })
            : resumedAt
              ? t('dossiers.submit.draftResumed', { time: formatDateTime(resumedAt, locale) })
              : ''}
      </p>
      {draft.state === 'conflict' ? <Alert kind="warning">{t('dossiers.submit.draftConflict')}</Alert> : null}
      <h2 ref={heading} tabIndex={-1}>
        {stepTitle} <small>({t('dossiers.submit.progress', { n: step })})</small>
      </h2>
      {errorCount > 0 ? (
        <Alert kind="error">{t('dossiers.submit.fixErrors', { n: errorCount })}</Alert>
      ) : null}

      {step === 1 ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void next(1);
          }}
        >
          <FormStep procedure={procedure} />
          <Button type="submit">{t('dossiers.submit.next')}</Button>
        </form>
      ) : null}

      {step === 2 ? (
        <div>
          <FilesStep procedure={procedure} />
          <div className="row">
            <Button type="button" variant="secondary" onClick={() => setStep(1)}>
              {t('dossiers.submit.back')}
            </Button>
            <Button type="button" onClick={() => void next(2)}>
              {t('dossiers.submit.next')}
            </Button>
          </div>
        </div>
      ) : null}

      {step === 3 ? (
        <div>
          <ReviewStep procedure={procedure} />
          <ErrorBox error={send.error} />
          <div className="row">
            <Button type="button" variant="secondary" onClick={() => setStep(2)} disabled={send.isPending}>
              {t('dossiers.submit.back')}
            </Button>
            <Button
              type="button"
              onClick={() => void handleSubmit(submit, (e) => setStep(firstStepOf(e)))()}
              disabled={send.isPending}
            >
              {send.isPending ? t('dossiers.submit.sending') : t('dossiers.submit.send')}
            </Button>
          </div>
        </div>
      ) : null}
    </FormProvider>
  );
}
