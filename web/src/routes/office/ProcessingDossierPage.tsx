import '../../features/dossiers/dossiers.css';
import '../../features/processing/processing.css';
import { useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import type { TDossierDetail } from '@motcua/contracts';
import { Alert, Card, ErrorBox, Spinner, StatusBadge } from '../../components/ui';
import { OfficePaymentCard } from '../../features/payments/components/OfficePaymentCard';
import { PostalCard } from '../../features/payments/components/PostalCard';
import { ResultOfficeCard } from '../../features/results/components/ResultOfficeCard';
import { dossierKeys } from '../../features/dossiers/api';
import { DocumentLinks } from '../../features/dossiers/components/DocumentLinks';
import { useDossier } from '../../features/dossiers/hooks';
import { ActionForm } from '../../features/processing/components/ActionForms';
import { Attachments } from '../../features/processing/components/Attachments';
import { DueBadge } from '../../features/processing/components/DueBadge';
import { FormAnswers } from '../../features/processing/components/FormAnswers';
import { ProcessingTimeline } from '../../features/processing/components/ProcessingTimeline';
import { StepPlan } from '../../features/processing/components/StepPlan';
import { ConsultationList, ConsultForm } from '../../features/processing/components/Consultations';
import { DossierFeedback } from '../../features/feedback/components/DossierFeedback';
import { InteragencyCard } from '../../features/interagency/components/InteragencyParts';
import { LevelForwardForm } from '../../features/interagency/components/LevelForward';
import { allowedActions, currentHandler, dueMark } from '../../features/processing/model';
import { useMe } from '../../features/session/hooks';
import { useI18n } from '../../i18n/i18n';
import { now } from '../../lib/clock';
import { formatDate, formatDateTime } from '../../lib/dates';
import { useTitle } from '../../lib/useTitle';

/**
 * /office/xu-ly/:id — the processing workspace: the e-form answers, the attachments previewed inline, documents,
 * the timeline, the step plan with due times and the handler, and only the actions this person may take now. Every
 * action carries the version shown; the server's answer replaces the dossier on the page.
 */
export function ProcessingDossierPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const dossier = useDossier(id);
  const ref = dossier.data && (dossier.data.code ?? dossier.data.submissionRef);
  useTitle(ref ? t('processing.title', { ref }) : t('processing.inbox.title'));
  const me = useMe();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<string | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  if (dossier.isPending || me.isPending) return <Spinner label={t('app.loading')} />;
  if (dossier.isError) return <ErrorBox error={dossier.error} />;
  const d = dossier.data;
  const step = d.processing?.currentStep ?? null;
  const handler = currentHandler(d);
  const actions = allowedActions(d, me.data);
  const done = (next: TDossierDetail, title: string) => {
    queryClient.setQueryData(dossierKeys.detail(id), next);
    void queryClient.invalidateQueries({ queryKey: ['processing'] });
    setOutcome(t('processing.actions.done', { action: title }));
    // The form that was used may be gone now: move focus to the confirmation.
    requestAnimationFrame(() => outcomeRef.current?.focus());
  };
  const reload = () => {
    setOutcome(null);
    void dossier.refetch();
  };
  return (
    <>
      <h1>{t('processing.title', { ref: d.code ?? d.submissionRef })}</h1>
      <Card>
        <h2>{t('processing.overview')}</h2>
        <dl className="facts">
          <dt>{t('dossiers.field.status')}</dt>
          <dd>
            <StatusBadge status={d.status} />
          </dd>
          <dt>{t('dossiers.field.procedure')}</dt>
          <dd>
            {d.procedure.name} ({d.procedure.code})
          </dd>
          <dt>{t('dossiers.field.applicant')}</dt>
          <dd>
            {d.applicant.name}
            {d.applicant.idNumber ? ` — ${d.applicant.idNumber}` : ''}
            {d.applicant.address ? `, ${d.applicant.address}` : ''}
          </dd>
          <dt>{t('dossiers.field.receivedAt')}</dt>
          <dd>{formatDateTime(d.receivedAt, locale)}</dd>
          <dt>{t('dossiers.field.appointmentAt')}</dt>
          <dd>{formatDate(d.appointmentAt, locale)}</dd>
          <dt>{t('interagency.places.received')}</dt>
          <dd>{d.receivingAgency.name}</dd>
          <dt>{t('interagency.places.authority')}</dt>
          <dd>{d.authorityAgency.name}</dd>
          <dt>{t('interagency.places.result')}</dt>
          <dd>{d.resultAgency.name}</dd>
          <dt>{t('dossiers.field.holdingAgency')}</dt>
          <dd>
            {d.holdingAgency?.name ?? '—'}
            {d.holdingDepartment ? ` — ${d.holdingDepartment.name}` : ''}
          </dd>
          <dt>{t('processing.field.currentStep')}</dt>
          <dd>{step ? step.name[locale] : t('processing.plan.finished')}</dd>
          {step ? (
            <>
              <dt>{t('processing.field.stepDue')}</dt>
              <dd>
                {formatDateTime(step.dueAt, locale)} <DueBadge mark={dueMark(step.dueAt, now())} />
              </dd>
              <dt>{t('processing.field.handler')}</dt>
              <dd>{handler?.name ?? t('processing.field.noHandler')}</dd>
            </>
          ) : null}
        </dl>
      </Card>

      <section aria-labelledby="proc-actions-title">
        <h2 id="proc-actions-title">{t('processing.actions.title')}</h2>
        <div ref={outcomeRef} tabIndex={-1}>
          {outcome ? <Alert kind="success">{outcome}</Alert> : null}
        </div>
        {d.status === 'processing_supplement' ? (
          <Alert kind="info">{t('processing.actions.waitingSupplement')}</Alert>
        ) : actions.length === 0 ? (
          <Alert kind="info">{t('processing.actions.none')}</Alert>
        ) : null}
        {actions.map((a) => (
          // Keyed by version too: a form starts empty again once the dossier has moved on.
          <ActionForm key={`${a}-${d.version}`} action={a} dossier={d} onDone={done} onReload={reload} />
        ))}
        {/* Cross-level (issue 14): the commune desk forwards up while it still holds the decision. */}
        <LevelForwardForm key={`level-${d.version}`} dossier={d} onDone={done} onReload={reload} />
        {/* Consultation (issue 14): the handler at the appraisal step asks, as the appraisal form shows. */}
        {actions.includes('appraise') ? (
          <ConsultForm key={`consult-${d.version}`} dossier={d} onDone={done} onReload={reload} />
        ) : null}
      </section>

      {d.authorityAgency.id !== d.receivingAgency.id && me.data?.agency?.id === d.receivingAgency.id ? (
        <Alert kind="info">
          {t('interagency.places.forwarded', { agency: d.authorityAgency.name, result: d.resultAgency.name })}
        </Alert>
      ) : null}
      <InteragencyCard
        key={`interagency-${d.version}`}
        dossier={d}
        me={me.data}
        onDone={done}
        onReload={reload}
      />
      <OfficePaymentCard dossierId={d.id} />
      {d.resultChannel === 'post' ? (
        <PostalCard dossierId={d.id} ready={d.status === 'result_ready'} />
      ) : null}
      <ResultOfficeCard
        dossier={d}
        onChanged={(next) => {
          if (next) queryClient.setQueryData(dossierKeys.detail(id), next);
          void dossier.refetch();
          void queryClient.invalidateQueries({ queryKey: ['results'] });
        }}
      />
      <Card>
        <h2>{t('processing.consult.title')}</h2>
        <ConsultationList
          key={`consultations-${d.version}`}
          dossier={d}
          canAct={actions.includes('appraise')}
          onDone={done}
          onReload={reload}
        />
      </Card>

      <Card>
        <h2>{t('processing.plan.title')}</h2>
        <StepPlan dossier={d} />
      </Card>
      <Card>
        <h2>{t('processing.form.title')}</h2>
        <FormAnswers
          procedureCode={d.procedure.code}
          versionId={d.procedure.versionId}
          formData={d.formData}
        />
      </Card>
      <Card>
        <h2>{t('processing.files.title')}</h2>
        <Attachments dossierId={d.id} attachments={d.attachments} />
      </Card>
      <Card>
        <h2>{t('dossiers.documents')}</h2>
        <DocumentLinks documents={d.documents} />
        {d.code ? (
          <a
            href={`/api/processing/dossiers/${d.id}/control-slip.pdf`}
            target="_blank"
            rel="noreferrer"
            download
          >
            {t('registerBook.controlSlip')}
          </a>
        ) : null}
      </Card>
      <Card>
        <h2>{t('dossiers.timeline')}</h2>
        <ProcessingTimeline
          events={d.events}
          stepNames={Object.fromEntries((d.processing?.steps ?? []).map((s) => [s.key, s.name[locale]]))}
        />
      </Card>
      <DossierFeedback dossierId={d.id} />
    </>
  );
}
