import '../../features/dossiers/dossiers.css';
import '../../features/processing/processing.css';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Card, ErrorBox, Spinner, StatusBadge } from '../../components/ui';
import { OfficePaymentCard } from '../../features/payments/components/OfficePaymentCard';
import {
  AcceptForm,
  RefuseForm,
  SupplementForm,
  TransferForm,
} from '../../features/dossiers/components/DecisionForms';
import { DocumentLinks } from '../../features/dossiers/components/DocumentLinks';
import { Timeline } from '../../features/dossiers/components/Timeline';
import { formatDate, formatDateTime } from '../../lib/dates';
import { useDossier } from '../../features/dossiers/hooks';
import { Attachments } from '../../features/processing/components/Attachments';
import { FormAnswers } from '../../features/processing/components/FormAnswers';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';

/**
 * /office/ho-so/:id — a dossier as reception sees it, and the only three decisions (001 Đ10): accept, request a
 * supplement, refuse (or a transfer to the competent agency's desk). Each carries the version the clerk saw; if someone else decided first the server answers 409
 * and the clerk is told so, with a reload.
 */
export function ReceptionDossierPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const dossier = useDossier(id);
  const ref = dossier.data && (dossier.data.code ?? dossier.data.submissionRef);
  useTitle(ref ? t('dossiers.detail.title', { ref }) : t('dossiers.queue.title'));
  const [outcome, setOutcome] = useState<string | null>(null);
  if (dossier.isPending) return <Spinner label={t('app.loading')} />;
  if (dossier.isError) return <ErrorBox error={dossier.error} />;
  const d = dossier.data;
  const reload = () => void dossier.refetch();
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

      {d.status === 'submitted' ? (
        <section aria-labelledby="decide-title">
          <h2 id="decide-title">{t('dossiers.decide.title')}</h2>
          <AcceptForm dossier={d} onDecided={setOutcome} onReload={reload} />
          <SupplementForm dossier={d} onDecided={setOutcome} onReload={reload} />
          <TransferForm dossier={d} onDecided={setOutcome} onReload={reload} />
          <RefuseForm dossier={d} onDecided={setOutcome} onReload={reload} />
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
