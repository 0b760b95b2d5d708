import { useQuery } from '@tanstack/react-query';
import type { TReportAgencies } from '@motcua/contracts';
import { useI18n } from '../../i18n/i18n';
import { reportKeys, reportsApi, type Filter } from './api';

const LEVELS = ['province', 'district', 'commune'] as const;

/**
 * The level (province / district / commune) and agency controls of the report pages. The agencies offered are the
 * ones the server lets the actor read (a leader: their unit's subtree), narrowed to the chosen level; choosing a
 * level clears an agency of another level.
 */
export function ScopeControls({ f, setF }: { f: Filter; setF: (f: Partial<Filter>) => void }) {
  const { t } = useI18n();
  const q = useQuery({ queryKey: reportKeys.agencies(), queryFn: reportsApi.agencies });
  const all: TReportAgencies['items'] = q.data?.items ?? [];
  const levels = LEVELS.filter((l) => all.some((a) => a.level === l));
  const agencies = all.filter((a) => !f.level || a.level === f.level);
  return (
    <>
      <label>
        {t('reports.level')}
        <select
          value={f.level ?? ''}
          data-testid="report-level"
          onChange={(e) => {
            const level = (e.target.value || undefined) as Filter['level'];
            const keep = all.find((a) => a.id === f.agencyId && (!level || a.level === level));
            setF({ level, agencyId: keep?.id });
          }}
        >
          <option value="">{t('reports.allLevels')}</option>
          {levels.map((l) => (
            <option key={l} value={l}>
              {t(`reports.level.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('reports.agency')}
        <select
          value={f.agencyId ?? ''}
          data-testid="report-agency"
          onChange={(e) => setF({ agencyId: e.target.value || undefined })}
        >
          <option value="">{t('reports.allAgencies')}</option>
          {agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
