import { useState } from 'react';
import type { TDossierDetail, TUploadedFile } from '@motcua/contracts';
import { Button, Card } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { useAmend, useProcedure } from '../hooks';
import { FileField } from './FileField';
import { SchemaForm } from './SchemaForm';
import { normaliseValues, validateForm, type FieldError, type FormValues } from './schema-form-model';

type Props = { d: TDossierDetail; onSaved(d: TDossierDetail): void; onError(error: unknown): void };

/**
 * Amending before reception (ND 45/2020 Đ12): the e-form data and any attachment. The server checks the data against
 * the e-form of the dossier's procedure version and records what changed; earlier data and files are kept.
 */
export function AmendCard({ d, onSaved, onError }: Props) {
  const { t } = useI18n();
  const schema = useProcedure(d.procedure.code, d.procedure.versionId).data?.formSchema ?? null;
  const [formData, setFormData] = useState<FormValues>(d.formData);
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [files, setFiles] = useState<Record<string, TUploadedFile[]>>({});
  const [note, setNote] = useState('');
  const amend = useAmend(d.id);
  const save = () => {
    onError(null);
    const fieldErrors = schema ? validateForm(schema, formData) : {};
    setErrors(fieldErrors);
    if (Object.keys(fieldErrors).length) return;
    const data = schema ? normaliseValues(schema, formData) : formData;
    const changed = JSON.stringify(data) !== JSON.stringify(d.formData);
    const attachments = Object.entries(files)
      .filter(([, f]) => f.length)
      .map(([componentCode, f]) => ({ componentCode, fileIds: f.map((x) => x.id) }));
    amend.mutate(
      {
        expectedVersion: d.version,
        ...(changed ? { formData: data } : {}),
        ...(attachments.length ? { attachments } : {}),
        note: note || undefined,
      },
      {
        onSuccess: (saved) => {
          setFiles({});
          setNote('');
          onSaved(saved);
        },
        onError,
      },
    );
  };
  return (
    <Card>
      <h2>{t('dossiers.detail.amend')}</h2>
      {schema ? (
        <fieldset>
          <legend>{schema.title ?? t('dossiers.detail.amendForm')}</legend>
          <SchemaForm
            schema={schema}
            values={formData}
            errors={errors}
            onChange={setFormData}
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
      <textarea id="amend-note" value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
      <Button type="button" variant="secondary" onClick={save} disabled={amend.isPending}>
        {t('dossiers.detail.amendSave')}
      </Button>
    </Card>
  );
}
