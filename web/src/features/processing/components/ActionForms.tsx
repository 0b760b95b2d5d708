import { useId, useState, type FormEvent, type ReactNode } from 'react';
import {
  APPRAISAL_PROPOSALS,
  RESULT_KINDS,
  SECOND_SUPPLEMENT_REASON,
  type TDossierDetail,
  type TSupplementItem,
  type TUploadedFile,
} from '@motcua/contracts';
import { Button, Card, ErrorBox, Field } from '../../../components/ui';
import { DateInput } from '../../../components/ui/DateInput';
import { useI18n, type MessageKey } from '../../../i18n/i18n';
import { FileField } from '../../dossiers/components/FileField';
import { processingApi } from '../api';
import { useAssignees } from '../hooks';
import type { OfficeAction } from '../model';
import { DOSSIER_CONFLICT } from '../../dossiers/format';

export type ActionProps = {
  dossier: TDossierDetail;
  /** The dossier as the server answered it, and the action's title for the confirmation. */
  onDone(next: TDossierDetail, title: string): void;
  onReload(): void;
};

/** One form's fields in one state object (never a useState per field). */
function useFields<T extends object>(initial: T) {
  const [v, setV] = useState(initial);
  return [v, (patch: Partial<T>) => setV((old) => ({ ...old, ...patch })), () => setV(initial)] as const;
}

/**
 * A card with one action's form: its own pending state, and the server's answer to a refusal (its message, in the
 * person's language; a stale version is told as "someone else changed it" with a reload).
 */
function ActionCard({
  title,
  lead,
  submit,
  variant = 'primary',
  onSubmit,
  onReload,
  children,
}: {
  title: MessageKey;
  lead?: MessageKey;
  submit: MessageKey;
  variant?: 'primary' | 'danger';
  onSubmit(): Promise<void>;
  onReload(): void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submitForm = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await onSubmit();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card className="proc-action">
      <form aria-labelledby={`${id}-t`} onSubmit={(e) => void submitForm(e)}>
        <h3 id={`${id}-t`}>{t(title)}</h3>
        {lead ? <p>{t(lead)}</p> : null}
        {children}
        <ErrorBox
          error={error}
          conflict={DOSSIER_CONFLICT}
          onReload={() => {
            setError(null);
            onReload();
          }}
        />
        <Button type="submit" variant={variant} disabled={busy} aria-busy={busy}>
          {t(submit)}
        </Button>
      </form>
    </Card>
  );
}

const reasonOf = (s: string) => (s.trim() ? { reason: s.trim() } : {});

export function AssignForm({ dossier, onDone, onReload, reassign }: ActionProps & { reassign?: boolean }) {
  const { t } = useI18n();
  const [f, set] = useFields({ handlerId: '', reason: '' });
  const assignees = useAssignees(dossier.id);
  const key = reassign ? 'reassign' : 'assign';
  return (
    <ActionCard
      title={`processing.${key}.title`}
      submit={`processing.${key}.submit`}
      onReload={onReload}
      onSubmit={async () => {
        const next = await processingApi.assign(dossier.id, {
          expectedVersion: dossier.version,
          handlerId: f.handlerId,
          ...reasonOf(f.reason),
        });
        onDone(next, t(`processing.${key}.title`));
      }}
    >
      <Field id={`${key}-handler`} label={t('processing.assign.handler')}>
        {(c) => (
          <>
            {assignees.isError ? <ErrorBox error={assignees.error} /> : null}
            <select
              {...c}
              required
              disabled={!assignees.data}
              value={f.handlerId}
              onChange={(e) => set({ handlerId: e.target.value })}
            >
              <option value="">
                {assignees.isPending ? t('app.loading') : t('processing.assign.choose')}
              </option>
              {assignees.data?.items.map((a) => (
                <option key={a.id} value={a.id}>
                  {t('processing.assign.option', { name: a.name, n: a.activeSteps })}
                </option>
              ))}
            </select>
          </>
        )}
      </Field>
      <Field id={`${key}-reason`} label={t(reassign ? 'processing.reason' : 'processing.reasonOptional')}>
        {(c) => (
          <textarea
            {...c}
            rows={2}
            required={reassign}
            value={f.reason}
            onChange={(e) => set({ reason: e.target.value })}
          />
        )}
      </Field>
    </ActionCard>
  );
}

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
      <Field id="appraise-opinion" label={t('processing.appraise.opinion')}>
        {(c) => (
          <textarea
            {...c}
            rows={4}
            required
            minLength={3}
            value={f.opinion}
            onChange={(e) => set({ opinion: e.target.value })}
          />
        )}
      </Field>
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

/** Forward (end of appraisal) or approve (approval step): the same call, an optional note. */
export function ForwardForm({ dossier, onDone, onReload, approve }: ActionProps & { approve?: boolean }) {
  const { t } = useI18n();
  const [f, set] = useFields({ reason: '' });
  const key = approve ? 'approve' : 'forward';
  return (
    <ActionCard
      title={`processing.${key}.title`}
      lead={`processing.${key}.lead`}
      submit={`processing.${key}.submit`}
      onReload={onReload}
      onSubmit={async () => {
        const next = await processingApi.forward(dossier.id, {
          expectedVersion: dossier.version,
          ...reasonOf(f.reason),
        });
        onDone(next, t(`processing.${key}.title`));
      }}
    >
      <Field id={`${key}-reason`} label={t('processing.reasonOptional')}>
        {(c) => (
          <textarea {...c} rows={2} value={f.reason} onChange={(e) => set({ reason: e.target.value })} />
        )}
      </Field>
    </ActionCard>
  );
}

export function ExtendForm({ dossier, onDone, onReload }: ActionProps) {
  const { t } = useI18n();
  const [f, set] = useFields({ workingDays: '1', reason: '' });
  return (
    <ActionCard
      title="processing.extend.title"
      lead="processing.extend.lead"
      submit="processing.extend.submit"
      onReload={onReload}
      onSubmit={async () => {
        const next = await processingApi.extend(dossier.id, {
          expectedVersion: dossier.version,
          workingDays: Number(f.workingDays),
          reason: f.reason,
        });
        onDone(next, t('processing.extend.title'));
      }}
    >
      <Field id="extend-days" label={t('processing.extend.days')}>
        {(c) => (
          <input
            {...c}
            type="number"
            inputMode="numeric"
            min={1}
            max={60}
            required
            value={f.workingDays}
            onChange={(e) => set({ workingDays: e.target.value })}
          />
        )}
      </Field>
      <Field id="extend-reason" label={t('processing.reason')}>
        {(c) => (
          <textarea
            {...c}
            rows={3}
            required
            minLength={3}
            value={f.reason}
            onChange={(e) => set({ reason: e.target.value })}
          />
        )}
      </Field>
    </ActionCard>
  );
}

export function ResultForm({ dossier, onDone, onReload }: ActionProps) {
  const { t } = useI18n();
  const [f, set] = useFields({
    kind: 'granted' as (typeof RESULT_KINDS)[number],
    summary: '',
    files: [] as TUploadedFile[],
  });
  return (
    <ActionCard
      title="processing.result.title"
      submit="processing.result.submit"
      onReload={onReload}
      onSubmit={async () => {
        const next = await processingApi.result(dossier.id, {
          expectedVersion: dossier.version,
          kind: f.kind,
          summary: f.summary,
          fileIds: f.files.map((x) => x.id),
        });
        onDone(next, t('processing.result.title'));
      }}
    >
      <fieldset>
        <legend>{t('processing.result.kind')}</legend>
        {RESULT_KINDS.map((k) => (
          <div className="field-check" key={k}>
            <input
              id={`result-kind-${k}`}
              type="radio"
              name="result-kind"
              checked={f.kind === k}
              onChange={() => set({ kind: k })}
            />
            <label htmlFor={`result-kind-${k}`}>{t(`processing.result.kind.${k}`)}</label>
          </div>
        ))}
      </fieldset>
      <Field id="result-summary" label={t('processing.result.summary')}>
        {(c) => (
          <textarea
            {...c}
            rows={2}
            required
            minLength={3}
            value={f.summary}
            onChange={(e) => set({ summary: e.target.value })}
          />
        )}
      </Field>
      <FileField
        id="result-file"
        label={t('processing.result.file')}
        files={f.files}
        onChange={(files) => set({ files })}
      />
    </ActionCard>
  );
}

export function ReturnForm({ dossier, onDone, onReload }: ActionProps) {
  const { t } = useI18n();
  const [f, set] = useFields({
    collectedBy: dossier.applicant.name,
    authorisation: '',
    originalsReturned: false,
  });
  return (
    <ActionCard
      title="processing.return.title"
      submit="processing.return.submit"
      onReload={onReload}
      onSubmit={async () => {
        const next = await processingApi.returnResult(dossier.id, {
          expectedVersion: dossier.version,
          collectedBy: f.collectedBy,
          originalsReturned: f.originalsReturned,
          ...(f.authorisation.trim() ? { authorisation: f.authorisation.trim() } : {}),
        });
        onDone(next, t('processing.return.title'));
      }}
    >
      <Field id="return-collected" label={t('processing.return.collectedBy')}>
        {(c) => (
          <input
            {...c}
            required
            minLength={2}
            autoComplete="name"
            value={f.collectedBy}
            onChange={(e) => set({ collectedBy: e.target.value })}
          />
        )}
      </Field>
      <Field id="return-authorisation" label={t('processing.return.authorisation')}>
        {(c) => (
          <input {...c} value={f.authorisation} onChange={(e) => set({ authorisation: e.target.value })} />
        )}
      </Field>
      <div className="field-check">
        <input
          id="return-originals"
          type="checkbox"
          checked={f.originalsReturned}
          onChange={(e) => set({ originalsReturned: e.target.checked })}
        />
        <label htmlFor="return-originals">{t('processing.return.originals')}</label>
      </div>
    </ActionCard>
  );
}

/**
 * An action that takes only a reason: back to the previous step (the earlier step's handler gets it again), or the
 * desk recording the applicant's request to stop (TT 03/2025 Mẫu 05; processing ends).
 */
const REASON_ACTIONS = {
  stepBack: { id: 'stepback', label: 'processing.reason', send: processingApi.stepBack },
  stop: { id: 'stop', label: 'processing.stop.reason', send: processingApi.stop },
} as const;

function ReasonForm({
  dossier,
  onDone,
  onReload,
  kind,
}: ActionProps & { kind: keyof typeof REASON_ACTIONS }) {
  const { t } = useI18n();
  const [f, set] = useFields({ reason: '' });
  const a = REASON_ACTIONS[kind];
  return (
    <ActionCard
      title={`processing.${kind}.title`}
      lead={`processing.${kind}.lead`}
      submit={`processing.${kind}.submit`}
      variant="danger"
      onReload={onReload}
      onSubmit={async () => {
        const next = await a.send(dossier.id, { expectedVersion: dossier.version, reason: f.reason });
        onDone(next, t(`processing.${kind}.title`));
      }}
    >
      <Field id={`${a.id}-reason`} label={t(a.label)}>
        {(c) => (
          <textarea
            {...c}
            rows={2}
            required
            minLength={3}
            value={f.reason}
            onChange={(e) => set({ reason: e.target.value })}
          />
        )}
      </Field>
    </ActionCard>
  );
}

/** The form of each action the workspace may offer. */
export function ActionForm({ action, ...props }: ActionProps & { action: OfficeAction }) {
  switch (action) {
    case 'assign':
      return <AssignForm {...props} />;
    case 'reassign':
      return <AssignForm {...props} reassign />;
    case 'appraise':
      return <AppraiseForm {...props} />;
    case 'requestSupplement':
      return <SupplementForm {...props} />;
    case 'forward':
      return <ForwardForm {...props} />;
    case 'approve':
      return <ForwardForm {...props} approve />;
    case 'extend':
      return <ExtendForm {...props} />;
    case 'result':
      return <ResultForm {...props} />;
    case 'return':
      return <ReturnForm {...props} />;
    case 'stepBack':
      return <ReasonForm {...props} kind="stepBack" />;
    case 'stop':
      return <ReasonForm {...props} kind="stop" />;
  }
}
