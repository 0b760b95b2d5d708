import '../../features/dossiers/dossiers.css';
import '../../features/processing/processing.css';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { SECOND_SUPPLEMENT_REASON, type TDossierDetail, type TSupplementItem } from '@motcua/contracts';
import { Alert, Button, Card, ErrorBox, Spinner, StatusBadge } from '../../components/ui';
import { OfficePaymentCard } from '../../features/payments/components/OfficePaymentCard';
import { dossierKeys, dossiersApi } from '../../features/dossiers/api';
import { DocumentLinks } from '../../features/dossiers/components/DocumentLinks';
import { Timeline } from '../../features/dossiers/components/Timeline';
import { formatDate, formatDateTime } from '../../lib/dates';
import { useDossier } from '../../features/dossiers/hooks';
import { processingApi } from '../../features/processing/api';
import { Attachments } from '../../features/processing/components/Attachments';
import { useAgencies } from '../../features/organisation/hooks';
import { FormAnswers } from '../../features/processing/components/FormAnswers';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';
import { DOSSIER_CONFLICT } from '../../features/dossiers/format';

/**
 * /office/ho-so/:id — a dossier as reception sees it, and the only three decisions (001 Đ10): accept, request a
 * supplement, refuse. Each carries the version the clerk saw; if someone else decided first the server answers 409
 * and the clerk is told so, with a reload.
 */
export function ReceptionDossierPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const dossier = useDossier(id);
  const ref = dossier.data && (dossier.data.code ?? dossier.data.submissionRef);
  useTitle(ref ? t('dossiers.detail.title', { ref }) : t('dossiers.queue.title'));
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  if (dossier.isPending) return <Spinner label={t('app.loading')} />;
  if (dossier.isError) return <ErrorBox error={dossier.error} />;
  const d = dossier.data;
  const reload = () => {
    setError(null);
    void dossier.refetch();
  };
  const decided = (next: TDossierDetail, message: string) => {
    queryClient.setQueryData(dossierKeys.detail(id), next);
    void queryClient.invalidateQueries({ queryKey: ['dossiers', 'queue'] });
    setOutcome(message);
  };
  const run = async (fn: () => Promise<void>) => {
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(err);
    }
  };
  const receipt = d.documents.find((doc) => doc.kind === 'receipt');
  return (
    <>
      <h1>{t('dossiers.detail.title', { ref: d.code ?? d.submissionRef })}</h1>
      <Card>
        <dl className="facts">
          <dt>{t('dossiers.field.status')}</dt>
          <dd>
            <StatusBadge status={d.status} />
            {d.receptionOverdue ? (
              <strong className="badge badge-overdue"> {t('dossiers.overdue')}</strong>
            ) : null}
          </dd>
          <dt>{t('dossiers.field.procedure')}</dt>
          <dd>{d.procedure.name}</dd>
          <dt>{t('dossiers.field.applicant')}</dt>
          <dd>
            {d.applicant.name} — {d.applicant.idNumber ?? '—'}
            {d.applicant.address ? `, ${d.applicant.address}` : ''}
          </dd>
          <dt>{t('dossiers.field.channel')}</dt>
          <dd>
            {t(`dossiers.channel.${d.channel}`)}
            {d.postalTrackingNo ? ` (${d.postalTrackingNo})` : ''}
          </dd>
          <dt>{t('dossiers.field.submittedAt')}</dt>
          <dd>{formatDateTime(d.submittedAt, locale)}</dd>
          <dt>{t('dossiers.field.receptionDueAt')}</dt>
          <dd>{formatDateTime(d.receptionDueAt, locale)}</dd>
          <dt>{t('dossiers.field.code')}</dt>
          <dd>{d.code ?? t('dossiers.none')}</dd>
          <dt>{t('dossiers.field.appointmentAt')}</dt>
          <dd>{formatDate(d.appointmentAt, locale)}</dd>
        </dl>
      </Card>
      {d.processing?.currentStep ? (
        <p>
          <Link className="btn btn-secondary" to={`/office/xu-ly/${d.id}`}>
            {t('processing.openWorkspace')}
          </Link>
        </p>
      ) : null}
      <OfficePaymentCard dossierId={d.id} />
      <Card>
        <h2>{t('processing.form.title')}</h2>
        <FormAnswers
          procedureCode={d.procedure.code}
          versionId={d.procedure.versionId}
          formData={d.formData}
        />
      </Card>
      <Card>
        <h2>{t('dossiers.attachments')}</h2>
        <Attachments dossierId={d.id} attachments={d.attachments} />
      </Card>

      {outcome ? <Alert kind="success">{outcome}</Alert> : null}
      {receipt ? (
        <p>
          <a className="btn btn-primary" href={receipt.url} target="_blank" rel="noreferrer">
            {t('dossiers.decide.printReceipt')}
          </a>
        </p>
      ) : null}
      <ErrorBox error={error} conflict={DOSSIER_CONFLICT} onReload={reload} />

      {d.status === 'submitted' ? (
        <section aria-labelledby="decide-title">
          <h2 id="decide-title">{t('dossiers.decide.title')}</h2>
          <AcceptForm
            onAccept={(receiptRequested) =>
              run(async () => {
                const next = await dossiersApi.accept(d.id, { expectedVersion: d.version, receiptRequested });
                decided(
                  next,
                  t('dossiers.decide.accepted', {
                    code: next.code ?? '',
                    date: formatDate(next.appointmentAt, locale),
                  }),
                );
              })
            }
          />
          <SupplementForm
            components={d.attachments.map((a) => ({ code: a.componentCode, name: a.componentName }))}
            repeat={d.events.some((e) => e.type === 'supplement_requested')}
            onSend={(items, newDefect) =>
              run(async () => {
                decided(
                  await dossiersApi.requestSupplement(d.id, {
                    expectedVersion: d.version,
                    items,
                    ...(newDefect ? { reason: SECOND_SUPPLEMENT_REASON } : {}),
                  }),
                  t('dossiers.decide.supplementSent'),
                );
              })
            }
          />
          <TransferForm
            currentAgencyId={d.receivingAgency.id}
            onSend={(body) =>
              run(async () => {
                decided(
                  await processingApi.transfer(d.id, { expectedVersion: d.version, ...body }),
                  t('processing.transfer.done'),
                );
              })
            }
          />
          <RefuseForm
            onSend={(body) =>
              run(async () => {
                decided(
                  await dossiersApi.refuse(d.id, { expectedVersion: d.version, ...body }),
                  t('dossiers.decide.refused'),
                );
              })
            }
          />
        </section>
      ) : (
        <Alert kind="info">{t('dossiers.decide.noDecision')}</Alert>
      )}
      <Card>
        <h2>{t('dossiers.documents')}</h2>
        <DocumentLinks documents={d.documents} />
      </Card>
      <Card>
        <h2>{t('dossiers.timeline')}</h2>
        <Timeline events={d.events} />
      </Card>
    </>
  );
}

function AcceptForm({ onAccept }: { onAccept(receiptRequested: boolean): Promise<void> }) {
  const { t } = useI18n();
  const [receiptRequested, setReceiptRequested] = useState(false);
  return (
    <Card>
      <h3>{t('dossiers.decide.accept')}</h3>
      <div className="field-check">
        <input
          id="accept-receipt"
          type="checkbox"
          checked={receiptRequested}
          onChange={(e) => setReceiptRequested(e.target.checked)}
        />
        <label htmlFor="accept-receipt">{t('dossiers.decide.receiptRequested')}</label>
      </div>
      <Button type="button" onClick={() => void onAccept(receiptRequested)}>
        {t('dossiers.decide.accept')}
      </Button>
    </Card>
  );
}

type Item = TSupplementItem;
const emptyItem = (): Item => ({
  componentCode: null,
  component: '',
  problem: 'missing',
  reason: '',
  guidance: '',
});

/** Mẫu 02 asks for everything at once (001 Đ10.1.b): the clerk lists every item before sending one request. */
function SupplementForm({
  components,
  repeat,
  onSend,
}: {
  components: { code: string; name: string }[];
  /** A request was made before: a second one only for a defect new in the supplement (000 Đ6.2.c). */
  repeat: boolean;
  onSend(items: Item[], newDefect: boolean): Promise<void>;
}) {
  const { t } = useI18n();
  const [items, setItems] = useState<Item[]>([emptyItem()]);
  const [newDefect, setNewDefect] = useState(false);
  const update = (i: number, patch: Partial<Item>) =>
    setItems((all) => all.map((it, j) => (j === i ? { ...it, ...patch } : it)));
  return (
    <Card>
      <h3>{t('dossiers.decide.supplement')}</h3>
      <p>{t('dossiers.decide.supplementLead')}</p>
      <datalist id="sup-components">
        {components.map((c) => (
          <option key={c.code} value={c.name} />
        ))}
      </datalist>
      {items.map((it, i) => (
        <fieldset key={i} className="sup-item">
          <legend>{t('dossiers.decide.itemN', { n: i + 1 })}</legend>
          <label htmlFor={`sup-${i}-component`}>{t('dossiers.decide.component')}</label>
          <input
            id={`sup-${i}-component`}
            list="sup-components"
            value={it.component}
            onChange={(e) =>
              update(i, {
                component: e.target.value,
                componentCode: components.find((c) => c.name === e.target.value)?.code ?? null,
              })
            }
          />
          <label htmlFor={`sup-${i}-problem`}>{t('dossiers.decide.problem')}</label>
          <select
            id={`sup-${i}-problem`}
            value={it.problem}
            onChange={(e) => update(i, { problem: e.target.value === 'defective' ? 'defective' : 'missing' })}
          >
            <option value="missing">{t('dossiers.item.missing')}</option>
            <option value="defective">{t('dossiers.item.defective')}</option>
          </select>
          <label htmlFor={`sup-${i}-reason`}>{t('dossiers.item.reason')}</label>
          <textarea
            id={`sup-${i}-reason`}
            rows={2}
            value={it.reason}
            onChange={(e) => update(i, { reason: e.target.value })}
          />
          <label htmlFor={`sup-${i}-guidance`}>{t('dossiers.item.guidance')}</label>
          <textarea
            id={`sup-${i}-guidance`}
            rows={2}
            value={it.guidance}
            onChange={(e) => update(i, { guidance: e.target.value })}
          />
          {items.length > 1 ? (
            <Button
              type="button"
              variant="secondary"
              onClick={() => setItems((all) => all.filter((_, j) => j !== i))}
            >
              {t('dossiers.decide.removeItem', { n: i + 1 })}
            </Button>
          ) : null}
        </fieldset>
      ))}
      {repeat ? (
        <div className="field-check">
          <input
            id="sup-new-defect"
            type="checkbox"
            checked={newDefect}
            onChange={(e) => setNewDefect(e.target.checked)}
          />
          <label htmlFor="sup-new-defect">{t('processing.supplement.newDefect')}</label>
        </div>
      ) : null}
      <div className="row">
        <Button type="button" variant="secondary" onClick={() => setItems((all) => [...all, emptyItem()])}>
          {t('dossiers.decide.addItem')}
        </Button>
        <Button type="button" onClick={() => void onSend(items, newDefect)}>
          {t('dossiers.decide.sendSupplement')}
        </Button>
      </div>
    </Card>
  );
}

function RefuseForm({
  onSend,
}: {
  onSend(body: { reason: string; legalBasis?: string; competentAgency?: string }): Promise<void>;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [competentAgency, setCompetentAgency] = useState('');
  return (
    <Card>
      <h3>{t('dossiers.decide.refuse')}</h3>
      <label htmlFor="refuse-reason">{t('dossiers.decide.refuseReason')}</label>
      <textarea id="refuse-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      <label htmlFor="refuse-basis">{t('dossiers.decide.legalBasis')}</label>
      <input id="refuse-basis" value={legalBasis} onChange={(e) => setLegalBasis(e.target.value)} />
      <label htmlFor="refuse-agency">{t('dossiers.decide.competentAgency')}</label>
      <input
        id="refuse-agency"
        value={competentAgency}
        onChange={(e) => setCompetentAgency(e.target.value)}
      />
      <Button
        type="button"
        variant="danger"
        onClick={() =>
          void onSend({
            reason,
            ...(legalBasis ? { legalBasis } : {}),
            ...(competentAgency ? { competentAgency } : {}),
          })
        }
      >
        {t('dossiers.decide.sendRefusal')}
      </Button>
    </Card>
  );
}

/** 003 Đ12.3: a dossier for another agency goes to that agency's desk the same day, instead of being refused. */
function TransferForm({
  currentAgencyId,
  onSend,
}: {
  currentAgencyId: string;
  onSend(body: { agencyId: string; reason: string }): Promise<void>;
}) {
  const { t } = useI18n();
  const agencies = useAgencies({});
  const [form, setForm] = useState({ agencyId: '', reason: '' });
  return (
    <Card>
      <h3>{t('processing.transfer.title')}</h3>
      <p>{t('processing.transfer.lead')}</p>
      <label htmlFor="transfer-agency">{t('processing.transfer.agency')}</label>
      <select
        id="transfer-agency"
        value={form.agencyId}
        onChange={(e) => setForm({ ...form, agencyId: e.target.value })}
      >
        <option value="">—</option>
        {(agencies.data ?? [])
          .filter((a) => a.id !== currentAgencyId)
          .map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
      </select>
      <label htmlFor="transfer-reason">{t('processing.transfer.reason')}</label>
      <textarea
        id="transfer-reason"
        rows={2}
        value={form.reason}
        onChange={(e) => setForm({ ...form, reason: e.target.value })}
      />
      <Button type="button" variant="secondary" onClick={() => void onSend(form)}>
        {t('processing.transfer.submit')}
      </Button>
    </Card>
  );
}
