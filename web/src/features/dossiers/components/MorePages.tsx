import type { UseInfiniteQueryResult, InfiniteData } from '@tanstack/react-query';
import type { TDossierList } from '@motcua/contracts';
import { Button } from '../../../components/ui';
import { formatCount } from '../../../lib/dates';
import { useI18n } from '../../../i18n/i18n';

type Pages = UseInfiniteQueryResult<InfiniteData<TDossierList>>;

/** The dossiers of every keyset page loaded so far. */
export const loadedItems = (q: Pages) => q.data?.pages.flatMap((p) => p.items) ?? [];

/** "12 / 40 hồ sơ" and "Xem thêm" under a keyset-paged dossier list. */
export function MorePages({ q }: { q: Pages }) {
  const { t, locale } = useI18n();
  const first = q.data?.pages[0];
  if (!first || first.items.length === 0) return null;
  const total = `${formatCount(first.total, locale)}${first.totalCapped ? '+' : ''}`;
  return (
    <p className="list-more">
      <small>{t('dossiers.shown', { shown: formatCount(loadedItems(q).length, locale), total })}</small>{' '}
      {q.hasNextPage ? (
        <Button
          type="button"
          variant="secondary"
          disabled={q.isFetchingNextPage}
          aria-busy={q.isFetchingNextPage}
          onClick={() => void q.fetchNextPage()}
        >
          {t('dossiers.more')}
        </Button>
      ) : null}
    </p>
  );
}
