import { useState, type FormEvent } from 'react';
import type { TAgencyDetail, TDeskStaff } from '@motcua/contracts';
import { Button, DateField, ErrorBox, InputField, Table } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { organisationApi } from '../api';
import { useOrganisationMutation } from '../hooks';
import { formatDay } from '../../../lib/dates';

export function CodeFormatSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: 'qd20' | 'legacy';
  onChange: (v: 'qd20' | 'legacy') => void;
}) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{t('organisation.codes.format')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as 'qd20' | 'legacy')}>
        <option value="qd20">{t('organisation.codes.qd20')}</option>
        <option value="legacy">{t('organisation.codes.legacy')}</option>
      </select>
    </div>
  );
}

type Props = { agency: TAgencyDetail; onSaved: (m: string) => void };

/** Identifier code history (valid from/to) and re-issuing a code, e.g. after a merger. */
export function CodesEditor({ agency, onSaved }: Props) {
  const { t } = useI18n();
  const [form, setForm] = useState({ code: '', format: 'qd20' as 'qd20' | 'legacy', validFrom: '' });
  const issue = useOrganisationMutation(() =>
    organisationApi.issueCode(agency.id, {
      code: form.code.trim(),
      format: form.format,
      ...(form.validFrom ? { validFrom: form.validFrom } : {}),
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    issue.mutate(undefined, { onSuccess: () => onSaved(t('organisation.codes.issued')) });
  };
  return (
    <>
      <h2 id="org-codes-title">{t('organisation.codes.title')}</h2>
      <Table
        labelledBy="org-codes-title"
        rows={agency.codes}
        rowKey={(c) => `${c.code}-${c.validFrom}`}
        empty={t('app.noRows')}
        columns={[
          { header: t('organisation.identifierCode'), cell: (c) => c.code, rowHeader: true },
          { header: t('organisation.codes.format'), cell: (c) => t(`organisation.codes.${c.format}`) },
          { header: t('organisation.validFrom'), cell: (c) => formatDay(c.validFrom) },
          {
            header: t('organisation.validTo'),
            cell: (c) => formatDay(c.validTo, t('organisation.codes.current')),
          },
        ]}
      />
      <form onSubmit={submit} className="org-row">
        <InputField
          label={t('organisation.codes.new')}
          hint={t('organisation.codes.hint')}
          value={form.code}
          required
          onChange={(e) => setForm({ ...form, code: e.target.value })}
        />
        <CodeFormatSelect
          id="code-format"
          value={form.format}
          onChange={(format) => setForm({ ...form, format })}
        />
        <DateField
          label={t('organisation.validFrom')}
          value={form.validFrom}
          onValue={(validFrom) => setForm({ ...form, validFrom })}
        />
        <Button type="submit" variant="secondary" disabled={issue.isPending}>
          {t('organisation.codes.issue')}
        </Button>
      </form>
      <ErrorBox error={issue.error} />
    </>
  );
}

/** The one-stop desk (rename only) and specialist departments (add, rename, retire). */
export function DepartmentsEditor({ agency, onSaved }: Props) {
  const { t } = useI18n();
  const [names, setNames] = useState<Record<string, string>>({});
  const [added, setAdded] = useState('');
  const change = useOrganisationMutation((a: { id: string; body: { name?: string; active?: false } }) =>
    organisationApi.updateDepartment(agency.id, a.id, a.body),
  );
  const add = useOrganisationMutation(() => organisationApi.addDepartment(agency.id, { name: added.trim() }));
  return (
    <>
      <h2>{t('organisation.departments')}</h2>
      <ul className="org-list">
        {agency.departments.map((d) => (
          <li key={d.id} className="org-row">
            <InputField
              label={d.kind === 'one_stop_desk' ? t('organisation.desk') : t('organisation.department')}
              value={names[d.id] ?? d.name}
              onChange={(e) => setNames({ ...names, [d.id]: e.target.value })}
            />
            <Button
              variant="secondary"
              disabled={change.isPending || !(names[d.id] ?? '').trim() || names[d.id] === d.name}
              onClick={() =>
                change.mutate(
                  { id: d.id, body: { name: names[d.id]!.trim() } },
                  { onSuccess: () => onSaved(t('organisation.saved')) },
                )
              }
            >
              {t('organisation.rename')}
            </Button>
            {d.kind === 'specialist' && (
              <Button
                variant="danger"
                disabled={change.isPending}
                aria-label={t('organisation.departmentRetireOne', { name: d.name })}
                onClick={() =>
                  change.mutate(
                    { id: d.id, body: { active: false } },
                    { onSuccess: () => onSaved(t('organisation.saved')) },
                  )
                }
              >
                {t('organisation.departmentRetire')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <ErrorBox error={change.error} />
      <form
        className="org-row"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(undefined, {
            onSuccess: () => {
              setAdded('');
              onSaved(t('organisation.saved'));
            },
          });
        }}
      >
        <InputField
          label={t('organisation.departmentNew')}
          value={added}
          required
          onChange={(e) => setAdded(e.target.value)}
        />
        <Button type="submit" variant="secondary" disabled={add.isPending}>
          {t('organisation.departmentAdd')}
        </Button>
      </form>
      <ErrorBox error={add.error} />
    </>
  );
}

const STAFF_FIELDS = ['name', 'title', 'field', 'phone'] as const;

/** The desk's public staff list (003 Đ10.1.g), edited as a whole and saved in one request. */
export function DeskStaffEditor({ agency, onSaved }: Props) {
  const { t } = useI18n();
  const [rows, setRows] = useState<TDeskStaff[]>(agency.deskStaff);
  const save = useOrganisationMutation(() =>
    organisationApi.replaceDeskStaff(agency.id, { expectedVersion: agency.version, staff: rows }),
  );
  const edit = (i: number, k: keyof TDeskStaff, v: string) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, [k]: v } : r)));
  return (
    <form
      className="org-staff-edit"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(undefined, { onSuccess: () => onSaved(t('organisation.staff.saved')) });
      }}
    >
      <h2>{t('organisation.staff.heading')}</h2>
      {rows.map((r, i) => (
        <fieldset key={i}>
          <legend>{t('organisation.staff.row', { n: i + 1 })}</legend>
          <div className="org-row">
            {STAFF_FIELDS.map((k) => (
              <InputField
                key={k}
                label={`${t(`organisation.staff.${k}`)} ${i + 1}`}
                type={k === 'phone' ? 'tel' : 'text'}
                value={r[k]}
                required
                onChange={(e) => edit(i, k, e.target.value)}
              />
            ))}
            <Button type="button" variant="secondary" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              {t('organisation.staff.remove', { n: i + 1 })}
            </Button>
          </div>
        </fieldset>
      ))}
      <div className="form-links">
        <Button
          type="button"
          variant="secondary"
          onClick={() => setRows([...rows, { name: '', title: '', field: '', phone: '' }])}
        >
          {t('organisation.staff.add')}
        </Button>
        <Button type="submit" disabled={save.isPending}>
          {t('organisation.staff.save')}
        </Button>
      </div>
      <ErrorBox error={save.error} />
    </form>
  );
}
