import { useId, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TDossierDetail } from '@motcua/contracts';
import { Button, Card, ErrorBox } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { AgencyDepartmentPicker } from '../../organisation/components/AgencyDepartmentPicker';
import { interagencyApi, interagencyKeys } from '../api';
import { DOSSIER_CONFLICT } from '../../dossiers/format';

type Props = { dossier: TDossierDetail; onDone(next: TDossierDetail, title: string): void; onReload(): void };

/**
 * "Chuyển lên cấp tỉnh" (003 Đ13.7): the commune desk that received the dossier forwards it to the competent agency
 * of the province. The appointment is carried unchanged and the result comes back to this desk. Shown only when the
 * server lists somewhere to forward to (this desk, still holding the decision).
 */
export function LevelForwardForm({ dossier, onDone, onReload }: Props) {
  const { t } = useI18n();
  const id = useId();
  const targets = useQuery({
    queryKey: interagencyKeys.forwardTargets(dossier.id, dossier.version),
    queryFn: () => interagencyApi.forwardTargets(dossier.id),
  });
  const [v, setV] = useState({ agencyId: '', departmentId: '', note: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const items = targets.data?.items ?? [];
  if (items.length === 0) return null;
  const departments = items.find((a) => a.id === v.agencyId)?.departments ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    interagencyApi
      .forwardLevel(dossier.id, {
        expectedVersion: dossier.version,
        agencyId: v.agencyId,
        ...(v.departmentId ? { departmentId: v.departmentId } : {}),
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
      })
      .then((next) => onDone(next, t('interagency.level.title')))
      .catch(setError)
      .finally(() => setBusy(false));
  };
  return (
    <Card className="proc-action">
      <form aria-labelledby={`${id}-t`} onSubmit={submit}>
        <h3 id={`${id}-t`}>{t('interagency.level.title')}</h3>
        <p>{t('interagency.level.lead')}</p>
        <AgencyDepartmentPicker
          idPrefix={id}
          agencies={items}
          departments={departments}
          value={v}
          onChange={(picked) => setV({ ...v, ...picked })}
          agencyLabel={t('interagency.level.agency')}
          anyDepartmentLabel={t('interagency.level.anyDepartment')}
        />
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('interagency.level.note')}</label>
          <textarea
            id={`${id}-note`}
            rows={2}
            minLength={3}
            maxLength={2000}
            value={v.note}
            onChange={(e) => setV({ ...v, note: e.target.value })}
          />
        </div>
        <ErrorBox
          error={error}
          conflict={DOSSIER_CONFLICT}
          onReload={() => {
            setError(null);
            onReload();
          }}
        />
        <Button type="submit" disabled={busy} aria-busy={busy}>
          {t('interagency.level.submit')}
        </Button>
      </form>
    </Card>
  );
}
