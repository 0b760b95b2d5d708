import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Spinner, Table } from '../../components/ui';
import { drillLink, reportKeys, reportsApi, vnToday } from '../../features/reports/api';
import { useI18n } from '../../i18n/i18n';
import { now } from '../../lib/clock';
import { useTitle } from '../../lib/useTitle';

/** /office/bao-cao/chi-so — the QĐ 766 index: score, groups, each indicator with its formula, counts and dossiers. */
export function ServiceIndexPage() {
  const { t } = useI18n();
  useTitle(t('reports.index.title'));
  const [period, setPeriod] = useState<'month' | 'quarter' | 'year'>('quarter');
  const at = vnToday(now());
  const q = useQuery({ queryKey: reportKeys.index(period, at), queryFn: () => reportsApi.index(period, at) });
  const x = q.data;
  return (
    <>
      <h1 id="index-title">{t('reports.index.title')}</h1>
      <Card>
        <label>
          {t('reports.index.period')}
          <select value={period} onChange={(e) => setPeriod(e.target.value as typeof period)}>
            <option value="month">{t('reports.index.month')}</option>
            <option value="quarter">{t('reports.index.quarter')}</option>
            <option value="year">{t('reports.index.year')}</option>
          </select>
        </label>
      </Card>
      {q.isPending && <Spinner label="…" />}
      {q.error && <Alert kind="error">{q.error.message}</Alert>}
      {x && (
        <>
          <Card>
            <p className="report-score" data-testid="index-score">
              {t('reports.index.score', { score: x.score, known: x.knownPoints })}
            </p>
            <ul>
              {x.groups.map((g) => (
                <li key={g.group}>
                  {t(`reports.index.group.${g.group}` as 'reports.index.group.progress')}:{' '}
                  {g.score ?? t('reports.index.unknown')}
                </li>
              ))}
            </ul>
          </Card>
          <Card>
            <h2>{t('reports.index.raise')}</h2>
            <ol>
              {[...x.indicators]
                .filter((i) => i.gain > 0)
                .sort((a, b) => b.gain - a.gain)
                .slice(0, 3)
                .map((i) => (
                  <li key={i.key}>
                    {i.name}: {t('reports.index.gain', { gain: i.gain })}
                  </li>
                ))}
            </ol>
          </Card>
          <Card>
            <Table
              className="table"
              testId="index-indicators"
              labelledBy="index-title"
              rows={x.indicators}
              rowKey={(i) => i.key}
              rowData={(i) => ({ 'data-indicator': i.key })}
              empty={t('app.noRows')}
              columns={[
                { header: t('reports.index.indicator'), cell: (i) => i.name, rowHeader: true },
                { header: t('reports.index.formula'), cell: (i) => i.formula },
                {
                  header: t('reports.index.counts'),
                  cell: (i) =>
                    i.score === null ? (
                      <em>{i.unknownReason}</em>
                    ) : (
                      <>
                        {i.numerator} / {i.denominator}{' '}
                        {i.links
                          .map((l) => (
                            <Link
                              key={`${l.measure}-${l.channel ?? ''}`}
                              to={drillLink(
                                { from: x.from, to: x.to, agencyId: x.agencyId ?? undefined },
                                l.measure,
                                l.channel ? { channel: l.channel } : {},
                              )}
                            >
                              {l.label}
                            </Link>
                          ))
                          .reduce<React.ReactNode[]>((acc, el, n) => (n ? [...acc, ' · ', el] : [el]), [])}
                      </>
                    ),
                },
                {
                  header: t('reports.index.points'),
                  cell: (i) => `${i.score ?? t('reports.index.unknown')} / ${i.points}`,
                },
              ]}
            />
          </Card>
          <Card>
            <h2>{t('reports.index.history')}</h2>
            <ul>
              {x.history.map((h) => (
                <li key={h.month}>
                  {h.month}: {h.score} / {h.knownPoints}
                </li>
              ))}
            </ul>
          </Card>
        </>
      )}
    </>
  );
}
