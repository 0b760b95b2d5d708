import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { PROCEDURE_LEVELS, SERVICE_LEVELS, SUBMISSION_METHODS } from '@motcua/contracts';
import { useI18n } from '../../../../i18n/i18n';
import type { EditorState } from '../editor-model';
import { AgencyList } from './AgencyList';
import { CheckGroup, Section, TextField, type SectionProps } from './Fields';

/** Identity, agencies, levels, methods, processing time, service level and the yes/no facts of a procedure. */
export function GeneralSection({ errors, isNew }: SectionProps & { isNew: boolean }) {
  const { t } = useI18n();
  const { register, control } = useFormContext<EditorState>();
  const [interAgency, timeUnit] = useWatch({ control, name: ['interAgency', 'timeUnit'] });
  return (
    <>
      <Section id="ce-general" legend={t('catalogueAdmin.section.general')}>
        <TextField
          id="ce-code"
          label={t('catalogueAdmin.f.code')}
          hint={t('catalogueAdmin.hint.code')}
          readOnly={!isNew}
          required
          {...register('code')}
          error={errors.code}
        />
        <TextField
          id="ce-name"
          label={t('catalogueAdmin.f.name')}
          required
          {...register('name')}
          error={errors.name}
        />
        <TextField
          id="ce-field"
          label={t('catalogueAdmin.f.field')}
          required
          {...register('field')}
          error={errors.field}
        />
        <TextField
          id="ce-agencies"
          label={t('catalogueAdmin.f.agencies')}
          hint={t('catalogueAdmin.hint.agencies')}
          required
          {...register('agencies')}
          error={errors.agencies}
        />
        <AgencyList />
        <label className="check">
          <input type="checkbox" {...register('interAgency')} />
          {t('catalogueAdmin.f.interAgency')}
        </label>
        {interAgency && (
          <TextField
            id="ce-inter-agencies"
            label={t('catalogueAdmin.f.interAgencies')}
            hint={t('catalogueAdmin.hint.agencies')}
            {...register('interAgencies')}
            error={errors.interAgencies}
          />
        )}
      </Section>
      <Controller
        control={control}
        name="levels"
        render={({ field }) => (
          <CheckGroup
            id="ce-levels"
            legend={t('catalogueAdmin.f.levels')}
            // District level ended on 1/7/2025: offered only to keep what a procedure already records.
            options={PROCEDURE_LEVELS.filter((l) => l !== 'district' || field.value.includes(l)).map((l) => ({
              value: l,
              label: t(`catalogue.level.${l}`),
            }))}
            value={field.value}
            onChange={field.onChange}
            error={errors.levels}
          />
        )}
      />
      <Controller
        control={control}
        name="methods"
        render={({ field }) => (
          <CheckGroup
            id="ce-methods"
            legend={t('catalogueAdmin.f.methods')}
            options={SUBMISSION_METHODS.map((m) => ({ value: m, label: t(`catalogue.method.${m}`) }))}
            value={field.value}
            onChange={field.onChange}
            error={errors.methods}
          />
        )}
      />
      <Section id="ce-time" legend={t('catalogueAdmin.f.processingTime')} error={errors.processingTime}>
        <div className="field">
          <label htmlFor="ce-time-unit">{t('catalogueAdmin.f.timeUnit')}</label>
          <select id="ce-time-unit" {...register('timeUnit')}>
            <option value="working_days">{t('catalogueAdmin.time.working_days')}</option>
            <option value="working_hours">{t('catalogueAdmin.time.working_hours')}</option>
            <option value="immediate">{t('catalogue.time.immediate')}</option>
          </select>
        </div>
        {timeUnit !== 'immediate' && (
          <TextField
            id="ce-time-value"
            label={t('catalogueAdmin.f.timeValue')}
            type="number"
            min={0}
            step="any"
            inputMode="decimal"
            {...register('timeValue')}
          />
        )}
      </Section>
      <Section id="ce-service" legend={t('catalogueAdmin.f.serviceLevel')} error={errors.serviceLevel}>
        {SERVICE_LEVELS.map((l) => (
          <label key={l} className="check">
            <input type="radio" value={l} {...register('serviceLevel')} />
            {t(`catalogue.sl.${l}`)}
          </label>
        ))}
        <label className="check">
          <input type="checkbox" {...register('digitallySignedResult')} />
          {t('catalogue.signed')}
        </label>
        <label className="check">
          <input type="checkbox" {...register('boundaryFree')} />
          {t('catalogue.boundaryFree')}
        </label>
      </Section>
    </>
  );
}
