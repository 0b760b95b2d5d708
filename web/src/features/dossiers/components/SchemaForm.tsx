import type { UseFormRegisterReturn } from 'react-hook-form';
import { Field, type ControlProps } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import type { FieldSchema, FormSchema } from './schema-form-model';

type Props = {
  schema: FormSchema;
  /** The form's registration of one e-form field (`register(\`formData.${name}\`)`). */
  register(name: string): UseFormRegisterReturn;
  /** The message of one e-form field's error, if any. */
  errorOf(name: string): string | undefined;
  idPrefix?: string;
};

/**
 * Renders a procedure's e-form inside a react-hook-form form through the kit's Field: every field labelled, required
 * ones marked, each error tied to its field with aria-describedby and aria-invalid so screen readers announce it on
 * focus. The checks themselves are the form's resolver (`eFormData`).
 */
export function SchemaForm({ schema, register, errorOf, idPrefix = 'ef' }: Props) {
  const required = new Set(schema.required ?? []);
  return (
    <div className="schema-form">
      {Object.entries(schema.properties).map(([name, field]) => (
        <Field
          key={name}
          id={`${idPrefix}-${name}`}
          label={field.title ?? name}
          hint={field.description}
          error={errorOf(name)}
          required={required.has(name)}
          check={field.type === 'boolean'}
        >
          {(control) =>
            field.type === 'boolean' ? (
              <input type="checkbox" {...control} {...register(name)} />
            ) : (
              <Control field={field} control={control} registered={register(name)} />
            )
          }
        </Field>
      ))}
    </div>
  );
}

function Control({
  field,
  control,
  registered,
}: {
  field: FieldSchema;
  control: ControlProps;
  registered: UseFormRegisterReturn;
}) {
  const { t } = useI18n();
  if (field.enum)
    return (
      <select {...control} {...registered}>
        <option value="">{t('dossiers.form.choose')}</option>
        {field.enum.map((opt, i) => (
          <option key={String(opt)} value={String(opt)}>
            {field.enumNames?.[i] ?? String(opt)}
          </option>
        ))}
      </select>
    );
  if (field.format === 'textarea') return <textarea {...control} {...registered} rows={4} />;
  return (
    <input
      {...control}
      {...registered}
      type={field.format === 'date' ? 'date' : field.format === 'email' ? 'email' : 'text'}
      inputMode={field.type === 'number' || field.type === 'integer' ? 'decimal' : undefined}
    />
  );
}
