import { useId, type InputHTMLAttributes } from 'react';
import { Alert } from '../../../components/ui';

/** A labelled input; the hint is tied to the input for screen readers. */
export function Field({
  label,
  hint,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
    </div>
  );
}

/** The server's message is already in the person's language and says what to do. */
export function ErrorBox({ error }: { error: unknown }) {
  if (!error) return null;
  return <Alert kind="error">{error instanceof Error ? error.message : String(error)}</Alert>;
}
