import '../../features/processing/processing.css';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Card } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * /office/xu-ly — "Hồ sơ cần xử lý". The server has no inbox route yet (processing.routes.ts lists actions only), so
 * until it does this page opens a dossier's workspace by its ID; the list by step due time replaces the form then.
 */
export function ProcessingInboxPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [id, setId] = useState('');
  const valid = UUID.test(id.trim());
  return (
    <>
      <h1>{t('processing.inbox.title')}</h1>
      <p>{t('processing.inbox.lead')}</p>
      <Alert kind="info">{t('processing.inbox.noApi')}</Alert>
      <Card>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) void navigate(`/office/xu-ly/${id.trim()}`);
          }}
        >
          <div className="field">
            <label htmlFor="inbox-open">{t('processing.inbox.openLabel')}</label>
            <input
              id="inbox-open"
              required
              autoComplete="off"
              pattern={UUID.source.slice(1, -1)}
              value={id}
              onChange={(e) => setId(e.target.value)}
            />
          </div>
          <Button type="submit">{t('processing.inbox.open')}</Button>
        </form>
      </Card>
    </>
  );
}
