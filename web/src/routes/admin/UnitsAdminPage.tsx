import { useState } from 'react';
import type { TUnit } from '@motcua/contracts';
import { Alert, Button, Card, Spinner } from '../../components/ui';
import { UnitCreate, UnitEditor } from '../../features/organisation/components/UnitEditor';
import { useIsSystemAdmin, useUnits } from '../../features/organisation/hooks';
import '../../features/organisation/organisation.css';
import { useI18n } from '../../i18n/i18n';
import { formatDay } from '../../lib/dates';
import { useTitle } from '../../lib/useTitle';

/** Units as a tree (parent → children); with history shown, ended units appear with their successor. */
function tree(units: TUnit[]) {
  const codes = new Set(units.map((u) => u.code));
  const children = new Map<string, TUnit[]>();
  const roots: TUnit[] = [];
  for (const u of units) {
    if (u.parentCode && codes.has(u.parentCode) && u.parentCode !== u.code)
      children.set(u.parentCode, [...(children.get(u.parentCode) ?? []), u]);
    else roots.push(u);
  }
  return { roots, children };
}

/** /admin/don-vi: administrative units with effective dates; create, edit, merge, retire. */
export function UnitsAdminPage() {
  const { t } = useI18n();
  useTitle(t('organisation.units.title'));
  const [all, setAll] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const units = useUnits(all);
  const full = useIsSystemAdmin();
  const { roots, children } = tree(units.data ?? []);
  const chosen = units.data?.find((u) => u.id === selected);
  const item = (u: TUnit, depth: number) => (
    <li key={u.id}>
      <span className={u.validTo ? 'ended' : undefined}>
        <strong>{u.code}</strong> {u.name} · {t(`organisation.level.${u.level}`)} ·{' '}
        {u.validTo
          ? t('organisation.units.period', { from: formatDay(u.validFrom), to: formatDay(u.validTo) })
          : t('organisation.units.since', { from: formatDay(u.validFrom) })}
        {u.successorCode && ` → ${u.successorCode}`}
      </span>{' '}
      {full && (
        <Button
          variant="secondary"
          onClick={() => {
            setSelected(u.id);
            setMessage('');
          }}
          aria-label={t('organisation.units.editOne', { name: u.name })}
        >
          {t('organisation.edit')}
        </Button>
      )}
      {depth < 4 && (children.get(u.code)?.length ?? 0) > 0 && (
        <ul>{children.get(u.code)!.map((c) => item(c, depth + 1))}</ul>
      )}
    </li>
  );
  return (
    <>
      <h1>{t('organisation.units.title')}</h1>
      <p>{t('organisation.units.lead')}</p>
      {full && (
        <Card>
          <UnitCreate />
        </Card>
      )}
      <label className="check">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
        {t('organisation.units.showHistory')}
      </label>
      {units.isPending && <Spinner label={t('organisation.loading')} />}
      {units.isError && <Alert kind="error">{units.error.message}</Alert>}
      {message && <Alert kind="success">{message}</Alert>}
      {chosen && (
        <Card>
          <UnitEditor key={`${chosen.id}-${chosen.version}`} unit={chosen} onDone={setMessage} />
        </Card>
      )}
      <ul className="org-tree">{roots.map((u) => item(u, 0))}</ul>
    </>
  );
}
