import { Controller, useFormContext } from 'react-hook-form';
import { useI18n } from '../../../../i18n/i18n';
import type { EditorState } from '../editor-model';
import { DateTextField, Section, TextField, type SectionProps } from './Fields';

/** The e-form definition (JSON, checked before saving), the announcing decision and the change note. */
export function DecisionSection({ errors }: SectionProps) {
  const { t } = useI18n();
  const { register, control } = useFormContext<EditorState>();
  const eformErr = errors.eform ? 'ce-eform-error' : undefined;
  return (
    <>
      <Section id="ce-eform-section" legend={t('catalogueAdmin.f.eform')}>
        <div className="field ce-wide">
          <label htmlFor="ce-eform">{t('catalogueAdmin.f.eformJson')}</label>
          <textarea
            id="ce-eform"
            rows={8}
            spellCheck={false}
            aria-invalid={errors.eform ? true : undefined}
            aria-describedby={['ce-eform-hint', eformErr].filter(Boolean).join(' ')}
            {...register('eform')}
          />
          <span id="ce-eform-hint" className="hint">
            {t('catalogueAdmin.hint.eform')}
          </span>
          {errors.eform && (
            <span id="ce-eform-error" className="ce-error">
              {errors.eform}
            </span>
          )}
        </div>
      </Section>
      <Section id="ce-decision" legend={t('catalogueAdmin.section.decision')}>
        {/* Controlled: the publish panel shows the same decision number and date. */}
        <Controller
          control={control}
          name="decisionNumber"
          render={({ field }) => (
            <TextField
              id="ce-decision-number"
              label={t('catalogueAdmin.f.decisionNumber')}
              value={field.value}
              onChange={field.onChange}
              error={errors.decisionNumber}
            />
          )}
        />
        <Controller
          control={control}
          name="decisionDate"
          render={({ field }) => (
            <DateTextField
              id="ce-decision-date"
              label={t('catalogueAdmin.f.decisionDate')}
              value={field.value}
              onValue={field.onChange}
              error={errors.decisionDate}
            />
          )}
        />
        <div className="field ce-wide">
          <label htmlFor="ce-change-note">{t('catalogueAdmin.f.changeNote')}</label>
          <textarea
            id="ce-change-note"
            rows={3}
            aria-describedby={errors.changeNote ? 'ce-change-note-error' : undefined}
            {...register('changeNote')}
          />
          {errors.changeNote && (
            <span id="ce-change-note-error" className="ce-error">
              {errors.changeNote}
            </span>
          )}
        </div>
      </Section>
    </>
  );
}
