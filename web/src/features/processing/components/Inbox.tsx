import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DOSSIER_PLACES, INBOX_SCOPES, type TInboxItem, type TInboxScope } from '@motcua/contracts';
import { Button, Card, ErrorBox, Spinner } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { formatDate, formatDateTime } from '../../../lib/dates';
import type { InboxFilter } from '../api';
import { useInbox } from '../hooks';
import { useMe } from '../../session/hooks';
import { DueBadge } from './DueBadge';

/** The steps of the default workflow that wait on someone in the office (the filter's choices). */
const STEPS = ['reception', 'assignment', 'appraisal', 'approval', 'result'] as const;

/**
 * "Hồ sơ cần xử lý" (GET /api/processing/inbox): the scope as toggle buttons (mine, my department, my agency), the
 * filters, the scope's counts, and the dossiers by step due time, due soon / overdue marked in words and colour;
 * "Xem thêm" loads the next keyset page.
 */
export function Inbox() {
  const { t } = useI18n();
  const [f, setF] = useState<InboxFilter>({ scope: 'me', procedure: '', step: '', due: '' });
  const [procedure, setProcedure] = useState('');
  const me = useMe();
  const q = useInbox({ ...f, placeAgency: me.data?.agency?.id ?? '' });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const counts = q.data?.pages[0]?.counts;
  return (
    <Card className="proc-inbox-card">
      <div className="proc-scopes" role="group" aria-label={t('processing.inbox.scopeLabel')}>
        {INBOX_SCOPES.map((s: TInboxScope) => (
          <Button
            key={s}
            type="button"
            variant={f.scope === s ? 'primary' : 'secondary'}
            aria-pressed={f.scope === s}
            onClick={() => setF({ ...f, scope: s })}
          >
            {t(`processing.inbox.scope.${s}`)}
          </Button>
        ))}
      </div>
      <form
        className="proc-inbox-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setF({ ...f, procedure });
        }}
      >
        <div className="field">
          <label htmlFor="inbox-procedure">{t('processing.inbox.filter.procedure')}</label>
          <input
            id="inbox-procedure"
            autoComplete="off"
            value={procedure}
            onChange={(e) => setProcedure(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="inbox-step">{t('processing.inbox.filter.step')}</label>
          <select id="inbox-step" value={f.step} onChange={(e) => setF({ ...f, step: e.target.value })}>
            <option value="">{t('processing.inbox.filter.any')}</option>
            {STEPS.map((s) => (
              <option key={s} value={s}>
                {t(`processing.inbox.step.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="inbox-due">{t('processing.inbox.filter.due')}</label>
          <select
            id="inbox-due"
            value={f.due}
            onChange={(e) => setF({ ...f, due: e.target.value as InboxFilter['due'] })}
          >
            <option value="">{t('processing.inbox.filter.any')}</option>
            <option value="overdue">{t('processing.mark.overdue')}</option>
            <option value="soon">{t('processing.mark.dueSoon')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="inbox-place">{t('processing.inbox.filter.place')}</label>
          <select
            id="inbox-place"
            value={f.place ?? ''}
            onChange={(e) => setF({ ...f, place: e.target.value as InboxFilter['place'] })}
          >
            <option value="">{t('processing.inbox.filter.any')}</option>
            {DOSSIER_PLACES.map((p) => (
              <option key={p} value={p}>
                {t(`registerBook.place.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          {t('processing.inbox.filter.apply')}
        </Button>
      </form>
      {counts ? (
        <p className="proc-inbox-counts" aria-live="polite">
          <span>{t('processing.inbox.count', { n: counts.total })}</span>
          <span>{t('processing.inbox.overdueCount', { n: counts.overdue })}</span>
          <span>{t('processing.inbox.dueSoonCount', { n: counts.dueSoon })}</span>
          <span>{t('processing.inbox.unassignedCount', { n: counts.unassigned })}</span>
        </p>
      ) : null}
      {q.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : q.isError ? (
        <ErrorBox error={q.error} />
      ) : items.length === 0 ? (
        <p>{t('processing.inbox.empty')}</p>
      ) : (
        <ul className="proc-inbox">
          {items.map((i) => (
            <InboxRow key={i.id} item={i} />
          ))}
        </ul>
      )}
      {q.hasNextPage ? (
        <Button
          type="button"
          variant="secondary"
          disabled={q.isFetchingNextPage}
          aria-busy={q.isFetchingNextPage}
          onClick={() => void q.fetchNextPage()}
        >
          {t('processing.inbox.more')}
        </Button>
      ) : null}
    </Card>
  );
}

function InboxRow({ item: i }: { item: TInboxItem }) {
  const { t, locale } = useI18n();
  return (
    <li className={i.overdue ? 'proc-row-overdue' : i.dueSoon ? 'proc-row-due-soon' : undefined}>
      <Link to={`/office/xu-ly/${i.id}`}>{i.code ?? i.id}</Link> — {i.procedure.name} — {i.applicantName}{' '}
      <DueBadge mark={i.overdue ? 'overdue' : i.dueSoon ? 'dueSoon' : null} />
      <br />
      <small>
        {i.step.name[locale]} · {t('processing.plan.dueAt', { at: formatDateTime(i.step.dueAt, locale) })} ·{' '}
        {t('processing.field.handler')}: {i.handler?.name ?? t('processing.field.noHandler')}
        {i.appointmentAt
          ? ` · ${t('dossiers.field.appointmentAt')}: ${formatDate(i.appointmentAt, locale)}`
          : ''}
      </small>
    </li>
  );
}
