import { useState, type ReactNode } from 'react';
import { Alert, Button, ErrorBox } from '../../../components/ui';

type Props = {
  title: string;
  submitLabel: string;
  /** Runs the action; returns the success message to show. */
  onSubmit: () => Promise<string>;
  children: ReactNode;
};

/** One action form of the results card: a heading, the fields, a submit button, the outcome (success or error). */
export function ActionForm({ title, submitLabel, onSubmit, children }: Props) {
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="stack"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        setDone(null);
        try {
          setDone(await onSubmit());
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <h3>{title}</h3>
      {done ? <Alert kind="success">{done}</Alert> : null}
      {children}
      <Button type="submit" disabled={busy}>
        {submitLabel}
      </Button>
      <ErrorBox error={error} />
    </form>
  );
}
