import type { ChangeEvent } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { Button } from '../../../../components/ui';
import { useI18n } from '../../../../i18n/i18n';
import { blankComponent, type ComponentRow, type EditorState } from '../editor-model';
import { Rows, TextField, type SectionProps } from './Fields';

/** Reads a chosen file as base64 (the API takes form templates inline). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });
}

function ComponentInputs({ c, set, i }: { c: ComponentRow; set: (c: ComponentRow) => void; i: number }) {
  const { t } = useI18n();
  const id = `ce-comp-${i}`;
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const contentBase64 = await readBase64(file);
    set({
      ...c,
      form: {
        name: file.name.replace(/\.[^.]+$/, '') || file.name,
        fileName: file.name,
        mediaType: file.type || 'application/octet-stream',
        contentBase64,
      },
    });
  };
  return (
    <div className="ce-grow">
      <TextField
        id={`${id}-name`}
        label={t('catalogueAdmin.comp.name', { n: i + 1 })}
        value={c.name}
        onChange={(e) => set({ ...c, name: e.target.value })}
      />
      <div className="ce-inline">
        <TextField
          id={`${id}-originals`}
          label={t('catalogueAdmin.comp.originals')}
          type="number"
          min={0}
          max={50}
          value={c.originals}
          onChange={(e) => set({ ...c, originals: e.target.value })}
        />
        <TextField
          id={`${id}-copies`}
          label={t('catalogueAdmin.comp.copies')}
          type="number"
          min={0}
          max={50}
          value={c.copies}
          onChange={(e) => set({ ...c, copies: e.target.value })}
        />
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={c.originalRequired}
          onChange={(e) => set({ ...c, originalRequired: e.target.checked })}
        />
        {t('catalogue.originalRequired')}
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={c.required}
          onChange={(e) => set({ ...c, required: e.target.checked })}
        />
        {t('catalogueAdmin.comp.required')}
      </label>
      <div className="field">
        <label htmlFor={`${id}-form`}>{t('catalogueAdmin.comp.form')}</label>
        <input id={`${id}-form`} type="file" onChange={(e) => void onFile(e)} />
        {c.form && (
          <span className="hint">
            {'url' in c.form && c.form.url ? (
              <a href={c.form.url}>{t('catalogueAdmin.comp.current', { name: c.form.name })}</a>
            ) : (
              t('catalogueAdmin.comp.current', { name: 'fileName' in c.form ? c.form.fileName : c.form.name })
            )}{' '}
            <Button type="button" variant="secondary" onClick={() => set({ ...c, form: null })}>
              {t('catalogueAdmin.comp.removeForm')}
            </Button>
          </span>
        )}
      </div>
    </div>
  );
}

/** Dossier components: name, originals and copies, whether the original is shown, required, form template. */
export function ComponentsSection({ errors }: SectionProps) {
  const { t } = useI18n();
  const { field } = useController({ control: useFormContext<EditorState>().control, name: 'components' });
  return (
    <Rows
      id="ce-components"
      legend={t('catalogue.components')}
      items={field.value}
      onChange={field.onChange}
      blank={blankComponent}
      error={errors.components}
      render={(c, setRow, i) => <ComponentInputs c={c} set={setRow} i={i} />}
    />
  );
}
