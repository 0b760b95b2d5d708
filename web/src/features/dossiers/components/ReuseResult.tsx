import { useState } from 'react';
import type { TUploadedFile } from '@motcua/contracts';
import { Button } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { dossiersApi } from '../api';
import { useMyResults } from '../hooks';

/**
 * Beside a file field: attach one of the citizen's signed results from their store (001 Đ22.2) instead of uploading
 * it again. Shown only to someone with results.
 */
export function ReuseResult({
  id,
  label,
  onPick,
}: {
  id: string;
  label: string;
  onPick(f: TUploadedFile): void;
}) {
  const { t } = useI18n();
  const results = useMyResults();
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const items = results.data?.items ?? [];
  if (items.length === 0) return null;
  const use = async () => {
    setBusy(true);
    setProblem(null);
    try {
      onPick(await dossiersApi.reuseResult(chosen));
      setChosen('');
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="reuse-result">
      <label htmlFor={`${id}-reuse`}>{t('dossiers.results.reuseLabel', { name: label })}</label>
      <select id={`${id}-reuse`} value={chosen} onChange={(e) => setChosen(e.target.value)}>
        <option value="">{t('dossiers.results.reuseNone')}</option>
        {items.map((r) => (
          <option key={r.id} value={r.id}>
            {r.documentNumber} — {r.procedureName} ({r.dossierCode})
          </option>
        ))}
      </select>{' '}
      <Button type="button" variant="secondary" disabled={!chosen || busy} onClick={() => void use()}>
        {busy ? t('dossiers.results.reusing') : t('dossiers.results.reuse')}
      </Button>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
