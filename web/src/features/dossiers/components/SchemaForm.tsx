import { useI18n } from '../../../i18n/i18n';
import type { FieldError, FieldSchema, FormSchema, FormValues } from './schema-form-model';

type Props = {
  schema: FormSchema;
  values: FormValues;
  errors: Record<string, FieldError>;
  onChange(values: FormValues): void;
  idPrefix?: string;
};

/**
 * Renders a procedure's e-form: every field labelled, required ones marked, each error tied to its field with
 * aria-describedby and aria-invalid so screen readers announce it on focus.
 */
export function SchemaForm({ schema, values, errors, onChange, idPrefix = 'ef' }: Props) {
  const { t } = useI18n();
  const required = new Set(schema.required ?? []);
  const set = (name: string, v: unknown) => onChange({ ...values, [name]: v });
  return (
    <div className="schema-form">
      {Object.entries(schema.properties).map(([name, field]) => {
        const id = `${idPrefix}-${name}`;
        const label = field.title ?? name;
        const err = errors[name];
        const describedBy = [field.description ? `${id}-desc` : '', err ? `${id}-err` : '']
          .filter(Boolean)
          .join(' ');
        const common = {
          id,
          name,
          'aria-invalid': err ? true : undefined,
          'aria-describedby': describedBy || undefined,
          'aria-required': required.has(name) || undefined,
        };
        return (
          <div className={`field ${field.type === 'boolean' ? 'field-check' : ''}`} key={name}>
            {field.type === 'boolean' ? (
              <input
                type="checkbox"
                {...common}
                checked={values[name] === true}
                onChange={(e) => set(name, e.target.checked)}
              />
            ) : null}
            <label htmlFor={id}>
              {label}
              {required.has(name) ? (
                <span className="required"> ({t('dossiers.submit.required')})</span>
              ) : null}
            </label>
            {field.description ? (
              <small id={`${id}-desc`} className="hint">
                {field.description}
              </small>
            ) : null}
            {field.type !== 'boolean' ? (
              <Control field={field} common={common} value={values[name]} set={set} />
            ) : null}
            {err ? (
              <p id={`${id}-err`} className="field-error">
                {fieldErrorText(t, label, err)}
              </p>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

function Control({
  field,
  common,
  value,
  set,
}: {
  field: FieldSchema;
  common: { id: string; name: string };
  value: unknown;
  set(name: string, v: unknown): void;
}) {
  const { t } = useI18n();
  const v = value === undefined || value === null ? '' : String(value);
  if (field.enum)
    return (
      <select {...common} value={v} onChange={(e) => set(common.name, e.target.value)}>
        <option value="">{t('dossiers.form.choose')}</option>
        {field.enum.map((opt, i) => (
          <option key={String(opt)} value={String(opt)}>
            {field.enumNames?.[i] ?? String(opt)}
          </option>
        ))}
      </select>
    );
  if (field.format === 'textarea')
    return <textarea {...common} value={v} rows={4} onChange={(e) => set(common.name, e.target.value)} />;
  const type =
    field.format === 'date'
      ? 'date'
      : field.format === 'email'
        ? 'email'
        : field.type === 'string'
          ? 'text'
          : 'text';
  return (
    <input
      {...common}
      type={type}
      inputMode={field.type === 'number' || field.type === 'integer' ? 'decimal' : undefined}
      value={v}
      onChange={(e) => set(common.name, e.target.value)}
    />
  );
}

type T = ReturnType<typeof useI18n>['t'];
export function fieldErrorText(t: T, field: string, err: FieldError): string {
  const n = 'n' in err ? err.n : '';
  return t(`dossiers.form.error.${err.kind}`, { field, n });
}
