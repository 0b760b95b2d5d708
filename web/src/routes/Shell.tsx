import { useEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router-dom';
import type { TStaffRole } from '@motcua/contracts';
import { useMe } from '../features/session/hooks';
import { useI18n, type MessageKey } from '../i18n/i18n';

/** A menu entry; with `roles`, shown only to staff holding one of them. */
export type NavItem = { to: string; label: MessageKey; end?: boolean; roles?: TStaffRole[] };

/** The page frame every area shares: skip link, header with navigation and language switch, main, footer. */
export function Shell({
  area,
  nav,
  children,
}: {
  area: 'portal' | 'office' | 'admin';
  nav: NavItem[];
  children: ReactNode;
}) {
  const { t, locale, setLocale } = useI18n();
  const navRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const me = useMe();
  const shown = nav.filter((item) => !item.roles || item.roles.some((r) => me.data?.roles.includes(r)));
  // On a phone the menu is one sideways strip: keep the current page's item in view.
  useEffect(() => {
    const nav = navRef.current;
    const active = nav?.querySelector<HTMLElement>('a.active');
    if (nav && active) nav.scrollLeft = active.offsetLeft - nav.offsetLeft - 12;
  }, [pathname]);
  return (
    <div className={`shell shell-${area}`}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <Link to={area === 'portal' ? '/' : `/${area}`} className="brand">
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <span>
            <strong>{t('app.name')}</strong>
            <small>
              {area === 'portal' ? t('app.tagline') : t(area === 'office' ? 'nav.office' : 'nav.admin')}
            </small>
          </span>
        </Link>
        <nav aria-label={t('nav.main')} ref={navRef}>
          <ul>
            {shown.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <button
          type="button"
          className="lang-switch"
          lang={locale === 'vi' ? 'en' : 'vi'}
          aria-label={`${t('app.language')}: ${t('app.switchToOther')}`}
          onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}
        >
          {t('app.switchToOther')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
