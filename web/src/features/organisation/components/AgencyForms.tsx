import { useState, type FormEvent } from 'react';
import { type TAgencyDetail, type TAgencyUpdate } from '@motcua/contracts';
import { Alert, Button, DateField, ErrorBox, InputField } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { organisationApi, type AgencyType } from '../api';
import { useAgencies, useOrganisationMutation } from '../hooks';
import { TypeSelect } from './AgencyFilters';
import { CodeFormatSelect } from './AgencyLists';

type Fields = {
  shortName: string;
  name: string;
  type: AgencyType;
  unitCode: string;
  address: string;
  email: string;
  hotline: string;
};
const fieldsOf = (a: TAgencyDetail): Fields => ({
  shortName: a.shortName,
  name: a.name,
  type: a.type as AgencyType,
  unitCode: a.unitCode,
  address: a.address ?? '',
  email: a.email ?? '',
  hotline: a.hotline ?? '',
});

type Identity = { shortName: string; name: string; type: AgencyType; unitCode: string };

function IdentityFields({
  idPrefix,
  form,
  onChange,
}: {
  idPrefix: string;
  form: Identity;
  onChange: (f: Partial<Identity>) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <InputField
        label={t('organisation.shortName')}
        hint={t('organisation.shortNameHint')}
        value={form.shortName}
        required
        onChange={(e) => onChange({ shortName: e.target.value })}
      />
      <InputField
        label={t('organisation.name')}
        value={form.name}
        required
        onChange={(e) => onChange({ name: e.target.value })}
      />
      <TypeSelect
        id={`${idPrefix}-type`}
        value={form.type}
        onChange={(v) => onChange({ type: v as AgencyType })}
      />
      <InputField
        label={t('organisation.unitCode')}
        value={form.unitCode}
        required
        onChange={(e) => onChange({ unitCode: e.target.value })}
      />
    </>
  );
}

/**
 * Names, type, unit and contact data. Only changed fields are sent, so a unit administrator editing the hotline
 * never touches what only the system administrator may change.
 */
export function AgencyContactForm({
  agency,
  full,
  onSaved,
}: {
  agency: TAgencyDetail;
  /** Names, type and unit too (system administrator); otherwise contact data only. */
  full: boolean;
  onSaved: (m: string) => void;
}) {
  const { t } = useI18n();
  const initial = fieldsOf(agency);
  const [form, setForm] = useState(initial);
  const set = (k: keyof Fields) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });
  const save = useOrganisationMutation(() => {
    const body: TAgencyUpdate = { expectedVersion: agency.version };
    for (const k of Object.keys(form) as (keyof Fields)[]) {
      if (form[k] === initial[k]) continue;
      const v = form[k].trim();
      (body as Record<string, unknown>)[k] = ['address', 'email', 'hotline'].includes(k) ? v || null : v;
    }
    return organisationApi.updateAgency(agency.id, body);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(undefined, { onSuccess: () => onSaved(t('organisation.saved')) });
  };
  return (
    <form onSubmit={submit}>
      {full && (
        <>
          <h2>{t('organisation.agencies.identity')}</h2>
          <IdentityFields idPrefix="agency" form={form} onChange={(f) => setForm({ ...form, ...f })} />
        </>
      )}
      <h2>{t('organisation.contact')}</h2>
      <InputField label={t('organisation.address')} value={form.address} onChange={set('address')} />
      <InputField label={t('organisation.email')} type="email" value={form.email} onChange={set('email')} />
      <InputField
        label={t('organisation.hotline')}
        type="tel"
        value={form.hotline}
        onChange={set('hotline')}
      />
      <ErrorBox error={save.error} />
      <Button type="submit" disabled={save.isPending}>
        {t('organisation.save')}
      </Button>
    </form>
  );
}

/** Ends the agency on a date; its current codes end too and may be re-issued to the successor. */
export function AgencyRetire({ agency, onSaved }: { agency: TAgencyDetail; onSaved: (m: string) => void }) {
  const { t } = useI18n();
  const others = useAgencies({});
  const [date, setDate] = useState('');
  const [successorId, setSuccessorId] = useState('');
  const retire = useOrganisationMutation(() =>
    organisationApi.retireAgency(agency.id, {
      date,
      expectedVersion: agency.version,
      successorId: successorId || null,
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    retire.mutate(undefined, { onSuccess: () => onSaved(t('organisation.agencies.retired')) });
  };
  return (
    <form onSubmit={submit}>
      <h2>{t('organisation.agencies.retire')}</h2>
      <p className="muted">{t('organisation.agencies.retireHint')}</p>
      <DateField label={t('organisation.agencies.retireDate')} value={date} required onValue={setDate} />
      <div className="field">
        <label htmlFor="agency-successor">{t('organisation.agencies.successor')}</label>
        <select id="agency-successor" value={successorId} onChange={(e) => setSuccessorId(e.target.value)}>
          <option value="">{t('organisation.agencies.noSuccessor')}</option>
          {(others.data ?? [])
            .filter((o) => o.id !== agency.id)
            .map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
        </select>
      </div>
      <ErrorBox error={retire.error} />
      <Button type="submit" variant="danger" disabled={retire.isPending}>
        {t('organisation.agencies.retireAction')}
      </Button>
    </form>
  );
}

/** A new agency with its first identifier code; the one-stop desk is created with it. */
export function AgencyCreate({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const empty = {
    shortName: '',
    name: '',
    type: 'department' as AgencyType,
    unitCode: '',
    code: '',
    format: 'qd20' as 'qd20' | 'legacy',
  };
  const [form, setForm] = useState(empty);
  const create = useOrganisationMutation(() =>
    organisationApi.createAgency({
      shortName: form.shortName.trim(),
      name: form.name.trim(),
      type: form.type,
      unitCode: form.unitCode.trim(),
      address: null,
      email: null,
      hotline: null,
      codes: form.code.trim() ? [{ code: form.code.trim(), format: form.format }] : [],
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(undefined, { onSuccess: (a) => onCreated(a.id) });
  };
  return (
    <details>
      <summary>{t('organisation.agencies.create')}</summary>
      <form onSubmit={submit}>
        <IdentityFields idPrefix="agency-new" form={form} onChange={(f) => setForm({ ...form, ...f })} />
        <InputField
          label={t('organisation.identifierCode')}
          hint={t('organisation.codes.hint')}
          value={form.code}
          onChange={(e) => setForm({ ...form, code: e.target.value })}
        />
        <CodeFormatSelect
          id="agency-new-format"
          value={form.format}
          onChange={(format) => setForm({ ...form, format })}
        />
        <ErrorBox error={create.error} />
        {create.isSuccess && <Alert kind="success">{t('organisation.agencies.created')}</Alert>}
        <Button type="submit" disabled={create.isPending}>
          {t('organisation.agencies.createAction')}
        </Button>
      </form>
    </details>
  );
}
