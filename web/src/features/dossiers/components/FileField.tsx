import { useState } from 'react';
import type { TUploadedFile } from '@motcua/contracts';
import { Button } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { uploadFile } from '../api';
import { ACCEPT, checkFile } from '../files-model';
import { ReuseResult } from './ReuseResult';

type Props = {
  id: string;
  label: string;
  files: TUploadedFile[];
  onChange(files: TUploadedFile[]): void;
  required?: boolean;
  error?: string | null;
};

/** Picks, checks (type by content, size) and uploads files for one dossier component; problems are announced. */
export function FileField({ id, label, files, onChange, required, error }: Props) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const pick = async (list: FileList | null) => {
    if (!list) return;
    setProblem(null);
    const added: TUploadedFile[] = [];
    for (const file of Array.from(list)) {
      const p = await checkFile(file);
      if (p) {
        setProblem(
          p.kind === 'type'
            ? t('dossiers.files.errorType', { name: file.name })
            : t('dossiers.files.errorSize', { name: file.name, limit: p.limitMb }),
        );
        continue;
      }
      setBusy(file.name);
      try {
        added.push(await uploadFile(file));
      } catch (err) {
        setProblem(err instanceof Error ? err.message : String(err));
      } finally {
        setBusy(null);
      }
    }
    if (added.length) onChange([...files, ...added]);
  };
  const message = problem ?? error ?? null;
  return (
    <div className="field file-field">
      <label htmlFor={id}>
        {t('dossiers.files.add', { name: label })}
        {required ? <span className="required"> ({t('dossiers.submit.required')})</span> : null}
      </label>
      <small id={`${id}-hint`} className="hint">
        {t('dossiers.files.hint')}
      </small>
      <input
        id={id}
        type="file"
        multiple
        accept={ACCEPT}
        aria-describedby={`${id}-hint${message ? ` ${id}-err` : ''}`}
        aria-invalid={message ? true : undefined}
        onChange={(e) => {
          void pick(e.target.files);
          e.target.value = '';
        }}
      />
      <ReuseResult id={id} label={label} onPick={(f) => onChange([...files, f])} />
      {busy ? <p role="status">{t('dossiers.files.uploading', { name: busy })}</p> : null}
      {message ? (
        <p id={`${id}-err`} className="field-error" role="alert">
          {message}
        </p>
      ) : null}
      {files.length ? (
        <ul className="file-list">
          {files.map((f) => (
            <li key={f.id}>
              {f.name}{' '}
              <Button
                type="button"
                variant="secondary"
                aria-label={t('dossiers.files.remove', { name: f.name })}
                onClick={() => onChange(files.filter((x) => x.id !== f.id))}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
