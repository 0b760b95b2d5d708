import { renderToString } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Route, Routes, StaticRouter } from 'react-router-dom';
import { I18nProvider } from './i18n/i18n';
import { PageLoading } from './routes/PageLoading';
import { HomePage } from './routes/portal/HomePage';
import { PortalLayout } from './routes/portal/PortalLayout';

/**
 * The portal's HTML at build time (web/prerender.ts), in Vietnamese: the home page as it first renders, and the
 * frame every other portal page shows while its chunk loads (header, menu, "Đang tải…", footer). A phone paints
 * it from the HTML alone; the app then renders the same tree over it (ADR 0021).
 */
export function renderPortal(page: 'home' | 'shell'): string {
  return renderToString(
    <I18nProvider>
      <QueryClientProvider client={new QueryClient()}>
        <StaticRouter location={page === 'home' ? '/' : '/dang-tai'}>
          <Routes>
            <Route element={<PortalLayout />}>
              <Route index element={<HomePage />} />
              <Route path="*" element={<PageLoading />} />
            </Route>
          </Routes>
        </StaticRouter>
      </QueryClientProvider>
    </I18nProvider>,
  );
}
