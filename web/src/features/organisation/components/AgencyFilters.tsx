import { AGENCY_TYPES } from '@motcua/contracts';
import { useI18n } from '../../../i18n/i18n';
import { useUnits } from '../hooks';

/** Unit and type selects shared by the public list and the admin list; values live in the caller's URL. */
export function AgencyFilters({
  unit,
  type,
  onChange,
}: {
  unit: string;
  type: string;
  onChange: (key: 'unit' | 'type', value: string) => void;
}) {
  const { t } = useI18n();
  const units = useUnits();
  return (
    <div className="filters org-row">
      <div className="field">
        <label htmlFor="org-f-unit">{t('organisation.unit')}</label>
        <select id="org-f-unit" value={unit} onChange={(e) => onChange('unit', e.target.value)}>
          <option value="">{t('organisation.all')}</option>
          {(units.data ?? []).map((u) => (
            <option key={u.id} value={u.code}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="org-f-type">{t('organisation.type')}</label>
        <select id="org-f-type" value={type} onChange={(e) => onChange('type', e.target.value)}>
          <option value="">{t('organisation.all')}</option>
          {AGENCY_TYPES.map((ty) => (
            <option key={ty} value={ty}>
              {t(`organisation.type.${ty}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
