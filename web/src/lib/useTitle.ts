import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * Gives the page its own document title (WCAG 2.4.2), in the current language: "<page> — Một Cửa", or the portal's
 * full name for the home page (no argument). Call it at the top of the page component, before any early return;
 * pages whose title is data (a procedure's name) pass a generic title until the data arrives.
 */
export function useTitle(page?: string): void {
  const { t } = useI18n();
  const title = page ? t('app.pageTitle', { page }) : t('app.documentTitle');
  useEffect(() => {
    document.title = title;
  }, [title]);
}

/** The same as an element, for a branch of a page that replaces its content (a log-in prompt in a guard). */
export function Title({ page }: { page?: string }): null {
  useTitle(page);
  return null;
}
