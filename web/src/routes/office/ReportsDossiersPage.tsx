import { Link, useSearchParams } from 'react-router-dom';
import { useInfiniteQuery } from '@tanstack/react-query';
import { ZDrillMeasure, type TDrillMeasure } from '@motcua/contracts';
import { Alert, Button, Spinner } from '../../components/ui';
import { query, reportKeys, reportsApi, type Filter } from '../../features/reports/api';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';
import { DossierTable } from './ReportsDashboardPage';

/** /office/bao-cao/ho-so?measure=…&from=…&to=…&agencyId=… — the dossiers behind one number, keyset pages. */
export function ReportsDossiersPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const measure: TDrillMeasure = ZDrillMeasure.safeParse(params.get('measure')).data ?? 'received';
  const f = Object.fromEntries([...params].filter(([k]) => k !== 'measure')) as Filter;
  const title = t('reports.dossiers.title', { measure: t(`reports.m.${measure}`) });
  useTitle(title);
  const q = useInfiniteQuery({
    queryKey: reportKeys.dossiers(f, measure, undefined),
    queryFn: ({ pageParam }) => reportsApi.dossiers(f, measure, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <h1>{title}</h1>
      <p>
        <Link
          to={`/office/bao-cao?${query({ from: f.from, to: f.to, agencyId: f.agencyId, level: f.level })}`}
        >
          {t('reports.dossiers.back')}
        </Link>
      </p>
      {q.isPending && <Spinner label="…" />}
      {q.error && <Alert kind="error">{q.error.message}</Alert>}
      {q.data && <DossierTable title={`${f.from} – ${f.to}`} rows={rows} />}
      {q.hasNextPage && (
        <Button onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>
          {t('reports.dossiers.more')}
        </Button>
      )}
    </>
  );
}
