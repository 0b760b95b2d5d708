import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { ZAmendDossierRequest, type TDossierDetail, type TUploadedFile } from '@motcua/contracts';
import { Button, Card } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { applyServerErrors, contractResolver } from '../../../lib/form';
import { eFormData, eFormFieldOf } from '../eform-form';
import { useAmend, useProcedure } from '../hooks';
import { FileField } from './FileField';
import { SchemaForm } from './SchemaForm';
import type { FormSchema } from './schema-form-model';

type Props = { d: TDossierDetail; onSaved(d: TDossierDetail): void; onError(error: unknown): void };

/** The amendment's e-form answers and note: the request's schema, its `formData` checked against the e-form. */
const amendSchema = (schema: FormSchema | null, t: ReturnType<typeof useI18n>['t']) =>
  ZAmendDossierRequest.pick({ formData: true, note: true }).safeExtend({ formData: eFormData(schema, t) });

/**
 * Amending before reception (ND 45/2020 Đ12): the e-form data and any attachment. The server checks the data against
 * the e-form of the dossier's procedure version and records what changed; earlier data and files are kept.
 */
export function AmendCard({ d, onSaved, onError }: Props) {
  const { t, locale } = useI18n();
  const schema = useProcedure(d.procedure.code, d.procedure.versionId).data?.formSchema ?? null;
  const resolver = useMemo(() => contractResolver(amendSchema(schema, t), locale), [schema, t, locale]);
  const form = useForm({ resolver, defaultValues: { formData: d.formData, note: '' } });
  const { register, handleSubmit, setError, reset, formState } = form;
  // Uploaded files per component as the lists show them; the request carries their ids.
  const [files, setFiles] = useState<Record<string, TUploadedFile[]>>({});
  const amend = useAmend(d.id);
  const save = (values: { formData: Record<string, unknown>; note?: string }) => {
    onError(null);
    const changed = JSON.stringify(values.formData) !== JSON.stringify(d.formData);
    const attachments = Object.entries(files)
      .filter(([, f]) => f.length)
      .map(([componentCode, f]) => ({ componentCode, fileIds: f.map((x) => x.id) }));
    amend.mutate(
      {
        expectedVersion: d.version,
        ...(changed ? { formData: values.formData } : {}),
        ...(attachments.length ? { attachments } : {}),
        note: values.note || undefined,
      },
      {
        onSuccess: (saved) => {
          setFiles({});
          reset({ formData: saved.formData, note: '' });
          onSaved(saved);
        },
        onError: (err) => {
          applyServerErrors(err, setError, (path) => (path === 'note' ? path : eFormFieldOf(err, path)));
          onError(err);
        },
      },
    );
  };
  const errors = formState.errors.formData as Record<string, { message?: string }> | undefined;
  return (
    <Card>
      <h2>{t('dossiers.detail.amend')}</h2>
      {schema ? (
        <fieldset>
          <legend>{schema.title ?? t('dossiers.detail.amendForm')}</legend>
          <SchemaForm
            schema={schema}
            register={(name) => register(`formData.${name}`)}
            errorOf={(name) => errors?.[name]?.message}
            idPrefix="am"
          />
        </fieldset>
      ) : null}
      {d.attachments.map((a) => (
        <FileField
          key={a.componentCode}
          id={`amend-${a.componentCode}`}
          label={a.componentName}
          files={files[a.componentCode] ?? []}
          onChange={(f) => setFiles((all) => ({ ...all, [a.componentCode]: f }))}
        />
      ))}
      <label htmlFor="amend-note">{t('dossiers.detail.amendNote')}</label>
      <textarea id="amend-note" rows={2} {...register('note')} />
      <Button
        type="button"
        variant="secondary"
        onClick={() => void handleSubmit(save)()}
        disabled={amend.isPending}
      >
        {t('dossiers.detail.amendSave')}
      </Button>
    </Card>
  );
}
