import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatMessage, type Locale } from '@motcua/contracts';
import { setApiLocale } from '../lib/api';
import { en, vi } from './bundles';

/** Vietnamese is the source of truth for keys; typecheck and the i18n test fail when English lacks one. */
export type MessageKey = keyof typeof vi;
export const messages: Record<Locale, Record<MessageKey, string>> = { vi, en };

type I18n = {
  locale: Locale;
  setLocale(l: Locale): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
};
const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'motcua.locale';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() =>
    localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi',
  );
  useEffect(() => {
    document.documentElement.lang = locale;
    setApiLocale(locale);
  }, [locale]);
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(STORAGE_KEY, l);
    setLocaleState(l);
  }, []);
  const t = useCallback(
    (key: MessageKey, params: Record<string, string | number> = {}) =>
      formatMessage(messages[locale][key], locale, params),
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
