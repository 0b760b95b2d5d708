import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { Button } from '../../../../components/ui';
import { DateInput } from '../../../../components/ui/DateInput';
import { useI18n } from '../../../../i18n/i18n';
import type { FieldErrors } from '../editor-model';

/** What every editor section gets besides the form (its context): the errors placed at sections. */
export type SectionProps = { errors: FieldErrors };

const errId = (id: string) => `${id}-error`;

/** A fieldset whose error (if any) is announced with it through aria-describedby. */
export function Section({
  id,
  legend,
  error,
  children,
}: {
  id: string;
  legend: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <fieldset id={id} className="ce-section" aria-describedby={error ? errId(id) : undefined}>
      <legend>{legend}</legend>
      {error && (
        <p id={errId(id)} className="ce-error">
          {error}
        </p>
      )}
      {children}
    </fieldset>
  );
}

/** A labelled input; its error is linked with aria-describedby and marks it invalid. */
export function TextField({
  id,
  label,
  error,
  hint,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  ref?: Ref<HTMLInputElement>;
}) {
  const described = [hint ? `${id}-hint` : '', error ? errId(id) : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        {...input}
      />
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errId(id)} className="ce-error">
          {error}
        </span>
      )}
    </div>
  );
}

/** A {@link TextField} for a day: typed as dd/mm/yyyy in every locale; `onValue` gets 'YYYY-MM-DD' or ''. */
export function DateTextField({
  id,
  label,
  error,
  hint,
  required,
  value,
  onValue,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  value: string;
  onValue: (value: string) => void;
}) {
  const { t } = useI18n();
  const described = [hint ? `${id}-hint` : '', error ? errId(id) : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <DateInput
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        required={required}
        value={value}
        onChange={onValue}
        invalidMessage={t('app.dateInvalid')}
      />
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errId(id)} className="ce-error">
          {error}
        </span>
      )}
    </div>
  );
}

/** Checkboxes for a set of values (levels, methods). */
export function CheckGroup<V extends string>({
  id,
  legend,
  options,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  options: { value: V; label: string }[];
  value: V[];
  onChange: (v: V[]) => void;
  error?: string;
}) {
  return (
    <Section id={id} legend={legend} error={error}>
      {options.map((o) => (
        <label key={o.value} className="check">
          <input
            type="checkbox"
            checked={value.includes(o.value)}
            onChange={(e) =>
              onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))
            }
          />
          {o.label}
        </label>
      ))}
    </Section>
  );
}

/** Rows that can be added, removed and reordered; `render` draws the inputs of one row. */
export function Rows<T>({
  id,
  legend,
  items,
  onChange,
  blank,
  error,
  render,
}: {
  id: string;
  legend: string;
  items: T[];
  onChange: (items: T[]) => void;
  blank: () => T;
  error?: string;
  render: (item: T, set: (v: T) => void, index: number) => ReactNode;
}) {
  const { t } = useI18n();
  const move = (i: number, d: -1 | 1) => {
    const next = [...items];
    [next[i], next[i + d]] = [next[i + d] as T, next[i] as T];
    onChange(next);
  };
  return (
    <Section id={id} legend={legend} error={error}>
      <ol className="ce-rows">
        {items.map((item, i) => (
          <li key={i} className="ce-row">
            {render(item, (v) => onChange(items.map((x, j) => (j === i ? v : x))), i)}
            <div className="ce-row-actions">
              <Button
                type="button"
                variant="secondary"
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={t('catalogueAdmin.rows.up', { legend, n: i + 1 })}
              >
                ↑
              </Button>
              <Button
                type="button"
                variant="secondary"
                disabled={i === items.length - 1}
                onClick={() => move(i, 1)}
                aria-label={t('catalogueAdmin.rows.down', { legend, n: i + 1 })}
              >
                ↓
              </Button>
              <Button
                type="button"
                variant="secondary"
                onClick={() => onChange(items.filter((_, j) => j !== i))}
                aria-label={t('catalogueAdmin.rows.remove', { legend, n: i + 1 })}
              >
                {t('catalogueAdmin.rows.removeShort')}
              </Button>
            </div>
          </li>
        ))}
      </ol>
      <Button type="button" variant="secondary" onClick={() => onChange([...items, blank()])}>
        {t('catalogueAdmin.rows.add', { legend })}
      </Button>
    </Section>
  );
}

/** A list of one-line texts (steps, subjects, results, conditions). */
export function TextRows({
  id,
  legend,
  items,
  onChange,
  error,
  multiline = false,
}: {
  id: string;
  legend: string;
  items: string[];
  onChange: (items: string[]) => void;
  error?: string;
  multiline?: boolean;
}) {
  return (
    <Rows
      id={id}
      legend={legend}
      items={items}
      onChange={onChange}
      blank={() => ''}
      error={error}
      render={(item, set, i) => (
        <div className="field ce-grow">
          <label htmlFor={`${id}-${i}`}>{`${legend} ${i + 1}`}</label>
          {multiline ? (
            <textarea id={`${id}-${i}`} rows={2} value={item} onChange={(e) => set(e.target.value)} />
          ) : (
            <input id={`${id}-${i}`} value={item} onChange={(e) => set(e.target.value)} />
          )}
        </div>
      )}
    />
  );
}
