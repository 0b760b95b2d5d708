import {
  PROCEDURE_LEVELS,
  SERVICE_LEVELS,
  SUBMISSION_METHODS,
  type TProcessingTime,
} from '@motcua/contracts';
import { useI18n } from '../../../../i18n/i18n';
import { AgencyList } from './AgencyList';
import { CheckGroup, Section, TextField, type SectionProps } from './Fields';

/** Identity, agencies, levels, methods, processing time, service level and the yes/no facts of a procedure. */
export function GeneralSection({ state: s, set, errors, isNew }: SectionProps & { isNew: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Section id="ce-general" legend={t('catalogueAdmin.section.general')}>
        <TextField
          id="ce-code"
          label={t('catalogueAdmin.f.code')}
          hint={t('catalogueAdmin.hint.code')}
          value={s.code}
          readOnly={!isNew}
          required
          onChange={(e) => set('code', e.target.value)}
          error={errors.code}
        />
        <TextField
          id="ce-name"
          label={t('catalogueAdmin.f.name')}
          value={s.name}
          required
          onChange={(e) => set('name', e.target.value)}
          error={errors.name}
        />
        <TextField
          id="ce-field"
          label={t('catalogueAdmin.f.field')}
          value={s.field}
          required
          onChange={(e) => set('field', e.target.value)}
          error={errors.field}
        />
        <TextField
          id="ce-agencies"
          label={t('catalogueAdmin.f.agencies')}
          hint={t('catalogueAdmin.hint.agencies')}
          value={s.agencies}
          required
          onChange={(e) => set('agencies', e.target.value)}
          error={errors.agencies}
        />
        <AgencyList />
        <label className="check">
          <input
            type="checkbox"
            checked={s.interAgency}
            onChange={(e) => set('interAgency', e.target.checked)}
          />
          {t('catalogueAdmin.f.interAgency')}
        </label>
        {s.interAgency && (
          <TextField
            id="ce-inter-agencies"
            label={t('catalogueAdmin.f.interAgencies')}
            hint={t('catalogueAdmin.hint.agencies')}
            value={s.interAgencies}
            onChange={(e) => set('interAgencies', e.target.value)}
            error={errors.interAgencies}
          />
        )}
      </Section>
      <CheckGroup
        id="ce-levels"
        legend={t('catalogueAdmin.f.levels')}
        // District level ended on 1/7/2025: offered only to keep what a procedure already records.
        options={PROCEDURE_LEVELS.filter((l) => l !== 'district' || s.levels.includes(l)).map((l) => ({
          value: l,
          label: t(`catalogue.level.${l}`),
        }))}
        value={s.levels}
        onChange={(v) => set('levels', v)}
        error={errors.levels}
      />
      <CheckGroup
        id="ce-methods"
        legend={t('catalogueAdmin.f.methods')}
        options={SUBMISSION_METHODS.map((m) => ({ value: m, label: t(`catalogue.method.${m}`) }))}
        value={s.methods}
        onChange={(v) => set('methods', v)}
        error={errors.methods}
      />
      <Section id="ce-time" legend={t('catalogueAdmin.f.processingTime')} error={errors.processingTime}>
        <div className="field">
          <label htmlFor="ce-time-unit">{t('catalogueAdmin.f.timeUnit')}</label>
          <select
            id="ce-time-unit"
            value={s.timeUnit}
            onChange={(e) => set('timeUnit', e.target.value as TProcessingTime['unit'])}
          >
            <option value="working_days">{t('catalogueAdmin.time.working_days')}</option>
            <option value="working_hours">{t('catalogueAdmin.time.working_hours')}</option>
            <option value="immediate">{t('catalogue.time.immediate')}</option>
          </select>
        </div>
        {s.timeUnit !== 'immediate' && (
          <TextField
            id="ce-time-value"
            label={t('catalogueAdmin.f.timeValue')}
            type="number"
            min={0}
            step="any"
            inputMode="decimal"
            value={s.timeValue}
            onChange={(e) => set('timeValue', e.target.value)}
          />
        )}
      </Section>
      <Section id="ce-service" legend={t('catalogueAdmin.f.serviceLevel')} error={errors.serviceLevel}>
        {SERVICE_LEVELS.map((l) => (
          <label key={l} className="check">
            <input
              type="radio"
              name="ce-service-level"
              checked={s.serviceLevel === l}
              onChange={() => set('serviceLevel', l)}
            />
            {t(`catalogue.sl.${l}`)}
          </label>
        ))}
        <label className="check">
          <input
            type="checkbox"
            checked={s.digitallySignedResult}
            onChange={(e) => set('digitallySignedResult', e.target.checked)}
          />
          {t('catalogue.signed')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={s.boundaryFree}
            onChange={(e) => set('boundaryFree', e.target.checked)}
          />
          {t('catalogue.boundaryFree')}
        </label>
      </Section>
    </>
  );
}
