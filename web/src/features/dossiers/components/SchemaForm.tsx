import { Field, type ControlProps } from '../../../components/ui';
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
 * Renders a procedure's e-form through the kit's Field: every field labelled, required ones marked, each error tied
 * to its field with aria-describedby and aria-invalid so screen readers announce it on focus.
 */
export function SchemaForm({ schema, values, errors, onChange, idPrefix = 'ef' }: Props) {
  const { t } = useI18n();
  const required = new Set(schema.required ?? []);
  const set = (name: string, v: unknown) => onChange({ ...values, [name]: v });
  return (
    <div className="schema-form">
      {Object.entries(schema.properties).map(([name, field]) => {
        const label = field.title ?? name;
        const err = errors[name];
        return (
          <Field
            key={name}
            id={`${idPrefix}-${name}`}
            label={label}
            hint={field.description}
            error={err ? fieldErrorText(t, label, err) : null}
            required={required.has(name)}
            check={field.type === 'boolean'}
          >
            {(control) =>
              field.type === 'boolean' ? (
                <input
                  type="checkbox"
                  {...control}
                  name={name}
                  checked={values[name] === true}
                  onChange={(e) => set(name, e.target.checked)}
                />
              ) : (
                <Control field={field} common={{ ...control, name }} value={values[name]} set={set} />
              )
            }
          </Field>
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
  common: ControlProps & { name: string };
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
