import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { Card, Field } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import type { IntakeProcedure } from '../api';
import { emptyToNull } from '../register-form';
import type { TSubmitForm } from '../submit-form';
import { FileField } from './FileField';
import { SchemaForm } from './SchemaForm';
import type { FormSchema, FormValues } from './schema-form-model';

type ApplicantText = 'name' | 'idNumber' | 'address' | 'phone' | 'email';
const APPLICANT: { name: ApplicantText; type: string; required?: boolean }[] = [
  { name: 'name', type: 'text', required: true },
  { name: 'idNumber', type: 'text', required: true },
  { name: 'address', type: 'text' },
  { name: 'phone', type: 'tel' },
  { name: 'email', type: 'email' },
];

/** Step 1: the applicant block and the procedure's e-form, inside the wizard's form. */
export function FormStep({ procedure }: { procedure: IntakeProcedure }) {
  const { t } = useI18n();
  const { register, formState } = useFormContext<TSubmitForm>();
  const errors = formState.errors;
  return (
    <>
      <Card>
        <h3>{t('dossiers.submit.applicant')}</h3>
        <div className="schema-form">
          {APPLICANT.map(({ name, type, required }) => (
            <Field
              key={name}
              id={`ap-${name}`}
              label={t(name === 'name' ? 'dossiers.submit.applicantName' : `dossiers.submit.${name}`)}
              // Online submissions notify only the account's verified contacts (server: dossier-notify.ts).
              hint={name === 'email' ? t('dossiers.submit.contactNote') : undefined}
              error={errors.applicant?.[name]?.message}
              required={required}
            >
              {(c) => (
                <input
                  {...c}
                  type={type}
                  {...register(`applicant.${name}`, { setValueAs: required ? undefined : emptyToNull })}
                />
              )}
            </Field>
          ))}
        </div>
      </Card>
      <Card>
        <h3>{procedure.formSchema?.title ?? t('dossiers.submit.stepForm')}</h3>
        {procedure.formSchema ? (
          <SchemaForm
            schema={procedure.formSchema}
            register={(name) => register(`formData.${name}`)}
            errorOf={(name) =>
              (errors.formData as Record<string, { message?: string }> | undefined)?.[name]?.message
            }
          />
        ) : (
          <p>{t('dossiers.submit.noForm')}</p>
        )}
      </Card>
    </>
  );
}

/** Step 2: one file picker per component of the procedure, each bound to its row of the form. */
export function FilesStep({ procedure }: { procedure: IntakeProcedure }) {
  const { control } = useFormContext<TSubmitForm>();
  return (
    <div>
      {procedure.components.map((c, i) => (
        <Card key={c.code}>
          <Controller
            control={control}
            name={`files.${i}.files`}
            render={({ field, fieldState }) => (
              <FileField
                id={`file-${c.code}`}
                label={c.name}
                required={c.required}
                files={field.value}
                error={fieldState.error?.message ?? null}
                onChange={field.onChange}
              />
            )}
          />
        </Card>
      ))}
    </div>
  );
}

/** Step 3: everything as it will be sent. */
export function ReviewStep({ procedure }: { procedure: IntakeProcedure }) {
  const { t } = useI18n();
  const [applicant, formData, files] = useWatch<TSubmitForm, ['applicant', 'formData', 'files']>({
    name: ['applicant', 'formData', 'files'],
  });
  const applicantSchema: FormSchema = {
    properties: Object.fromEntries(
      APPLICANT.map(({ name }) => [
        name,
        {
          type: 'string' as const,
          title: t(name === 'name' ? 'dossiers.submit.applicantName' : `dossiers.submit.${name}`),
        },
      ]),
    ),
  };
  return (
    <>
      <p>{t('dossiers.submit.reviewLead')}</p>
      <Card>
        <h3>{t('dossiers.submit.applicant')}</h3>
        <Review schema={applicantSchema} values={applicant} />
      </Card>
      {procedure.formSchema ? (
        <Card>
          <h3>{procedure.formSchema.title ?? t('dossiers.submit.stepForm')}</h3>
          <Review schema={procedure.formSchema} values={formData} />
        </Card>
      ) : null}
      <Card>
        <h3>{t('dossiers.attachments')}</h3>
        <ul>
          {procedure.components.map((c, i) => (
            <li key={c.code}>
              {c.name}: {(files[i]?.files ?? []).map((f) => f.name).join(', ') || '—'}
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}

function Review({ schema, values }: { schema: FormSchema; values: FormValues }) {
  const { t } = useI18n();
  return (
    <dl className="facts">
      {Object.entries(schema.properties).map(([name, f]) => (
        <div key={name}>
          <dt>{f.title ?? name}</dt>
          <dd>
            {f.type === 'boolean'
              ? values[name] === true
                ? t('dossiers.yes')
                : t('dossiers.no')
              : String(values[name] ?? '') || '—'}
          </dd>
        </div>
      ))}
    </dl>
  );
}
