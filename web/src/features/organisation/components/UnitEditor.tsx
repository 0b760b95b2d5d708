import { useState, type FormEvent } from 'react';
import { UNIT_LEVELS, type TUnit } from '@motcua/contracts';
import { Alert, Button, DateField, ErrorBox, InputField } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { organisationApi, type UnitLevel } from '../api';
import { useOrganisationMutation } from '../hooks';

type UnitFieldValues = { name: string; level: UnitLevel; parentCode: string; validFrom: string };

function UnitFields({
  idPrefix,
  form,
  onChange,
}: {
  idPrefix: string;
  form: UnitFieldValues;
  onChange: (f: Partial<UnitFieldValues>) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <InputField
        label={t('organisation.name')}
        value={form.name}
        required
        onChange={(e) => onChange({ name: e.target.value })}
      />
      <div className="field">
        <label htmlFor={`${idPrefix}-level`}>{t('organisation.level')}</label>
        <select
          id={`${idPrefix}-level`}
          value={form.level}
          onChange={(e) => onChange({ level: e.target.value as UnitLevel })}
        >
          {/* District level ended on 1/7/2025: offered only to keep a unit that already has it. */}
          {UNIT_LEVELS.filter((l) => l !== 'district' || form.level === l).map((l) => (
            <option key={l} value={l}>
              {t(`organisation.level.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <InputField
        label={t('organisation.parentCode')}
        value={form.parentCode}
        onChange={(e) => onChange({ parentCode: e.target.value.trim() })}
      />
      <DateField
        label={t('organisation.validFrom')}
        value={form.validFrom}
        onValue={(validFrom) => onChange({ validFrom })}
      />
    </>
  );
}

/** Edit, merge or retire one unit. Every edit sends the version shown, so a concurrent change gets a clear 409. */
export function UnitEditor({ unit, onDone }: { unit: TUnit; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({
    name: unit.name,
    level: unit.level as UnitLevel,
    parentCode: unit.parentCode ?? '',
    validFrom: unit.validFrom,
  });
  const [merge, setMerge] = useState({ into: '', date: '' });
  const [retireDate, setRetireDate] = useState('');
  const update = useOrganisationMutation(() =>
    organisationApi.updateUnit(unit.code, {
      expectedVersion: unit.version,
      name: form.name,
      level: form.level,
      parentCode: form.parentCode || null,
      validFrom: form.validFrom,
    }),
  );
  const mergeM = useOrganisationMutation(() => organisationApi.mergeUnit(unit.code, merge));
  const retire = useOrganisationMutation(() =>
    organisationApi.retireUnit(unit.code, { date: retireDate, expectedVersion: unit.version }),
  );
  const run =
    (m: { mutate: (v: void, o: { onSuccess: () => void }) => void }, msg: string) => (e: FormEvent) => {
      e.preventDefault();
      m.mutate(undefined, { onSuccess: () => onDone(msg) });
    };
  return (
    <section aria-labelledby="unit-edit-title">
      <h2 id="unit-edit-title">{t('organisation.units.editTitle', { code: unit.code, name: unit.name })}</h2>
      <form onSubmit={run(update, t('organisation.saved'))}>
        <UnitFields idPrefix="unit" form={form} onChange={(f) => setForm({ ...form, ...f })} />
        <ErrorBox error={update.error} />
        <Button type="submit" disabled={update.isPending}>
          {t('organisation.save')}
        </Button>
      </form>
      {unit.validTo === null && (
        <>
          <h3>{t('organisation.units.merge')}</h3>
          <p className="muted">{t('organisation.units.mergeHint')}</p>
          <form onSubmit={run(mergeM, t('organisation.units.merged'))} className="org-row">
            <InputField
              label={t('organisation.units.into')}
              value={merge.into}
              required
              onChange={(e) => setMerge({ ...merge, into: e.target.value.trim() })}
            />
            <DateField
              label={t('organisation.units.mergeDate')}
              value={merge.date}
              required
              onValue={(date) => setMerge({ ...merge, date })}
            />
            <Button type="submit" variant="secondary" disabled={mergeM.isPending}>
              {t('organisation.units.mergeAction')}
            </Button>
          </form>
          <ErrorBox error={mergeM.error} />
          <h3>{t('organisation.units.retire')}</h3>
          <form onSubmit={run(retire, t('organisation.units.retired'))} className="org-row">
            <DateField
              label={t('organisation.units.retireDate')}
              value={retireDate}
              required
              onValue={setRetireDate}
            />
            <Button type="submit" variant="danger" disabled={retire.isPending}>
              {t('organisation.units.retireAction')}
            </Button>
          </form>
          <ErrorBox error={retire.error} />
        </>
      )}
    </section>
  );
}

/** A new unit: code of QĐ 19/2025 (2-digit province, 5-digit commune), level, parent, start date. */
export function UnitCreate() {
  const { t } = useI18n();
  const empty = { code: '', name: '', level: 'commune' as UnitLevel, parentCode: '', validFrom: '' };
  const [form, setForm] = useState(empty);
  const [saved, setSaved] = useState(false);
  const create = useOrganisationMutation(() =>
    organisationApi.createUnit({
      code: form.code,
      name: form.name,
      level: form.level,
      parentCode: form.parentCode || null,
      ...(form.validFrom ? { validFrom: form.validFrom } : {}),
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    create.mutate(undefined, {
      onSuccess: () => {
        setSaved(true);
        setForm(empty);
      },
    });
  };
  return (
    <details>
      <summary>{t('organisation.units.create')}</summary>
      <form onSubmit={submit}>
        <InputField
          label={t('organisation.units.code')}
          hint={t('organisation.units.codeHint')}
          value={form.code}
          required
          onChange={(e) => setForm({ ...form, code: e.target.value.trim() })}
        />
        <UnitFields idPrefix="unit-new" form={form} onChange={(f) => setForm({ ...form, ...f })} />
        <ErrorBox error={create.error} />
        {saved && <Alert kind="success">{t('organisation.units.created')}</Alert>}
        <Button type="submit" disabled={create.isPending}>
          {t('organisation.units.createAction')}
        </Button>
      </form>
    </details>
  );
}
