import '../../features/dossiers/dossiers.css';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../components/ui';
import { useLookup } from '../../features/dossiers/hooks';
import { useI18n } from '../../i18n/i18n';
import { LookupOutcome } from '../portal/LookupPage';
import { useTitle } from '../../lib/useTitle';

/** How long the kiosk waits without a touch before it clears itself for the next person. */
export const KIOSK_IDLE_MS = 60_000;
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '.', '0', '-'];

/**
 * /kiosk: a self-service screen in the reception hall. Large type and touch targets, a keypad for the digits of a
 * code, its own minimal layout, and it forgets everything after a minute without use (nobody's dossier stays shown).
 */
export function KioskPage({ idleMs = idleFromUrl() }: { idleMs?: number }) {
  const { t, locale, setLocale } = useI18n();
  useTitle(t('dossiers.kiosk.title'));
  const [input, setInput] = useState('');
  const [code, setCode] = useState<string | undefined>();
  const lookup = useLookup(code);
  const timer = useRef<number | undefined>(undefined);
  const inputRef = useRef<HTMLInputElement>(null);

  const reset = useCallback(() => {
    setInput('');
    setCode(undefined);
  }, []);
  const touch = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(reset, idleMs);
  }, [idleMs, reset]);
  useEffect(() => {
    touch();
    const events = ['pointerdown', 'keydown', 'touchstart'] as const;
    events.forEach((e) => window.addEventListener(e, touch));
    return () => {
      window.clearTimeout(timer.current);
      events.forEach((e) => window.removeEventListener(e, touch));
    };
  }, [touch]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = input.trim().toUpperCase();
    setCode(c || undefined);
  };
  return (
    <div className="kiosk">
      <header className="kiosk-header">
        <strong>{t('app.name')}</strong>
        <button
          type="button"
          className="lang-switch"
          onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}
        >
          {t('app.switchToOther')}
        </button>
      </header>
      <main id="main">
        <h1>{t('dossiers.kiosk.title')}</h1>
        {code ? (
          <>
            <LookupOutcome code={code} lookup={lookup} />
            <Button type="button" className="kiosk-big" onClick={reset}>
              {t('dossiers.kiosk.again')}
            </Button>
          </>
        ) : (
          <form onSubmit={submit}>
            <label htmlFor="kiosk-code">{t('dossiers.lookup.code')}</label>
            <p id="kiosk-lead">{t('dossiers.kiosk.lead')}</p>
            <input
              id="kiosk-code"
              ref={inputRef}
              className="kiosk-input"
              value={input}
              autoComplete="off"
              aria-describedby="kiosk-lead"
              onChange={(e) => setInput(e.target.value)}
            />
            <div className="kiosk-keypad" role="group" aria-label={t('dossiers.kiosk.keypad')}>
              {KEYS.map((k) => (
                <button type="button" key={k} onClick={() => setInput((s) => s + k)}>
                  {k}
                </button>
              ))}
              <button type="button" onClick={() => setInput((s) => s.slice(0, -1))}>
                <span aria-hidden="true">⌫</span>
                <span className="visually-hidden">{t('dossiers.kiosk.backspace')}</span>
              </button>
              <button type="button" onClick={() => setInput('')}>
                {t('dossiers.kiosk.clear')}
              </button>
            </div>
            <Button type="submit" className="kiosk-big">
              {t('dossiers.lookup.search')}
            </Button>
          </form>
        )}
        <p className="kiosk-idle">{t('dossiers.kiosk.idle')}</p>
      </main>
    </div>
  );
}

/** Tests shorten the idle time with ?idle=<ms>; the floor keeps a typo from making the kiosk unusable. */
function idleFromUrl(): number {
  const v = Number(new URLSearchParams(window.location.search).get('idle'));
  return Number.isFinite(v) && v >= 1000 ? v : KIOSK_IDLE_MS;
}
