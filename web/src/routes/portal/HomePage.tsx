import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Card } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';

export function HomePage() {
  const { t } = useI18n();
  useTitle();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [code, setCode] = useState('');
  const search = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/thu-tuc?q=${encodeURIComponent(q.trim())}`);
  };
  const lookup = (e: FormEvent) => {
    e.preventDefault();
    if (code.trim()) navigate(`/tra-cuu/${encodeURIComponent(code.trim())}`);
  };
  return (
    <>
      <section className="hero">
        <h1>{t('portal.home.title')}</h1>
        <p>{t('portal.home.lead')}</p>
        <form role="search" onSubmit={search} className="search-form">
          <label htmlFor="home-q">{t('portal.home.searchLabel')}</label>
          <div className="row">
            <input
              id="home-q"
              type="search"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              placeholder={t('portal.home.searchPlaceholder')}
            />
            <Button type="submit">{t('portal.home.searchButton')}</Button>
          </div>
        </form>
      </section>
      <Card>
        <h2>{t('portal.home.lookupTitle')}</h2>
        <p>{t('portal.home.lookupLead')}</p>
        <form onSubmit={lookup} className="row">
          <label htmlFor="home-code" className="visually-hidden">
            {t('portal.home.lookupTitle')}
          </label>
          <input
            id="home-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            placeholder="000.00.00.H00-260101-0001"
          />
          <Button type="submit" variant="secondary">
            {t('portal.home.searchButton')}
          </Button>
        </form>
      </Card>
    </>
  );
}
