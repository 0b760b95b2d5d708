import type { TSatisfactionSummary } from '@motcua/contracts';
import { useI18n } from '../../../i18n/i18n';

/** One period's roll-up as a table. */
export function SatisfactionTable({ s }: { s: TSatisfactionSummary }) {
  const { t } = useI18n();
  if (s.rows.length === 0) return <p className="muted">{t('feedback.sat.none')}</p>;
  return (
    <table>
      <caption>
        {t('feedback.sat.period')} {s.period} — {t(s.closed ? 'feedback.sat.closed' : 'feedback.sat.open')}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t(`feedback.sat.by.${s.by}`)}</th>
          <th scope="col">{t('feedback.sat.ratings')}</th>
          <th scope="col">{t('feedback.sat.percent')}</th>
          <th scope="col">{t('feedback.overall.very_satisfied')}</th>
          <th scope="col">{t('feedback.overall.satisfied')}</th>
          <th scope="col">{t('feedback.overall.not_satisfied')}</th>
        </tr>
      </thead>
      <tbody>
        {s.rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.name || '—'}</th>
            <td>{r.ratings}</td>
            <td>{r.percent}</td>
            <td>{r.verySatisfied}</td>
            <td>{r.satisfied}</td>
            <td>{r.notSatisfied}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
