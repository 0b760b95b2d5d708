import { useI18n } from '../../../i18n/i18n';
import { useProcedure } from '../../dossiers/hooks';

/** The applicant's e-form answers under the labels of the e-form the dossier was submitted with. */
export function FormAnswers({
  procedureCode,
  versionId,
  formData,
}: {
  procedureCode: string;
  versionId: string;
  formData: Record<string, unknown>;
}) {
  const { t } = useI18n();
  const procedure = useProcedure(procedureCode, versionId);
  const fields = procedure.data?.formSchema?.properties ?? {};
  const entries = Object.entries(formData);
  if (entries.length === 0) return <p>{t('processing.form.empty')}</p>;
  const show = (v: unknown) => {
    if (v === true) return t('processing.form.yes');
    if (v === false) return t('processing.form.no');
    if (v === null || v === undefined || v === '') return '—';
    return typeof v === 'object' ? JSON.stringify(v) : String(v as string | number);
  };
  return (
    <dl className="facts">
      {entries.map(([name, value]) => (
        <div key={name}>
          <dt>{fields[name]?.title ?? name}</dt>
          <dd>{show(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
