import { ErrorBox, Field, ReasonField } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { processingApi } from '../api';
import { useAssignees } from '../hooks';
import { ActionCard, reasonOf, useFields, type ActionProps } from './ActionCard';

/**
 * Moving a dossier along its steps: assigning it, forwarding or approving, extending the deadline, stepping back
 * or stopping.
 */
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
      <ReasonField
        id="extend-reason"
        label={t('processing.reason')}
        value={f.reason}
        onChange={(reason) => set({ reason })}
      />
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

export function ReasonForm({
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
      <ReasonField
        id={`${a.id}-reason`}
        label={t(a.label)}
        rows={2}
        value={f.reason}
        onChange={(reason) => set({ reason })}
      />
    </ActionCard>
  );
}
