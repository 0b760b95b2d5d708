import { useState } from 'react';
import { DOSSIER_PLACES, type TDossierPlace } from '@motcua/contracts';
import { Alert, Card, DateField } from '../../components/ui';
import { monthToDate, periodProblem, registerUrl } from '../../features/registerbook/model';
import { useI18n } from '../../i18n/i18n';
import { now } from '../../lib/clock';
import { formatDay } from '../../lib/dates';
import { useTitle } from '../../lib/useTitle';

/**
 * /office/so-theo-doi — the desk's dossier register (Sổ theo dõi hồ sơ) for a period, downloaded as PDF or xlsx from
 * GET /api/processing/register (reception officers and the agency's leaders).
 */
export function RegisterBookPage() {
  const { t } = useI18n();
  useTitle(t('registerBook.title'));
  const [period, setPeriod] = useState(() => monthToDate(now()));
  const [place, setPlace] = useState<TDossierPlace>('received');
  const problem = periodProblem(period.from, period.to);
  return (
    <>
      <h1>{t('registerBook.title')}</h1>
      <p>{t('registerBook.lead')}</p>
      <Card>
        <div className="org-row">
          <DateField
            label={t('registerBook.from')}
            value={period.from}
            onValue={(from) => setPeriod({ ...period, from })}
          />
          <DateField
            label={t('registerBook.to')}
            value={period.to}
            onValue={(to) => setPeriod({ ...period, to })}
          />
        </div>
        <div className="field">
          <label htmlFor="register-place">{t('registerBook.place')}</label>
          <select
            id="register-place"
            value={place}
            onChange={(e) => setPlace(e.target.value as TDossierPlace)}
          >
            {DOSSIER_PLACES.map((p) => (
              <option key={p} value={p}>
                {t(`registerBook.place.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <p>
          {formatDay(period.from)} – {formatDay(period.to)}
        </p>
        {problem ? (
          <Alert kind="error">{t(`registerBook.problem.${problem}`)}</Alert>
        ) : (
          <p className="org-row">
            <a className="btn btn-primary" href={registerUrl(period.from, period.to, 'pdf', place)} download>
              {t('registerBook.pdf')}
            </a>
            <a
              className="btn btn-secondary"
              href={registerUrl(period.from, period.to, 'xlsx', place)}
              download
            >
              {t('registerBook.xlsx')}
            </a>
          </p>
        )}
      </Card>
    </>
  );
}
