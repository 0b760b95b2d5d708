import './ui.css';
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { DateInput } from './DateInput';

/** What a control inside a Field spreads on itself: its id and the ARIA links to the hint and the error. */
export type ControlProps = {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
};

type FieldProps = {
  label: ReactNode;
  hint?: ReactNode;
  /** The field's error, in the person's language; tied to the control with aria-describedby and aria-invalid. */
  error?: string | null;
  /** Marks the label "(bắt buộc)" and sets aria-required on the control. */
  required?: boolean;
  /** A fixed id for the control (pages whose links or journeys name it); otherwise a generated one. */
  id?: string;
  /** A checkbox goes before its label. */
  check?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
};

/** One labelled control: label, required mark, hint and error, each wired to the control for screen readers. */
export function Field({ label, hint, error, required, id, check, className, children }: FieldProps) {
  const { t } = useI18n();
  const generated = useId();
  const controlId = id ?? generated;
  const describedBy = [hint ? `${controlId}-hint` : '', error ? `${controlId}-err` : '']
    .filter(Boolean)
    .join(' ');
  const control = children({
    id: controlId,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(error ? { 'aria-invalid': true as const } : {}),
    ...(required ? { 'aria-required': true as const } : {}),
  });
  return (
    <div className={`field ${check ? 'field-check' : ''} ${className ?? ''}`}>
      {check ? control : null}
      <label htmlFor={controlId}>
        {label}
        {required ? <span className="required"> ({t('app.required')})</span> : null}
      </label>
      {hint ? (
        <small id={`${controlId}-hint`} className="hint">
          {hint}
        </small>
      ) : null}
      {check ? null : control}
      {error ? (
        <p id={`${controlId}-err`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled text input (the input's own `required` stays on the input; no mark is added to the label). */
export function InputField({
  label,
  hint,
  error,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; error?: string | null }) {
  return (
    <Field label={label} hint={hint} error={error} id={input.id}>
      {(control) => <input {...input} {...control} />}
    </Field>
  );
}

/** A labelled day typed as dd/mm/yyyy whatever the browser's language; `onValue` gets 'YYYY-MM-DD' or ''. */
export function DateField({
  label,
  hint,
  value,
  onValue,
  required,
  error,
}: {
  label: string;
  hint?: string;
  value: string;
  onValue: (value: string) => void;
  required?: boolean;
  error?: string | null;
}) {
  const { t } = useI18n();
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <DateInput
          {...control}
          value={value}
          onChange={onValue}
          required={required}
          invalidMessage={t('app.dateInvalid')}
        />
      )}
    </Field>
  );
}

/**
 * A reason someone must write (a refusal, an extension, an opinion, an outcome): a required textarea of at least 3
 * characters, as the server asks of every reason. The label stays unmarked, like the fields it replaced.
 */
export function ReasonField({
  id,
  label,
  value,
  onChange,
  rows = 3,
  hint,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  hint?: string;
  error?: string | null;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <textarea
          {...control}
          rows={rows}
          required
          minLength={3}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
