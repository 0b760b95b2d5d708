import { useId, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TFeedbackChannel, TFeedbackCreated, TFeedbackKind } from '@motcua/contracts';
import { Alert, Button, ErrorBox } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { formatDateTime } from '../../../lib/dates';
import { feedbackApi, feedbackKeys } from '../api';

const STAFF_CHANNELS: TFeedbackChannel[] = ['letter', 'phone', 'email'];

/**
 * The portal form: a question (may be anonymous) or a complaint (needs contact data), optionally about a dossier, a
 * procedure (its agency gets it) or an official. Staff (`staff`) enter what came by letter, phone or e-mail: the channel, and for a letter its scan.
 */
export function FeedbackForm({
  dossierCode = '',
  procedureCode = '',
  staff = false,
  onFiled,
}: {
  dossierCode?: string;
  procedureCode?: string;
  staff?: boolean;
  onFiled?: () => void;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const agencies = useQuery({ queryKey: feedbackKeys.agencies, queryFn: feedbackApi.agencies });
  const [v, setV] = useState({
    kind: (dossierCode ? 'complaint' : 'question') as TFeedbackKind,
    content: '',
    dossierCode,
    procedureCode,
    agencyId: '',
    name: '',
    email: '',
    phone: '',
    official: '',
    channel: 'letter' as TFeedbackChannel,
    consent: false,
  });
  const [scan, setScan] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<TFeedbackCreated | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    feedbackApi
      .file({
        kind: v.kind,
        content: v.content,
        ...(v.dossierCode.trim() ? { dossierCode: v.dossierCode.trim() } : {}),
        ...(v.procedureCode.trim() ? { procedureCode: v.procedureCode.trim() } : {}),
        ...(v.agencyId ? { agencyId: v.agencyId } : {}),
        contact: {
          ...(v.name.trim() ? { name: v.name.trim() } : {}),
          ...(v.email.trim() ? { email: v.email.trim() } : {}),
          ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
        },
        ...(v.official.trim() ? { officialName: v.official.trim() } : {}),
        ...(staff ? { channel: v.channel } : {}),
        consentToPublish: v.consent,
      })
      .then(async (created) => {
        // The item exists once filed; a refused scan is shown and can be sent again from the list.
        if (staff && v.channel === 'letter' && scan) await feedbackApi.scan(created.id, scan);
        return created;
      })
      .then((created) => {
        setDone(created);
        onFiled?.();
      })
      .catch(setError)
      .finally(() => setBusy(false));
  };
  if (done)
    return (
      <Alert kind="success">
        {t('feedback.file.done', {
          reference: done.reference,
          due: formatDateTime(done.answerDueAt, locale),
        })}
      </Alert>
    );
  const input = (
    key: 'dossierCode' | 'procedureCode' | 'name' | 'email' | 'phone' | 'official',
    label: Parameters<typeof t>[0],
    type = 'text',
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{t(label)}</label>
      <input
        id={`${id}-${key}`}
        type={type}
        value={v[key]}
        onChange={(e) => setV({ ...v, [key]: e.target.value })}
      />
    </div>
  );
  return (
    <form onSubmit={submit}>
      {staff ? (
        <div className="field">
          <label htmlFor={`${id}-channel`}>{t('feedback.file.channel')}</label>
          <select
            id={`${id}-channel`}
            value={v.channel}
            onChange={(e) => setV({ ...v, channel: e.target.value as TFeedbackChannel })}
          >
            {STAFF_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`feedback.channel.${c}`)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {staff && v.channel === 'letter' ? (
        <div className="field">
          <label htmlFor={`${id}-scan`}>{t('feedback.file.scan')}</label>
          <input
            id={`${id}-scan`}
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            onChange={(e) => setScan(e.target.files?.[0] ?? null)}
          />
        </div>
      ) : null}
      <fieldset>
        <legend>{t('feedback.file.kind')}</legend>
        {(['question', 'complaint'] as const).map((k) => (
          <label key={k}>
            <input
              type="radio"
              name={`${id}-kind`}
              checked={v.kind === k}
              onChange={() => setV({ ...v, kind: k })}
            />{' '}
            {t(`feedback.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-content`}>{t('feedback.file.content')}</label>
        <textarea
          id={`${id}-content`}
          required
          rows={5}
          value={v.content}
          onChange={(e) => setV({ ...v, content: e.target.value })}
        />
      </div>
      {input('dossierCode', 'feedback.file.dossierCode')}
      {input('procedureCode', 'feedback.file.procedureCode')}
      {input('official', 'feedback.file.official')}
      <div className="field">
        <label htmlFor={`${id}-agency`}>{t('feedback.file.agency')}</label>
        <select
          id={`${id}-agency`}
          value={v.agencyId}
          onChange={(e) => setV({ ...v, agencyId: e.target.value })}
        >
          {/* Staff: what they enter stays with their agency unless they name another. */}
          <option value="">{t(staff ? 'feedback.file.ownAgency' : 'feedback.file.anyAgency')}</option>
          {(agencies.data ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      {input('name', 'feedback.file.name')}
      {input('email', 'feedback.file.email', 'email')}
      {input('phone', 'feedback.file.phone', 'tel')}
      <label>
        <input
          type="checkbox"
          checked={v.consent}
          onChange={(e) => setV({ ...v, consent: e.target.checked })}
        />{' '}
        {t('feedback.file.consent')}
      </label>
      <ErrorBox error={error} />
      <Button type="submit" disabled={busy} aria-busy={busy}>
        {t('feedback.file.submit')}
      </Button>
    </form>
  );
}
