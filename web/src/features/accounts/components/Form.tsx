import { useId, type InputHTMLAttributes } from 'react';
import { Alert } from '../../../components/ui';
import { DateInput } from '../../../components/ui/DateInput';
import { useI18n } from '../../../i18n/i18n';

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

/** A labelled day typed as dd/mm/yyyy whatever the browser's language; `onValue` gets 'YYYY-MM-DD' or ''. */
export function DateField({
  label,
  hint,
  value,
  onValue,
  required,
}: {
  label: string;
  hint?: string;
  value: string;
  onValue: (value: string) => void;
  required?: boolean;
}) {
  const id = useId();
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <DateInput
        id={id}
        aria-describedby={hint ? `${id}-hint` : undefined}
        value={value}
        onChange={onValue}
        required={required}
        invalidMessage={t('app.dateInvalid')}
      />
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
