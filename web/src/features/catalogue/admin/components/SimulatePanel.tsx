import { useMemo } from 'react';
import { Controller, useFieldArray, useForm, useWatch, type Control } from 'react-hook-form';
import { DOSSIER_STATUS_LABELS, SIMULATED_EVENT_TYPES, type TSimulateResponse } from '@motcua/contracts';
import { Alert, Button, Card, ErrorBox, Field, Table } from '../../../../components/ui';
import { DateInput } from '../../../../components/ui/DateInput';
import { useI18n } from '../../../../i18n/i18n';
import { now } from '../../../../lib/clock';
import { formatDateTime } from '../../../../lib/dates';
import { applyServerErrors, contractResolver } from '../../../../lib/form';
import { vnLocalInput } from '../../simulate';
import { useSimulate } from '../hooks';
import {
  hasWorkingDays,
  isConsultation,
  newEventRow,
  simulateFormSchema,
  type TSimulateForm,
  type TSimulateFormOutput,
} from '../simulate-form';
import { InteragencyTimeline } from './InteragencyTimeline';

/**
 * "Thử quy trình": the version shown in the editor (a draft included) run through the live processing rules from a
 * receipt date-time, with supplement / extension / stop / result events; every step's due date against the calendar
 * of the procedure's agency, or the message the live system would refuse the sequence with. One form over the
 * request's contract (`simulateFormSchema`): what the server would refuse is shown at its field.
 */
export function SimulatePanel({ code, versionId }: { code: string; versionId: string }) {
  const { t, locale } = useI18n();
  const resolver = useMemo(() => contractResolver(simulateFormSchema(t), locale), [t, locale]);
  const form = useForm({
    resolver,
    defaultValues: { receivedAt: vnLocalInput(now()), channel: 'online', events: [] },
  });
  const { control, register, formState } = form;
  const errors = formState.errors;
  const rows = useFieldArray({ control, name: 'events' });
  // Each row shows the fields its type carries.
  const types = useWatch({ control, name: 'events' }).map((e) => e.type);
  const simulate = useSimulate(code, versionId);
  const run = form.handleSubmit((request) =>
    simulate.mutate(request, { onError: (err) => applyServerErrors(err, form.setError) }),
  );
  const timeMissing =
    !!errors.receivedAt || (Array.isArray(errors.events) && errors.events.some((e) => e?.at));
  // The list as a whole (the contract's 50 events at most).
  const eventsError = errors.events?.message ?? errors.events?.root?.message;
  return (
    <Card>
      <form onSubmit={(e) => void run(e)} noValidate aria-labelledby="ce-sim-title">
        <h2 id="ce-sim-title">{t('catalogueAdmin.sim.title')}</h2>
        <p className="muted">{t('catalogueAdmin.sim.help')}</p>
        <TimeField
          control={control}
          name="receivedAt"
          id="sim-received"
          label={t('catalogueAdmin.sim.receivedAt')}
        />
        <Field id="sim-channel" label={t('catalogueAdmin.sim.channel')}>
          {(c) => (
            <select {...c} {...register('channel')}>
              <option value="online">{t('catalogueAdmin.sim.channel.online')}</option>
              <option value="paper">{t('catalogueAdmin.sim.channel.paper')}</option>
            </select>
          )}
        </Field>
        <ol className="ce-rows" aria-label={t('catalogueAdmin.sim.events')}>
          {rows.fields.map((row, i) => {
            const type = types[i] ?? row.type;
            const rowErrors = errors.events?.[i];
            return (
              <li key={row.id} className="ce-row">
                <Field
                  id={`sim-type-${i}`}
                  label={t('catalogueAdmin.sim.event')}
                  error={rowErrors?.type?.message}
                >
                  {(c) => (
                    <select {...c} {...register(`events.${i}.type`)}>
                      {SIMULATED_EVENT_TYPES.map((type) => (
                        <option key={type} value={type}>
                          {t(`catalogueAdmin.sim.type.${type}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <TimeField
                  control={control}
                  name={`events.${i}.at`}
                  id={`sim-at-${i}`}
                  label={t('catalogueAdmin.sim.at')}
                />
                {isConsultation(type) && (
                  <Field
                    id={`sim-agency-${i}`}
                    label={t('catalogueAdmin.sim.agency')}
                    error={rowErrors?.agency?.message}
                  >
                    {(c) => <input {...c} {...register(`events.${i}.agency`)} />}
                  </Field>
                )}
                {hasWorkingDays(type) && (
                  <Field
                    id={`sim-days-${i}`}
                    label={t('catalogueAdmin.sim.workingDays')}
                    error={rowErrors?.workingDays?.message}
                  >
                    {(c) => (
                      <input
                        {...c}
                        type="number"
                        min={1}
                        max={60}
                        {...register(`events.${i}.workingDays`, { valueAsNumber: true })}
                      />
                    )}
                  </Field>
                )}
                {type === 'supplement_requested' && (
                  <Field id={`sim-defect-${i}`} label={t('catalogueAdmin.sim.newDefect')} check>
                    {(c) => <input {...c} type="checkbox" {...register(`events.${i}.newDefect`)} />}
                  </Field>
                )}
                <Button type="button" variant="secondary" onClick={() => rows.remove(i)}>
                  {t('catalogueAdmin.sim.remove')}
                </Button>
              </li>
            );
          })}
        </ol>
        <div className="row">
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              const { events, receivedAt } = form.getValues();
              rows.append(newEventRow(events.at(-1)?.at ?? receivedAt));
            }}
          >
            {t('catalogueAdmin.sim.add')}
          </Button>
          <Button type="submit" disabled={simulate.isPending}>
            {t('catalogueAdmin.sim.run')}
          </Button>
        </div>
        {timeMissing && <Alert kind="error">{t('catalogueAdmin.sim.incomplete')}</Alert>}
        {eventsError && <Alert kind="error">{eventsError}</Alert>}
        <ErrorBox error={simulate.error} />
      </form>
      {simulate.data && <SimulationResult result={simulate.data} locale={locale} />}
      {simulate.data?.interagency && simulate.variables && (
        <InteragencyTimeline receivedAt={simulate.variables.receivedAt} plan={simulate.data.interagency} />
      )}
    </Card>
  );
}

/** A date-time typed as dd/mm/yyyy hh:mm, bound to its form field (the form holds 'YYYY-MM-DDTHH:MM' or ''). */
function TimeField({
  control,
  name,
  id,
  label,
}: {
  control: Control<TSimulateForm, unknown, TSimulateFormOutput>;
  name: 'receivedAt' | `events.${number}.at`;
  id: string;
  label: string;
}) {
  const { t } = useI18n();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Field id={id} label={label} error={fieldState.error?.message}>
          {(c) => (
            <DateInput
              {...c}
              ref={field.ref}
              withTime
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              invalidMessage={t('app.dateTimeInvalid')}
            />
          )}
        </Field>
      )}
    />
  );
}

function SimulationResult({ result, locale }: { result: TSimulateResponse; locale: 'vi' | 'en' }) {
  const { t } = useI18n();
  return (
    <div aria-live="polite" data-testid="sim-result">
      <p>
        <strong>
          {result.dueAt
            ? t('catalogueAdmin.sim.due', { date: formatDateTime(result.dueAt) })
            : t('catalogueAdmin.sim.paused')}
        </strong>
      </p>
      <Table
        caption={t('catalogueAdmin.sim.steps')}
        rows={result.steps}
        rowKey={(s) => s.step}
        empty={null}
        columns={[
          { header: t('catalogueAdmin.sim.step'), cell: (s) => s.name[locale], rowHeader: true },
          { header: t('catalogueAdmin.sim.stepDue'), cell: (s) => formatDateTime(s.dueAt) },
        ]}
      />
      {result.events.length > 0 && (
        <Table
          caption={t('catalogueAdmin.sim.effects')}
          rows={result.events}
          rowKey={(_, i) => i}
          empty={null}
          columns={[
            {
              header: t('catalogueAdmin.sim.event'),
              rowHeader: true,
              cell: (e) => (
                <>
                  {t(`catalogueAdmin.sim.type.${e.type}`)}
                  {e.late && ` — ${t('catalogueAdmin.sim.late')}`}
                  {e.early && ` — ${t('catalogueAdmin.sim.early')}`}
                  {e.repeat ? ` — ${t('catalogueAdmin.sim.repeat', { n: e.repeat + 1 })}` : ''}
                  {e.consultationDueAt &&
                    ` — ${t('catalogueAdmin.sim.consultationDue', { agency: e.agency ?? '', due: formatDateTime(e.consultationDueAt) })}`}
                  {e.grade === 'late' && ` — ${t('catalogueAdmin.sim.late')}`}
                </>
              ),
            },
            { header: t('catalogueAdmin.sim.at'), cell: (e) => formatDateTime(e.at) },
            { header: t('catalogueAdmin.sim.status'), cell: (e) => DOSSIER_STATUS_LABELS[e.status][locale] },
            { header: t('catalogueAdmin.sim.dueAfter'), cell: (e) => formatDateTime(e.dueAt) },
          ]}
        />
      )}
    </div>
  );
}
