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
      <TypeSelect
        id="org-f-type"
        value={type}
        allLabel={t('organisation.all')}
        onChange={(v) => onChange('type', v)}
      />
    </div>
  );
}

/** The agency type select; with `allLabel`, an empty first option means "any type" (filters). */
export function TypeSelect({
  id,
  value,
  allLabel,
  onChange,
}: {
  id: string;
  value: string;
  allLabel?: string;
  onChange: (v: string) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{t('organisation.type')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {allLabel && <option value="">{allLabel}</option>}
        {AGENCY_TYPES.map((ty) => (
          <option key={ty} value={ty}>
            {t(`organisation.type.${ty}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
