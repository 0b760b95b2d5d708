import '../../features/dossiers/dossiers.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import type { TApplicant, TUploadedFile } from '@motcua/contracts';
import { Alert, Button, Card, ErrorBox, Spinner } from '../../components/ui';
import { dossierKeys, type IntakeProcedure } from '../../features/dossiers/api';
import { FileField } from '../../features/dossiers/components/FileField';
import { RequireCitizen } from '../../features/dossiers/components/RequireCitizen';
import { SchemaForm } from '../../features/dossiers/components/SchemaForm';
import {
  normaliseValues,
  validateForm,
  type FieldError,
  type FormSchema,
  type FormValues,
} from '../../features/dossiers/components/schema-form-model';
import { formatDateTime } from '../../lib/dates';
import { newIdempotencyKey } from '../../features/dossiers/format';
import { useProcedure, useSubmitDossier } from '../../features/dossiers/hooks';
import { useDraft } from '../../features/dossiers/useDraft';
import { useMe } from '../../features/session/hooks';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';

/** The applicant block every submission carries, as a small schema so it shares the renderer and its messages. */
const applicantSchema = (t: ReturnType<typeof useI18n>['t']): FormSchema => ({
  required: ['name', 'idNumber'],
  properties: {
    name: { type: 'string', title: t('dossiers.submit.applicantName'), minLength: 2, maxLength: 200 },
    idNumber: { type: 'string', title: t('dossiers.submit.idNumber'), pattern: '^[0-9A-Za-z]{6,20}$' },
    address: { type: 'string', title: t('dossiers.submit.address'), maxLength: 300 },
    phone: { type: 'string', title: t('dossiers.submit.phone'), pattern: '^\\+?[0-9 .-]{8,20}$' },
    email: {
      type: 'string',
      title: t('dossiers.submit.email'),
      format: 'email',
      // Online submissions notify only the account's verified contacts (server: dossier-notify.ts).
      description: t('dossiers.submit.contactNote'),
    },
  },
});

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

type Step = 1 | 2 | 3;

function SubmitWizard({ procedure }: { procedure: IntakeProcedure }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>(1);
  const [applicant, setApplicant] = useState<FormValues>({
    name: me.data?.name ?? '',
    email: me.data?.email ?? '',
    phone: me.data?.phone ?? '',
  });
  const [formData, setFormData] = useState<FormValues>({});
  const [files, setFiles] = useState<Record<string, TUploadedFile[]>>({});
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [applicantErrors, setApplicantErrors] = useState<Record<string, FieldError>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const send = useSubmitDossier();
  const attemptKey = useRef<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [resumedAt, setResumedAt] = useState<string | null>(null);

  const aSchema = useMemo(() => applicantSchema(t), [t]);
  const content = useMemo(
    () => ({
      procedureCode: procedure.code,
      applicant: applicant as unknown as TApplicant,
      formData,
      attachments: Object.entries(files)
        .filter(([, f]) => f.length > 0)
        .map(([componentCode, f]) => ({ componentCode, fileIds: f.map((x) => x.id) })),
      files,
    }),
    [procedure.code, applicant, formData, files],
  );
  const draft = useDraft(procedure.code, draftPayload(content));

  // Resume a draft saved on this or another device, once.
  const resumed = useRef(false);
  useEffect(() => {
    if (resumed.current || !draft.loaded || !draft.draft) return;
    resumed.current = true;
    const { __applicant, __files, ...fields } = (draft.draft.content.formData ?? {}) as FormValues & {
      __applicant?: FormValues;
      __files?: Record<string, TUploadedFile[]>;
    };
    // The draft arrives from the server after the first render; the form then starts from it, once.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (__applicant) setApplicant(__applicant);
    setFormData(fields);
    if (__files) setFiles(__files);
    setResumedAt(draft.draft.updatedAt);
  }, [draft.loaded, draft.draft]);

  useEffect(() => heading.current?.focus(), [step]);
  // Any change after review began is a new attempt; an unchanged retry keeps its key.
  useEffect(() => {
    attemptKey.current = null;
  }, [content]);

  const goFiles = () => {
    const ae = validateForm(aSchema, applicant);
    const fe = procedure.formSchema ? validateForm(procedure.formSchema, formData) : {};
    setApplicantErrors(ae);
    setErrors(fe);
    if (Object.keys(ae).length + Object.keys(fe).length === 0) setStep(2);
  };
  const goReview = () => {
    const m = procedure.components
      .filter((c) => c.required && !(files[c.code]?.length ?? 0))
      .map((c) => c.code);
    setMissing(m);
    if (m.length === 0) setStep(3);
  };
  const submit = () => {
    attemptKey.current ??= newIdempotencyKey();
    const a = normaliseValues(aSchema, applicant);
    send.mutate(
      {
        idempotencyKey: attemptKey.current,
        body: {
          procedureCode: procedure.code,
          applicant: {
            kind: 'citizen',
            name: String(a.name ?? ''),
            idNumber: (a.idNumber as string | undefined) ?? null,
            address: (a.address as string | undefined) ?? null,
            phone: (a.phone as string | undefined) ?? null,
            email: (a.email as string | undefined) ?? null,
          },
          formData: procedure.formSchema ? normaliseValues(procedure.formSchema, formData) : {},
          attachments: content.attachments,
          draftId: draft.draftId(),
        },
      },
      {
        onSuccess: async (dossier) => {
          // The draft it came from is gone and the new dossier heads "Hồ sơ của tôi".
          await queryClient.invalidateQueries({ queryKey: dossierKeys.all });
          navigate(`/ho-so-cua-toi/${dossier.id}?moi=1`);
        },
      },
    );
  };

  const errorCount =
    step === 1
      ? Object.keys(errors).length + Object.keys(applicantErrors).length
      : step === 2
        ? missing.length
        : 0;
  const stepTitle =
    step === 1
      ? t('dossiers.submit.stepForm')
      : step === 2
        ? t('dossiers.submit.stepFiles')
        : t('dossiers.submit.stepReview');
  return (
    <>
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
            goFiles();
          }}
        >
          <Card>
            <h3>{t('dossiers.submit.applicant')}</h3>
            <SchemaForm
              schema={aSchema}
              values={applicant}
              errors={applicantErrors}
              onChange={setApplicant}
              idPrefix="ap"
            />
          </Card>
          <Card>
            <h3>{procedure.formSchema?.title ?? t('dossiers.submit.stepForm')}</h3>
            {procedure.formSchema ? (
              <SchemaForm
                schema={procedure.formSchema}
                values={formData}
                errors={errors}
                onChange={setFormData}
              />
            ) : (
              <p>{t('dossiers.submit.noForm')}</p>
            )}
          </Card>
          <Button type="submit">{t('dossiers.submit.next')}</Button>
        </form>
      ) : null}

      {step === 2 ? (
        <div>
          {procedure.components.map((c) => (
            <Card key={c.code}>
              <FileField
                id={`file-${c.code}`}
                label={c.name}
                required={c.required}
                files={files[c.code] ?? []}
                error={
                  missing.includes(c.code) ? t('dossiers.submit.missingComponent', { name: c.name }) : null
                }
                onChange={(f) => setFiles((all) => ({ ...all, [c.code]: f }))}
              />
            </Card>
          ))}
          <div className="row">
            <Button type="button" variant="secondary" onClick={() => setStep(1)}>
              {t('dossiers.submit.back')}
            </Button>
            <Button type="button" onClick={goReview}>
              {t('dossiers.submit.next')}
            </Button>
          </div>
        </div>
      ) : null}

      {step === 3 ? (
        <div>
          <p>{t('dossiers.submit.reviewLead')}</p>
          <Card>
            <h3>{t('dossiers.submit.applicant')}</h3>
            <Review schema={aSchema} values={applicant} />
          </Card>
          {procedure.formSchema ? (
            <Card>
              <h3>{procedure.formSchema.title ?? t('dossiers.submit.stepForm')}</h3>
              <Review schema={procedure.formSchema} values={formData} />
            </Card>
          ) : null}
          <Card>
            <h3>{t('dossiers.attachments')}</h3>
            <ul>
              {procedure.components.map((c) => (
                <li key={c.code}>
                  {c.name}: {(files[c.code] ?? []).map((f) => f.name).join(', ') || '—'}
                </li>
              ))}
            </ul>
          </Card>
          <ErrorBox error={send.error} />
          <div className="row">
            <Button type="button" variant="secondary" onClick={() => setStep(2)} disabled={send.isPending}>
              {t('dossiers.submit.back')}
            </Button>
            <Button type="button" onClick={submit} disabled={send.isPending}>
              {send.isPending ? t('dossiers.submit.sending') : t('dossiers.submit.send')}
            </Button>
          </div>
        </div>
      ) : null}
    </>
  );
}

function Review({ schema, values }: { schema: FormSchema; values: FormValues }) {
  const { t } = useI18n();
  return (
    <dl className="facts">
      {Object.entries(schema.properties).map(([name, f]) => (
        <div key={name}>
          <dt>{f.title ?? name}</dt>
          <dd>
            {f.type === 'boolean'
              ? values[name] === true
                ? t('dossiers.yes')
                : t('dossiers.no')
              : String(values[name] ?? '') || '—'}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A draft keeps what the person typed, valid or not yet, so the applicant block and the uploaded files (with their
 * names, for the lists) travel inside formData under reserved `__` keys; the submission itself sends clean fields.
 */
function draftPayload(c: {
  applicant: TApplicant;
  formData: FormValues;
  files: Record<string, TUploadedFile[]>;
}) {
  return { formData: { ...c.formData, __applicant: c.applicant, __files: c.files } };
}
