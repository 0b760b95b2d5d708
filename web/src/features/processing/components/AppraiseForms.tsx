import { useState } from 'react';
import { APPRAISAL_PROPOSALS, SECOND_SUPPLEMENT_REASON, type TSupplementItem } from '@motcua/contracts';
import { Button, Field, ReasonField } from '../../../components/ui';
import { DateInput } from '../../../components/ui/DateInput';
import { useI18n } from '../../../i18n/i18n';
import { processingApi } from '../api';
import { ActionCard, useFields, type ActionProps } from './ActionCard';

/** The appraisal step: the appraiser's opinion, or a supplement request (Mẫu 02). */
export function AppraiseForm({ dossier, onDone, onReload }: ActionProps) {
  const { t } = useI18n();
  const [f, set] = useFields({
    opinion: '',
    proposal: 'approve' as (typeof APPRAISAL_PROPOSALS)[number],
    withRecord: false,
    at: '',
    place: '',
    participants: '',
    content: '',
  });
  return (
    <ActionCard
      title="processing.appraise.title"
      submit="processing.appraise.submit"
      onReload={onReload}
      onSubmit={async () => {
        const next = await processingApi.appraise(dossier.id, {
          expectedVersion: dossier.version,
          opinion: f.opinion,
          proposal: f.proposal,
          ...(f.withRecord
            ? {
                verification: {
                  // The officer types Việt Nam's wall time (dd/mm/yyyy HH:MM); the record keeps its offset.
                  at: `${f.at.length === 16 ? `${f.at}:00` : f.at}+07:00`,
                  place: f.place,
                  participants: f.participants
                    .split('\n')
                    .map((p) => p.trim())
                    .filter(Boolean),
                  content: f.content,
                },
              }
            : {}),
        });
        onDone(next, t('processing.appraise.title'));
      }}
    >
      <ReasonField
        id="appraise-opinion"
        label={t('processing.appraise.opinion')}
        rows={4}
        value={f.opinion}
        onChange={(opinion) => set({ opinion })}
      />
      <fieldset>
        <legend>{t('processing.appraise.proposal')}</legend>
        {APPRAISAL_PROPOSALS.map((p) => (
          <div className="field-check" key={p}>
            <input
              id={`appraise-proposal-${p}`}
              type="radio"
              name="appraise-proposal"
              checked={f.proposal === p}
              onChange={() => set({ proposal: p })}
            />
            <label htmlFor={`appraise-proposal-${p}`}>{t(`processing.appraise.proposal.${p}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="field-check">
        <input
          id="appraise-with-record"
          type="checkbox"
          checked={f.withRecord}
          onChange={(e) => set({ withRecord: e.target.checked })}
        />
        <label htmlFor="appraise-with-record">{t('processing.appraise.withRecord')}</label>
      </div>
      {f.withRecord ? (
        <fieldset>
          <legend>{t('processing.appraise.record')}</legend>
          <Field id="record-at" label={t('processing.appraise.recordAt')}>
            {(c) => (
              <DateInput
                {...c}
                withTime
                required
                value={f.at}
                onChange={(at) => set({ at })}
                invalidMessage={t('app.dateTimeInvalid')}
              />
            )}
          </Field>
          <Field id="record-place" label={t('processing.appraise.recordPlace')}>
            {(c) => (
              <input {...c} required value={f.place} onChange={(e) => set({ place: e.target.value })} />
            )}
          </Field>
          <Field id="record-participants" label={t('processing.appraise.recordParticipants')}>
            {(c) => (
              <textarea
                {...c}
                rows={3}
                required
                value={f.participants}
                onChange={(e) => set({ participants: e.target.value })}
              />
            )}
          </Field>
          <Field id="record-content" label={t('processing.appraise.recordContent')}>
            {(c) => (
              <textarea
                {...c}
                rows={4}
                required
                value={f.content}
                onChange={(e) => set({ content: e.target.value })}
              />
            )}
          </Field>
        </fieldset>
      ) : null}
    </ActionCard>
  );
}

const emptyItem = (): TSupplementItem => ({
  componentCode: null,
  component: '',
  problem: 'missing',
  reason: '',
  guidance: '',
});

/** Mẫu 02 during appraisal: every item at once; the components are the dossier's, picked rather than typed. */
export function SupplementForm({ dossier, onDone, onReload }: ActionProps) {
  const { t } = useI18n();
  const [items, setItems] = useState<TSupplementItem[]>([emptyItem()]);
  const [newDefect, setNewDefect] = useState(false);
  const components = [
    ...new Map(dossier.attachments.map((a) => [a.componentCode, a.componentName])).entries(),
  ];
  const update = (i: number, patch: Partial<TSupplementItem>) =>
    setItems((all) => all.map((it, j) => (j === i ? { ...it, ...patch } : it)));
  const earlier = dossier.events.some(
    (e) => e.type === 'supplement_requested' && (e.data as { stage?: string }).stage === 'processing',
  );
  return (
    <ActionCard
      title="processing.supplement.title"
      lead="processing.supplement.lead"
      submit="processing.supplement.submit"
      onReload={onReload}
      onSubmit={async () => {
        const next = await processingApi.requestSupplement(dossier.id, {
          expectedVersion: dossier.version,
          items,
          ...(newDefect ? { reason: SECOND_SUPPLEMENT_REASON } : {}),
        });
        onDone(next, t('processing.supplement.title'));
      }}
    >
      {items.map((it, i) => (
        <fieldset key={i} className="sup-item">
          <legend>{t('dossiers.decide.itemN', { n: i + 1 })}</legend>
          <Field id={`psup-${i}-component`} label={t('dossiers.decide.component')}>
            {(c) => (
              <>
                <select
                  {...c}
                  required
                  value={it.componentCode ?? ''}
                  onChange={(e) =>
                    update(i, {
                      componentCode: e.target.value || null,
                      component: components.find(([c]) => c === e.target.value)?.[1] ?? '',
                    })
                  }
                >
                  <option value="">—</option>
                  {components.map(([code, name]) => (
                    <option key={code} value={code}>
                      {name}
                    </option>
                  ))}
                </select>
              </>
            )}
          </Field>
          <Field id={`psup-${i}-problem`} label={t('dossiers.decide.problem')}>
            {(c) => (
              <>
                <select
                  {...c}
                  value={it.problem}
                  onChange={(e) =>
                    update(i, { problem: e.target.value === 'defective' ? 'defective' : 'missing' })
                  }
                >
                  <option value="missing">{t('dossiers.item.missing')}</option>
                  <option value="defective">{t('dossiers.item.defective')}</option>
                </select>
              </>
            )}
          </Field>
          <Field id={`psup-${i}-reason`} label={t('dossiers.item.reason')}>
            {(c) => (
              <textarea
                {...c}
                rows={2}
                required
                value={it.reason}
                onChange={(e) => update(i, { reason: e.target.value })}
              />
            )}
          </Field>
          <Field id={`psup-${i}-guidance`} label={t('dossiers.item.guidance')}>
            {(c) => (
              <textarea
                {...c}
                rows={2}
                required
                value={it.guidance}
                onChange={(e) => update(i, { guidance: e.target.value })}
              />
            )}
          </Field>
          {items.length > 1 ? (
            <Button
              type="button"
              variant="secondary"
              onClick={() => setItems((all) => all.filter((_, j) => j !== i))}
            >
              {t('dossiers.decide.removeItem', { n: i + 1 })}
            </Button>
          ) : null}
        </fieldset>
      ))}
      <p>
        <Button type="button" variant="secondary" onClick={() => setItems((all) => [...all, emptyItem()])}>
          {t('dossiers.decide.addItem')}
        </Button>
      </p>
      {earlier ? (
        <div className="field-check">
          <input
            id="psup-new-defect"
            type="checkbox"
            checked={newDefect}
            onChange={(e) => setNewDefect(e.target.checked)}
          />
          <label htmlFor="psup-new-defect">{t('processing.supplement.newDefect')}</label>
        </div>
      ) : null}
    </ActionCard>
  );
}
