import { RESULT_KINDS, type TUploadedFile } from '@motcua/contracts';
import { Field, ReasonField } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { FileField } from '../../dossiers/components/FileField';
import { processingApi } from '../api';
import { ActionCard, useFields, type ActionProps } from './ActionCard';

/** The end of processing: the result issued, or the dossier returned to the applicant. */
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
      <ReasonField
        id="result-summary"
        label={t('processing.result.summary')}
        rows={2}
        value={f.summary}
        onChange={(summary) => set({ summary })}
      />
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
