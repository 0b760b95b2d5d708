import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatMessage, type Locale } from '@motcua/contracts';
import { setApiLocale } from '../lib/api';
import { vi, type MessageKey } from './messages-vi';

export type { MessageKey };

/**
 * Messages per language: Vietnamese is always here (the source of truth for keys); English is fetched the first
 * time it is chosen, so a phone downloads one language, not two (ADR 0021).
 */
export const messages: { vi: Record<MessageKey, string>; en?: Record<MessageKey, string> } = { vi };

/** Loads a language's messages once; resolves when `t` can answer in it. */
export async function loadLocale(l: Locale): Promise<void> {
  if (l === 'en' && !messages.en) messages.en = (await import('./messages-en')).en;
}

type I18n = {
  locale: Locale;
  setLocale(l: Locale): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
};
const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'motcua.locale';

/** The language this browser chose last time (Vietnamese unless English was picked). */
export const storedLocale = (): Locale =>
  typeof localStorage !== 'undefined' && localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';

/** Expects the stored language loaded (`loadLocale(storedLocale())`) before it first renders. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => (messages[storedLocale()] ? storedLocale() : 'vi'));
  useEffect(() => {
    document.documentElement.lang = locale;
    setApiLocale(locale);
  }, [locale]);
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(STORAGE_KEY, l);
    void loadLocale(l).then(() => setLocaleState(l));
  }, []);
  const t = useCallback(
    (key: MessageKey, params: Record<string, string | number> = {}) =>
      formatMessage((messages[locale] ?? messages.vi)[key], locale, params),
    [locale],
  );
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
