import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { TDossierDetail } from '@motcua/contracts';
import { Button, Card, ErrorBox } from '../../../components/ui';
import { useI18n, type MessageKey } from '../../../i18n/i18n';
import { DOSSIER_CONFLICT } from '../../dossiers/format';

export type ActionProps = {
  dossier: TDossierDetail;
  /** The dossier as the server answered it, and the action's title for the confirmation. */
  onDone(next: TDossierDetail, title: string): void;
  onReload(): void;
};

/** One form's fields in one state object (never a useState per field). */
export function useFields<T extends object>(initial: T) {
  const [v, setV] = useState(initial);
  return [v, (patch: Partial<T>) => setV((old) => ({ ...old, ...patch })), () => setV(initial)] as const;
}

/**
 * A card with one action's form: its own pending state, and the server's answer to a refusal (its message, in the
 * person's language; a stale version is told as "someone else changed it" with a reload).
 */
export function ActionCard({
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

export const reasonOf = (s: string) => (s.trim() ? { reason: s.trim() } : {});
