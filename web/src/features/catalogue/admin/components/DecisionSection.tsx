import { useI18n } from '../../../../i18n/i18n';
import { DateTextField, Section, TextField, type SectionProps } from './Fields';

/** The e-form definition (JSON, checked before saving), the announcing decision and the change note. */
export function DecisionSection({ state: s, set, errors }: SectionProps) {
  const { t } = useI18n();
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
            value={s.eform}
            aria-invalid={errors.eform ? true : undefined}
            aria-describedby={['ce-eform-hint', eformErr].filter(Boolean).join(' ')}
            onChange={(e) => set('eform', e.target.value)}
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
        <TextField
          id="ce-decision-number"
          label={t('catalogueAdmin.f.decisionNumber')}
          value={s.decisionNumber}
          onChange={(e) => set('decisionNumber', e.target.value)}
          error={errors.decisionNumber}
        />
        <DateTextField
          id="ce-decision-date"
          label={t('catalogueAdmin.f.decisionDate')}
          value={s.decisionDate}
          onValue={(v) => set('decisionDate', v)}
          error={errors.decisionDate}
        />
        <div className="field ce-wide">
          <label htmlFor="ce-change-note">{t('catalogueAdmin.f.changeNote')}</label>
          <textarea
            id="ce-change-note"
            rows={3}
            value={s.changeNote}
            aria-describedby={errors.changeNote ? 'ce-change-note-error' : undefined}
            onChange={(e) => set('changeNote', e.target.value)}
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
