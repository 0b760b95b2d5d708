import { useState, type FormEvent } from 'react';
import type { TImportRowError } from '@motcua/contracts';
import { Alert, Button, Table } from '../../../../components/ui';
import { useI18n } from '../../../../i18n/i18n';
import { ApiError } from '../../../../lib/api';
import { useImportCatalogue } from '../hooks';

/** Upload a JSON array or an .xlsx workbook; either every row is applied or none, with a row-by-row report. */
export function ImportForm() {
  const { t } = useI18n();
  const mutation = useImportCatalogue();
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    setLocalError(null);
    if (!file) return setLocalError(t('catalogueAdmin.import.noFile'));
    if (/\.xlsx$/i.test(file.name)) return mutation.mutate(file);
    let rows: unknown;
    try {
      rows = JSON.parse(await file.text());
    } catch (err) {
      return setLocalError(
        t('catalogueAdmin.import.notJson', { error: err instanceof Error ? err.message : '' }),
      );
    }
    if (!Array.isArray(rows)) return setLocalError(t('catalogueAdmin.import.notArray'));
    mutation.mutate(rows);
  };
  const err = mutation.error;
  const rowErrors =
    err instanceof ApiError && err.details && typeof err.details === 'object' && 'rows' in err.details
      ? ((err.details as { rows: TImportRowError[] }).rows ?? [])
      : null;

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="ce-import-title">
      <h2 id="ce-import-title">{t('catalogueAdmin.import.title')}</h2>
      <p className="muted" id="ce-import-help">
        {t('catalogueAdmin.import.help')}
      </p>
      <div className="field">
        <label htmlFor="ce-import-file">{t('catalogueAdmin.import.file')}</label>
        <input
          id="ce-import-file"
          type="file"
          accept=".json,.xlsx,application/json"
          aria-describedby="ce-import-help"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      {localError && <Alert kind="error">{localError}</Alert>}
      {err && (
        <Alert kind="error">
          <p>{err.message}</p>
          {rowErrors && rowErrors.length > 0 && (
            <Table
              className="ce-import-errors"
              caption={t('catalogueAdmin.import.report')}
              rows={rowErrors.map((r, i) => ({ ...r, i }))}
              rowKey={(r) => r.i}
              empty={null}
              columns={[
                { header: t('catalogueAdmin.import.row'), cell: (r) => r.row },
                { header: t('catalogue.code'), cell: (r) => r.code ?? '—' },
                { header: t('catalogueAdmin.import.problem'), cell: (r) => r.message },
              ]}
            />
          )}
          <p>{t('catalogueAdmin.import.nothingApplied')}</p>
        </Alert>
      )}
      {mutation.data && (
        <Alert kind="success">
          {t('catalogueAdmin.import.done', {
            created: mutation.data.created,
            updated: mutation.data.updated,
          })}
        </Alert>
      )}
      <Button type="submit" disabled={mutation.isPending}>
        {t('catalogueAdmin.import.submit')}
      </Button>
    </form>
  );
}
