import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { TScheduleError } from '@motcua/contracts';
import { Alert, Button } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/api';
import { useImportSchedule } from '../hooks';

/** Paste or upload a year's official schedule; the server's parser errors are listed one by one. */
export function ScheduleImport() {
  const { t, locale } = useI18n();
  const mutation = useImportSchedule();
  const [text, setText] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) setText(await file.text());
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      setLocalError(
        t('calendar.import.notJson', { error: err instanceof Error ? err.message : String(err) }),
      );
      return;
    }
    const year = (json as { year?: unknown } | null)?.year;
    if (typeof year !== 'number' || !Number.isInteger(year)) {
      setLocalError(t('calendar.import.noYear'));
      return;
    }
    setLocalError(null);
    mutation.mutate({ year, json });
  };
  const err = mutation.error;
  const details =
    err instanceof ApiError && Array.isArray(err.details) ? (err.details as TScheduleError[]) : null;

  return (
    <form onSubmit={submit} aria-labelledby="import-title">
      <h2 id="import-title">{t('calendar.import.title')}</h2>
      <p className="muted">{t('calendar.import.help')}</p>
      <label htmlFor="import-file">{t('calendar.import.file')}</label>
      <input id="import-file" type="file" accept="application/json,.json" onChange={onFile} />
      <label htmlFor="import-json">{t('calendar.import.json')}</label>
      <textarea
        id="import-json"
        rows={8}
        value={text}
        onChange={(e) => setText(e.target.value)}
        spellCheck={false}
      />
      {localError && <Alert kind="error">{localError}</Alert>}
      {details ? (
        <Alert kind="error">
          <p>{t('calendar.import.errors')}</p>
          <ul>
            {details.map((d, i) => (
              <li key={i}>
                {d.path && <code>{d.path}</code>} {locale === 'en' ? d.en : d.vi}
              </li>
            ))}
          </ul>
        </Alert>
      ) : (
        err && <Alert kind="error">{err.message}</Alert>
      )}
      {mutation.data && (
        <Alert kind="success">
          {t('calendar.import.done', {
            year: mutation.data.year,
            off: mutation.data.daysOff.length,
            work: mutation.data.workingDays.length,
          })}
        </Alert>
      )}
      <Button type="submit" disabled={mutation.isPending || text.trim() === ''}>
        {t('calendar.import.submit')}
      </Button>
    </form>
  );
}
