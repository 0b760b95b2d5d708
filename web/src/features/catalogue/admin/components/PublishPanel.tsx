import { useState } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { Alert, Button, Card } from '../../../../components/ui';
import { useI18n } from '../../../../i18n/i18n';
import type { EditorState } from '../editor-model';
import { DateTextField, TextField } from './Fields';

/**
 * Publishing with the announcing decision: the person confirms the decision number and date (the editor's own
 * fields, so both places show the same), then what is on screen is saved as the draft and published. `publish`
 * belongs to the editor: it validates the form; the page re-mounts the editor with the new version.
 */
export function PublishPanel({
  publish,
}: {
  publish: (effectiveFrom?: string) => Promise<{ ok: boolean; failed?: string }>;
}) {
  const { t } = useI18n();
  const { control, getValues } = useFormContext<EditorState>();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [missing, setMissing] = useState(false);
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const confirm = () => {
    const { decisionNumber, decisionDate } = getValues();
    if (!decisionNumber.trim() || !decisionDate) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setPending(true);
    setFailed(null);
    void publish(effectiveFrom || undefined)
      .then((r) => {
        if (r.ok) setConfirming(false);
        else if (r.failed) setFailed(r.failed);
      })
      .finally(() => setPending(false));
  };
  const required = (v: string) => (missing && !v.trim() ? t('catalogueAdmin.publish.required') : undefined);
  return (
    <Card>
      <h2 id="ce-publish-title">{t('catalogueAdmin.publish.title')}</h2>
      <p className="muted">{t('catalogueAdmin.publish.help')}</p>
      {!confirming ? (
        <Button type="button" onClick={() => setConfirming(true)}>
          {t('catalogueAdmin.publish.start')}
        </Button>
      ) : (
        <div role="group" aria-labelledby="ce-publish-title">
          <Controller
            control={control}
            name="decisionNumber"
            render={({ field }) => (
              <TextField
                id="pub-decision-number"
                label={t('catalogueAdmin.publish.number')}
                value={field.value}
                required
                onChange={field.onChange}
                error={required(field.value)}
              />
            )}
          />
          <Controller
            control={control}
            name="decisionDate"
            render={({ field }) => (
              <DateTextField
                id="pub-decision-date"
                label={t('catalogueAdmin.publish.date')}
                value={field.value}
                required
                onValue={field.onChange}
                error={required(field.value)}
              />
            )}
          />
          <DateTextField
            id="pub-effective-from"
            label={t('catalogueAdmin.publish.effectiveFrom')}
            value={effectiveFrom}
            hint={t('catalogueAdmin.publish.effectiveHint')}
            onValue={setEffectiveFrom}
          />
          {failed && <Alert kind="error">{failed}</Alert>}
          <div className="row">
            <Button type="button" onClick={confirm} disabled={pending}>
              {t('catalogueAdmin.publish.confirm')}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              {t('catalogueAdmin.cancel')}
            </Button>
          </div>
        </div>
      )}
    </Card>
  );
}
