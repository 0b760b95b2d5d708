import '../../features/dossiers/dossiers.css';
import { useEffect, useRef, useState } from 'react';
import { useFieldArray, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import type { TUploadedFile } from '@motcua/contracts';
import { COPY_KINDS } from '@motcua/contracts';
import { Button, Card, ErrorBox, Field, Spinner } from '../../components/ui';
import { dossierKeys, dossiersApi } from '../../features/dossiers/api';
import { FileField } from '../../features/dossiers/components/FileField';
import { newIdempotencyKey } from '../../features/dossiers/format';
import { useProcedure, useRegisterDossier } from '../../features/dossiers/hooks';
import {
  blankRegisterForm,
  blankRow,
  emptyToNull,
  registerFieldOf,
  toRegisterRequest,
  ZRegisterForm,
  type TRegisterForm,
} from '../../features/dossiers/register-form';
import { useI18n } from '../../i18n/i18n';
import { applyServerErrors, contractResolver } from '../../lib/form';
import { useTitle } from '../../lib/useTitle';

type ApplicantText = 'name' | 'idNumber' | 'address' | 'phone' | 'email';

/**
 * /office/tiep-nhan/them-moi — "Tiếp nhận → Thêm mới" (001 Đ10.1.b): the applicant, the procedure, each component
 * received (form, copies, original shown, scans with their page count), counter or post; then straight to the decision.
 * One react-hook-form over the request's own contract schema; the server's field errors land on their fields.
 */
export function RegisterDossierPage() {
  const { t, locale } = useI18n();
  useTitle(t('dossiers.register.title'));
  const navigate = useNavigate();
  const form = useForm<TRegisterForm, unknown, ReturnType<typeof ZRegisterForm.parse>>({
    resolver: contractResolver(ZRegisterForm, locale),
    defaultValues: blankRegisterForm(),
  });
  const { register, control, setValue, setError, handleSubmit, formState } = form;
  const rows = useFieldArray({ control, name: 'components' });
  const [kind, channel, components] = useWatch({
    control,
    name: ['applicant.kind', 'channel', 'components'],
  });
  // The procedure is searched by name or code; it is not part of the request until one is found.
  const [procedureQuery, setProcedureQuery] = useState('');
  // Uploaded scans as the list shows them; the request carries their ids (`components.N.fileIds`).
  const [files, setFiles] = useState<Record<string, TUploadedFile[]>>({});
  const save = useRegisterDossier();
  const attemptKey = useRef<string | null>(null);

  const options = useQuery({
    queryKey: dossierKeys.procedureSearch(procedureQuery),
    queryFn: () => dossiersApi.searchProcedures(procedureQuery),
    enabled: procedureQuery.trim().length >= 2,
  });
  // The procedure is the option picked from the list, or a code typed in full.
  const exact = options.data?.find(
    (o) => o.code === procedureQuery || `${o.code} — ${o.name}` === procedureQuery,
  );
  const procedureCode =
    exact?.code ?? (/^[0-9A-Za-z.-]{3,}$/.test(procedureQuery.trim()) ? procedureQuery.trim() : '');
  const procedure = useProcedure(procedureCode);

  // A procedure found (or lost) sets the request's code and one row per component it asks for.
  const { replace } = rows;
  useEffect(() => {
    setValue('procedureCode', procedure.data?.code ?? '');
    replace((procedure.data?.components ?? []).map((c) => blankRow(c.code)));
  }, [procedure.data, setValue, replace]);
  // A changed form is a new attempt; an unchanged retry keeps its key.
  const { subscribe } = form;
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: () => {
          attemptKey.current = null;
        },
      }),
    [subscribe],
  );

  const send = (values: ReturnType<typeof ZRegisterForm.parse>) => {
    attemptKey.current ??= newIdempotencyKey();
    const snapshot = form.getValues();
    save.mutate(
      { body: toRegisterRequest(values), idempotencyKey: attemptKey.current },
      {
        onSuccess: (d) => navigate(`/office/ho-so/${d.id}`),
        onError: (err) => applyServerErrors(err, setError, (path) => registerFieldOf(snapshot, path)),
      },
    );
  };

  const errors = formState.errors;
  const text = (name: ApplicantText, label: string, type = 'text') => (
    <Field
      id={`reg-${name}`}
      label={label}
      required={name === 'name'}
      error={errors.applicant?.[name]?.message}
    >
      {(c) => (
        <input
          {...c}
          type={type}
          {...register(`applicant.${name}`, { setValueAs: name === 'name' ? undefined : emptyToNull })}
        />
      )}
    </Field>
  );
  return (
    <form onSubmit={(e) => void handleSubmit(send)(e)} noValidate>
      <h1>{t('dossiers.register.title')}</h1>
      <Card>
        <fieldset>
          <legend>{t('dossiers.register.applicantKind')}</legend>
          {(['citizen', 'organisation'] as const).map((k) => (
            <label key={k} className="inline">
              <input type="radio" value={k} {...register('applicant.kind')} /> {t(`dossiers.register.${k}`)}
            </label>
          ))}
        </fieldset>
        {text('name', t('dossiers.submit.applicantName'))}
        {text(
          'idNumber',
          kind === 'citizen' ? t('dossiers.submit.idNumber') : t('dossiers.register.orgIdNumber'),
        )}
        {text('address', t('dossiers.submit.address'))}
        {text('phone', t('dossiers.submit.phone'), 'tel')}
        {text('email', t('dossiers.submit.email'), 'email')}
      </Card>
      <Card>
        <Field
          id="reg-procedure"
          label={t('dossiers.field.procedure')}
          hint={t('dossiers.register.procedureHint')}
          error={errors.procedureCode ? t('dossiers.register.pickProcedure') : null}
        >
          {(c) => (
            <input
              {...c}
              list="reg-procedure-options"
              value={procedureQuery}
              onChange={(e) => setProcedureQuery(e.target.value)}
            />
          )}
        </Field>
        <datalist id="reg-procedure-options">
          {(options.data ?? []).map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))}
        </datalist>
        {procedure.isFetching ? <Spinner label={t('app.loading')} /> : null}
        {procedure.data ? <p className="lead">{procedure.data.name}</p> : null}
      </Card>
      {procedure.data ? (
        <Card>
          <h2>{t('dossiers.register.components')}</h2>
          {rows.fields.map((row, i) => {
            const c = procedure.data.components.find((x) => x.code === row.componentCode);
            if (!c) return null;
            const id = `rc-${c.code}`;
            const rowErrors = errors.components?.[i] as
              FieldErrors<TRegisterForm['components'][number]> | undefined;
            return (
              <fieldset key={row.id} className="component-row">
                <legend>{c.name}</legend>
                <Field id={`${id}-tick`} label={t('dossiers.register.received', { name: c.name })} check>
                  {(p) => <input {...p} type="checkbox" {...register(`components.${i}.ticked`)} />}
                </Field>
                {components[i]?.ticked ? (
                  <>
                    <Field
                      id={`${id}-kind`}
                      label={t('dossiers.register.copyKind')}
                      error={rowErrors?.copyKind?.message}
                    >
                      {(p) => (
                        <select {...p} {...register(`components.${i}.copyKind`)}>
                          {COPY_KINDS.map((k) => (
                            <option key={k} value={k}>
                              {t(`dossiers.copyKind.${k}`)}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                    <Field
                      id={`${id}-copies`}
                      label={t('dossiers.register.copies')}
                      error={rowErrors?.copies?.message}
                    >
                      {(p) => (
                        <input
                          {...p}
                          type="number"
                          min={1}
                          {...register(`components.${i}.copies`, { valueAsNumber: true })}
                        />
                      )}
                    </Field>
                    <Field id={`${id}-shown`} label={t('dossiers.register.originalShown')} check>
                      {(p) => <input {...p} type="checkbox" {...register(`components.${i}.originalShown`)} />}
                    </Field>
                    <Field
                      id={`${id}-pages`}
                      label={t('dossiers.register.pageCount')}
                      error={rowErrors?.pageCount?.message}
                    >
                      {(p) => (
                        <input
                          {...p}
                          type="number"
                          min={0}
                          {...register(`components.${i}.pageCount`, { valueAsNumber: true })}
                        />
                      )}
                    </Field>
                    <FileField
                      id={`${id}-files`}
                      label={c.name}
                      files={files[c.code] ?? []}
                      error={rowErrors?.fileIds?.message ?? null}
                      onChange={(list) => {
                        setFiles((all) => ({ ...all, [c.code]: list }));
                        setValue(
                          `components.${i}.fileIds`,
                          list.map((f) => f.id),
                        );
                        setValue(
                          `components.${i}.pageCount`,
                          list.reduce((n, f) => n + f.pages, 0),
                        );
                      }}
                    />
                  </>
                ) : null}
              </fieldset>
            );
          })}
        </Card>
      ) : null}
      <Card>
        <fieldset>
          <legend>{t('dossiers.register.channel')}</legend>
          {(['counter', 'post'] as const).map((c) => (
            <label key={c} className="inline">
              <input type="radio" value={c} {...register('channel')} /> {t(`dossiers.channel.${c}`)}
            </label>
          ))}
        </fieldset>
        {channel === 'post' ? (
          <Field
            id="reg-tracking"
            label={t('dossiers.register.postalTrackingNo')}
            error={errors.postalTrackingNo?.message}
          >
            {(c) => <input {...c} {...register('postalTrackingNo', { setValueAs: emptyToNull })} />}
          </Field>
        ) : null}
        <Field id="reg-sets" label={t('dossiers.register.sets')} error={errors.sets?.message}>
          {(c) => (
            <input {...c} type="number" min={1} max={20} {...register('sets', { valueAsNumber: true })} />
          )}
        </Field>
      </Card>
      <ErrorBox error={save.error} />
      <Button type="submit" disabled={save.isPending}>
        {t('dossiers.register.save')}
      </Button>
    </form>
  );
}
