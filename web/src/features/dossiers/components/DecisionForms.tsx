import { useFieldArray, useForm } from 'react-hook-form';
import { z } from 'zod';
import {
  SECOND_SUPPLEMENT_REASON,
  ZAcceptDossierRequest,
  ZRefuseDossierRequest,
  ZRequestSupplementRequest,
  ZTransferRequest,
  type TDossierDetail,
  type TSupplementItem,
} from '@motcua/contracts';
import { Button, Card, ErrorBox, Field } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { applyServerErrors, contractResolver } from '../../../lib/form';
import { formatDate } from '../../../lib/dates';
import { useAgencies } from '../../organisation/hooks';
import { useTransfer } from '../../processing/hooks';
import { DOSSIER_CONFLICT } from '../format';
import { useAccept, useRefuse, useRequestSupplement } from '../hooks';

/**
 * Reception's decisions on a submitted dossier (001 Đ10): accept, request a supplement, transfer, refuse. Each form
 * validates with its request's contract schema (less the version, which the page adds), sends the version the clerk
 * saw, and shows the server's answer in its own card: field errors on their fields, a 409 as "someone else was first"
 * with a reload.
 */
type Props = {
  dossier: TDossierDetail;
  /** The decision was recorded: the page says so. */
  onDecided(message: string): void;
  /** Someone else decided first: read the dossier again. */
  onReload(): void;
};

const ZAcceptForm = ZAcceptDossierRequest.pick({ receiptRequested: true });
const ZSupplementForm = ZRequestSupplementRequest.pick({ items: true }).extend({ newDefect: z.boolean() });
const ZRefuseForm = ZRefuseDossierRequest.omit({ expectedVersion: true });
const ZTransferForm = ZTransferRequest.omit({ expectedVersion: true });

export function AcceptForm({ dossier: d, onDecided, onReload }: Props) {
  const { t, locale } = useI18n();
  const accept = useAccept(d.id);
  const form = useForm({
    resolver: contractResolver(ZAcceptForm, locale),
    defaultValues: { receiptRequested: false },
  });
  const submit = form.handleSubmit((v) =>
    accept.mutate(
      { expectedVersion: d.version, ...v },
      {
        onSuccess: (next) =>
          onDecided(
            t('dossiers.decide.accepted', {
              code: next.code ?? '',
              date: formatDate(next.appointmentAt, locale),
            }),
          ),
      },
    ),
  );
  return (
    <Card>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h3>{t('dossiers.decide.accept')}</h3>
        <Field id="accept-receipt" label={t('dossiers.decide.receiptRequested')} check>
          {(c) => <input {...c} type="checkbox" {...form.register('receiptRequested')} />}
        </Field>
        <ErrorBox
          error={accept.error}
          conflict={DOSSIER_CONFLICT}
          onReload={() => {
            accept.reset();
            onReload();
          }}
        />
        <Button type="submit" disabled={accept.isPending}>
          {t('dossiers.decide.accept')}
        </Button>
      </form>
    </Card>
  );
}

const emptyItem = (): TSupplementItem => ({
  componentCode: null,
  component: '',
  problem: 'missing',
  reason: '',
  guidance: '',
});

/** Mẫu 02 asks for everything at once (001 Đ10.1.b): the clerk lists every item before sending one request. */
export function SupplementForm({ dossier: d, onDecided, onReload }: Props) {
  const { t, locale } = useI18n();
  const send = useRequestSupplement(d.id);
  const components = d.attachments.map((a) => ({ code: a.componentCode, name: a.componentName }));
  /** A request was made before: a second one only for a defect new in the supplement (000 Đ6.2.c). */
  const repeat = d.events.some((e) => e.type === 'supplement_requested');
  const form = useForm({
    resolver: contractResolver(ZSupplementForm, locale),
    defaultValues: { items: [emptyItem()], newDefect: false },
  });
  const items = useFieldArray({ control: form.control, name: 'items' });
  const errors = form.formState.errors.items;
  const submit = form.handleSubmit(({ items: list, newDefect }) =>
    send.mutate(
      {
        expectedVersion: d.version,
        items: list,
        ...(newDefect ? { reason: SECOND_SUPPLEMENT_REASON } : {}),
      },
      {
        onSuccess: () => onDecided(t('dossiers.decide.supplementSent')),
        onError: (err) => applyServerErrors(err, form.setError),
      },
    ),
  );
  return (
    <Card>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h3>{t('dossiers.decide.supplement')}</h3>
        <p>{t('dossiers.decide.supplementLead')}</p>
        <datalist id="sup-components">
          {components.map((c) => (
            <option key={c.code} value={c.name} />
          ))}
        </datalist>
        {items.fields.map((item, i) => (
          <fieldset key={item.id} className="sup-item">
            <legend>{t('dossiers.decide.itemN', { n: i + 1 })}</legend>
            <Field
              id={`sup-${i}-component`}
              label={t('dossiers.decide.component')}
              error={errors?.[i]?.component?.message}
            >
              {(c) => (
                <input
                  {...c}
                  list="sup-components"
                  {...form.register(`items.${i}.component`, {
                    onChange: (e: { target: { value: string } }) =>
                      form.setValue(
                        `items.${i}.componentCode`,
                        components.find((x) => x.name === e.target.value)?.code ?? null,
                      ),
                  })}
                />
              )}
            </Field>
            <Field id={`sup-${i}-problem`} label={t('dossiers.decide.problem')}>
              {(c) => (
                <select {...c} {...form.register(`items.${i}.problem`)}>
                  <option value="missing">{t('dossiers.item.missing')}</option>
                  <option value="defective">{t('dossiers.item.defective')}</option>
                </select>
              )}
            </Field>
            <Field
              id={`sup-${i}-reason`}
              label={t('dossiers.item.reason')}
              error={errors?.[i]?.reason?.message}
            >
              {(c) => <textarea {...c} rows={2} {...form.register(`items.${i}.reason`)} />}
            </Field>
            <Field
              id={`sup-${i}-guidance`}
              label={t('dossiers.item.guidance')}
              error={errors?.[i]?.guidance?.message}
            >
              {(c) => <textarea {...c} rows={2} {...form.register(`items.${i}.guidance`)} />}
            </Field>
            {items.fields.length > 1 ? (
              <Button type="button" variant="secondary" onClick={() => items.remove(i)}>
                {t('dossiers.decide.removeItem', { n: i + 1 })}
              </Button>
            ) : null}
          </fieldset>
        ))}
        {repeat ? (
          <Field id="sup-new-defect" label={t('processing.supplement.newDefect')} check>
            {(c) => <input {...c} type="checkbox" {...form.register('newDefect')} />}
          </Field>
        ) : null}
        <ErrorBox
          error={send.error}
          conflict={DOSSIER_CONFLICT}
          onReload={() => {
            send.reset();
            onReload();
          }}
        />
        <div className="row">
          <Button type="button" variant="secondary" onClick={() => items.append(emptyItem())}>
            {t('dossiers.decide.addItem')}
          </Button>
          <Button type="submit" disabled={send.isPending}>
            {t('dossiers.decide.sendSupplement')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

export function RefuseForm({ dossier: d, onDecided, onReload }: Props) {
  const { t, locale } = useI18n();
  const refuse = useRefuse(d.id);
  const form = useForm({
    resolver: contractResolver(ZRefuseForm, locale),
    defaultValues: { reason: '', legalBasis: '', competentAgency: '' },
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(({ reason, legalBasis, competentAgency }) =>
    refuse.mutate(
      {
        expectedVersion: d.version,
        reason,
        ...(legalBasis ? { legalBasis } : {}),
        ...(competentAgency ? { competentAgency } : {}),
      },
      {
        onSuccess: () => onDecided(t('dossiers.decide.refused')),
        onError: (err) => applyServerErrors(err, form.setError),
      },
    ),
  );
  return (
    <Card>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h3>{t('dossiers.decide.refuse')}</h3>
        <Field id="refuse-reason" label={t('dossiers.decide.refuseReason')} error={errors.reason?.message}>
          {(c) => <textarea {...c} rows={3} {...form.register('reason')} />}
        </Field>
        <Field id="refuse-basis" label={t('dossiers.decide.legalBasis')} error={errors.legalBasis?.message}>
          {(c) => <input {...c} {...form.register('legalBasis')} />}
        </Field>
        <Field
          id="refuse-agency"
          label={t('dossiers.decide.competentAgency')}
          error={errors.competentAgency?.message}
        >
          {(c) => <input {...c} {...form.register('competentAgency')} />}
        </Field>
        <ErrorBox
          error={refuse.error}
          conflict={DOSSIER_CONFLICT}
          onReload={() => {
            refuse.reset();
            onReload();
          }}
        />
        <Button type="submit" variant="danger" disabled={refuse.isPending}>
          {t('dossiers.decide.sendRefusal')}
        </Button>
      </form>
    </Card>
  );
}

/** 003 Đ12.3: a dossier for another agency goes to that agency's desk the same day, instead of being refused. */
export function TransferForm({ dossier: d, onDecided, onReload }: Props) {
  const { t, locale } = useI18n();
  const agencies = useAgencies({});
  const transfer = useTransfer(d.id);
  const form = useForm({
    resolver: contractResolver(ZTransferForm, locale),
    defaultValues: { agencyId: '', reason: '' },
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit((v) =>
    transfer.mutate(
      { expectedVersion: d.version, ...v },
      {
        onSuccess: () => onDecided(t('processing.transfer.done')),
        onError: (err) => applyServerErrors(err, form.setError),
      },
    ),
  );
  return (
    <Card>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h3>{t('processing.transfer.title')}</h3>
        <p>{t('processing.transfer.lead')}</p>
        <Field
          id="transfer-agency"
          label={t('processing.transfer.agency')}
          error={errors.agencyId ? t('processing.transfer.pickAgency') : null}
        >
          {(c) => (
            <select {...c} {...form.register('agencyId')}>
              <option value="">—</option>
              {(agencies.data ?? [])
                .filter((a) => a.id !== d.receivingAgency.id)
                .map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field id="transfer-reason" label={t('processing.transfer.reason')} error={errors.reason?.message}>
          {(c) => <textarea {...c} rows={2} {...form.register('reason')} />}
        </Field>
        <ErrorBox
          error={transfer.error}
          conflict={DOSSIER_CONFLICT}
          onReload={() => {
            transfer.reset();
            onReload();
          }}
        />
        <Button type="submit" variant="secondary" disabled={transfer.isPending}>
          {t('processing.transfer.submit')}
        </Button>
      </form>
    </Card>
  );
}
