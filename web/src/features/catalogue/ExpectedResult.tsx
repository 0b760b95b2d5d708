import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../i18n/i18n';
import { now } from '../../lib/clock';
import { formatDateTime } from '../../lib/dates';
import { simulateProcedure } from './simulate';

/**
 * "If you submit now, the expected result date is …": the simulator with the receipt now (the web clock), on the
 * calendar of the procedure's agency. Nothing is shown when it cannot tell (the page leaves out immediate results).
 */
export function ExpectedResult({ code }: { code: string }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['catalogue', 'expected', code],
    queryFn: () => simulateProcedure(code, { receivedAt: now().toISOString(), events: [] }),
    staleTime: 60_000,
    retry: false,
  });
  if (!q.data?.dueAt) return null;
  return (
    <p data-testid="expected-result">
      {t('catalogue.expectedResult', { date: formatDateTime(q.data.dueAt) })}{' '}
      <small className="muted">{t('catalogue.expectedResultNote')}</small>
    </p>
  );
}
