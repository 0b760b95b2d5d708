import type { TSatisfactionSummary } from '@motcua/contracts';
import { Table } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';

/** One period's roll-up as a table. */
export function SatisfactionTable({ s }: { s: TSatisfactionSummary }) {
  const { t } = useI18n();
  return (
    <Table
      caption={`${t('feedback.sat.period')} ${s.period} — ${t(s.closed ? 'feedback.sat.closed' : 'feedback.sat.open')}`}
      rows={s.rows}
      rowKey={(r) => r.key}
      empty={t('feedback.sat.none')}
      columns={[
        { header: t(`feedback.sat.by.${s.by}`), cell: (r) => r.name || '—', rowHeader: true },
        { header: t('feedback.sat.ratings'), cell: (r) => r.ratings },
        { header: t('feedback.sat.percent'), cell: (r) => r.percent },
        { header: t('feedback.overall.very_satisfied'), cell: (r) => r.verySatisfied },
        { header: t('feedback.overall.satisfied'), cell: (r) => r.satisfied },
        { header: t('feedback.overall.not_satisfied'), cell: (r) => r.notSatisfied },
      ]}
    />
  );
}
