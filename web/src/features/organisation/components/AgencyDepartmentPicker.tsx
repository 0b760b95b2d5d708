import { Field } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';

type Option = { id: string; name: string };
export type AgencyDepartment = { agencyId: string; departmentId: string };

/**
 * An agency, then optionally one of its departments (consultations, forwarding to the province). Changing the agency
 * clears the department; the caller lists the departments of the chosen agency.
 */
export function AgencyDepartmentPicker({
  idPrefix,
  agencies,
  departments,
  value,
  onChange,
  agencyLabel,
  anyDepartmentLabel,
}: {
  idPrefix: string;
  agencies: readonly Option[];
  departments: readonly Option[];
  value: AgencyDepartment;
  onChange(value: AgencyDepartment): void;
  agencyLabel: string;
  /** The empty department choice: the whole agency, or any department. */
  anyDepartmentLabel: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <Field id={`${idPrefix}-agency`} label={agencyLabel}>
        {(c) => (
          <select
            {...c}
            required
            value={value.agencyId}
            onChange={(e) => onChange({ agencyId: e.target.value, departmentId: '' })}
          >
            <option value="">{t('processing.consult.field.choose')}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${idPrefix}-dept`} label={t('processing.consult.field.department')}>
        {(c) => (
          <select
            {...c}
            value={value.departmentId}
            onChange={(e) => onChange({ ...value, departmentId: e.target.value })}
          >
            <option value="">{anyDepartmentLabel}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
