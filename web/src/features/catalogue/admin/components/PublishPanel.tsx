import { useState } from 'react';
import type { TProcedureInput } from '@motcua/contracts';
import { Alert, Button, Card } from '../../../../components/ui';
import { useI18n } from '../../../../i18n/i18n';
import type { EditorState } from '../editor-model';
import { DateTextField, TextField } from './Fields';

/**
 * Publishing with the announcing decision: the person confirms the decision number and date, then what is on screen
 * is saved as the draft and published. `onPublish` belongs to the page: the editor is re-mounted with the new version.
 */
export function PublishPanel({
  state,
  set,
  prepare,
  onError,
  onPublish,
}: {
  state: EditorState;
  set: <K extends keyof EditorState>(key: K, value: EditorState[K]) => void;
  prepare: () => TProcedureInput | null;
  onError: (e: unknown) => void;
  onPublish: (input: TProcedureInput, effectiveFrom?: string) => Promise<unknown>;
}) {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [missing, setMissing] = useState(false);
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const confirm = () => {
    if (!state.decisionNumber.trim() || !state.decisionDate) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const input = prepare();
    if (!input) return;
    setPending(true);
    setFailed(null);
    onPublish(input, effectiveFrom || undefined)
      .then(() => setConfirming(false))
      .catch((e: unknown) => {
        setFailed(e instanceof Error ? e.message : t('app.error'));
        onError(e);
      })
      .finally(() => setPending(false));
  };
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
          <TextField
            id="pub-decision-number"
            label={t('catalogueAdmin.publish.number')}
            value={state.decisionNumber}
            required
            onChange={(e) => set('decisionNumber', e.target.value)}
            error={missing && !state.decisionNumber.trim() ? t('catalogueAdmin.publish.required') : undefined}
          />
          <DateTextField
            id="pub-decision-date"
            label={t('catalogueAdmin.publish.date')}
            value={state.decisionDate}
            required
            onValue={(v) => set('decisionDate', v)}
            error={missing && !state.decisionDate ? t('catalogueAdmin.publish.required') : undefined}
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
