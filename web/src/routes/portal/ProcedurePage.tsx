import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Card, Spinner } from '../../components/ui';
import { ExpectedResult } from '../../features/catalogue/ExpectedResult';
import { legalCitation, processingTimeText } from '../../features/catalogue/format';
import { useProcedure } from '../../features/catalogue/hooks';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { formatMoney } from '../../lib/dates';
import { useTitle } from '../../lib/useTitle';

/** A procedure with every section citizens must see (SPEC §3), its forms and the online-submission call to action. */
export function ProcedurePage() {
  const { t, locale } = useI18n();
  const { code = '' } = useParams();
  const { data: p, isPending, isError, error } = useProcedure(code);
  useTitle(p?.name ?? t('catalogue.title'));
  if (isPending) return <Spinner label={t('catalogue.loading')} />;
  if (isError) return <Alert kind="error">{error.message}</Alert>;
  const section = (title: MessageKey, body: ReactNode) => (
    <Card>
      <h2>{t(title)}</h2>
      {body}
    </Card>
  );
  const list = (items: string[]) =>
    items.length ? (
      <ul>
        {items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
    ) : (
      <p>{t('catalogue.none')}</p>
    );
  return (
    <article>
      <h1>{p.name}</h1>
      <p>
        {t('catalogue.code')}: {p.code} · {t('catalogue.field')}: {p.field} ·{' '}
        {t(`catalogue.sl.${p.serviceLevel}`)}
      </p>
      <p>
        {t('catalogue.agency')}: {p.agencies.map((a) => a.name).join(', ')} · {t('catalogue.level')}:{' '}
        {p.levels.map((l) => t(`catalogue.level.${l}`)).join(', ')}
      </p>
      {p.processingTime.unit !== 'immediate' && <ExpectedResult code={p.code} />}
      {p.onlineSubmission && (
        <p>
          <Link className="btn btn-primary cta" to={`/thu-tuc/${encodeURIComponent(p.code)}/nop-ho-so`}>
            {t('catalogue.submitOnline')}
          </Link>
        </p>
      )}
      <p>
        <Link to={`/phan-anh?thu-tuc=${encodeURIComponent(p.code)}`}>
          {t('feedback.file.aboutProcedure')}
        </Link>
      </p>
      {section(
        'catalogue.steps',
        <ol>
          {p.steps.map((s, i) => (
            <li key={i}>{s.description}</li>
          ))}
        </ol>,
      )}
      {section('catalogue.methods', list(p.methods.map((m) => t(`catalogue.method.${m}`))))}
      {section(
        'catalogue.components',
        <ol>
          {p.components.map((c) => (
            <li key={c.name}>
              {c.name}
              <br />
              <small>
                {t('catalogue.originals', { n: c.originals })} · {t('catalogue.copies', { n: c.copies })}
                {c.originalRequired && ` · ${t('catalogue.originalRequired')}`}
              </small>
              {c.form && (
                <>
                  <br />
                  <a href={c.form.url} download={c.form.fileName}>
                    {t('catalogue.download', { name: c.form.fileName })}
                  </a>
                </>
              )}
            </li>
          ))}
        </ol>,
      )}
      {section('catalogue.processingTime', <p>{processingTimeText(t as never, p.processingTime)}</p>)}
      {section('catalogue.subjects', list(p.subjects))}
      {section('catalogue.resultDocs', list(p.results))}
      {section(
        'catalogue.fees',
        p.fees.length ? (
          <ul>
            {p.fees.map((f) => (
              <li key={f.name}>
                {f.name}: {formatMoney(f.amount, locale)}
                {f.collector && ` — ${f.collector}`}
                {f.due && ` — ${f.due}`}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('catalogue.free')}</p>
        ),
      )}
      {section('catalogue.conditions', list(p.conditions))}
      {section(
        'catalogue.legalBasis',
        <ul>
          {p.legalBasis.map((l) => (
            <li key={l.number}>{legalCitation(l)}</li>
          ))}
        </ul>,
      )}
      {section(
        'catalogue.other',
        <ul>
          <li>
            {t('catalogue.signed')}: {t(p.digitallySignedResult ? 'catalogue.yes' : 'catalogue.no')}
          </li>
          <li>
            {t('catalogue.interAgency')}:{' '}
            {p.interAgencies.length ? p.interAgencies.map((a) => a.name).join(', ') : t('catalogue.no')}
          </li>
          {p.boundaryFree && <li>{t('catalogue.boundaryFree')}</li>}
        </ul>,
      )}
    </article>
  );
}
