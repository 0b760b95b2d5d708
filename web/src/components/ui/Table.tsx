import type { Key, ReactNode } from 'react';
import { Spinner } from './basics';
import { ErrorBox } from './ErrorBox';

export type Column<T> = {
  /** Header text; also the column's React key unless `key` is given. */
  header: ReactNode;
  key?: string;
  cell(row: T): ReactNode;
  className?: string;
  /** The cell that names its row (`<th scope="row">`), e.g. the agency of a row of figures. */
  rowHeader?: boolean;
};

/** Data attributes a row carries for scripts and tests (`data-code`, `data-version`). */
type RowData = Record<`data-${string}`, string | number | undefined>;

/**
 * A table is named for screen readers by its caption (`captionHidden` keeps it off screen where a heading already
 * shows it) or by the id of a heading that names it (`labelledBy`).
 */
type Name =
  | { caption: ReactNode; captionHidden?: boolean; labelledBy?: never }
  | { caption?: never; captionHidden?: never; labelledBy: string };

type Props<T> = Name & {
  columns: Column<T>[];
  rows: readonly T[];
  rowKey(row: T): Key;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  rowClassName?(row: T): string | undefined;
  rowData?(row: T): RowData;
  className?: string;
};

/** A data table: caption, column headers with scope, one keyed row per item, and a sentence when there is none. */
export function Table<T>({
  caption,
  captionHidden,
  labelledBy,
  columns,
  rows,
  rowKey,
  empty,
  rowClassName,
  rowData,
  className,
}: Props<T>) {
  if (rows.length === 0) return <p className="table-empty">{empty}</p>;
  return (
    <div className="table-scroll">
      <table className={className} aria-labelledby={labelledBy}>
        {labelledBy ? null : (
          <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        )}
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={c.key ?? (typeof c.header === 'string' ? c.header : i)} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)} {...rowData?.(row)}>
              {columns.map((c, i) => {
                const key = c.key ?? (typeof c.header === 'string' ? c.header : i);
                return c.rowHeader ? (
                  <th key={key} scope="row" className={c.className}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={key} className={c.className}>
                    {c.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type DistributiveOmit<P, K extends PropertyKey> = P extends unknown ? Omit<P, K> : never;

/** A query's rows as a Table: a spinner while loading, the server's error, the empty sentence, or the table. */
export function QueryTable<T>({
  query,
  loadingLabel,
  ...table
}: DistributiveOmit<Props<T>, 'rows'> & {
  query: { isPending: boolean; error: unknown; rows: readonly T[] | undefined };
  loadingLabel: string;
}) {
  if (query.error) return <ErrorBox error={query.error} />;
  if (query.isPending || !query.rows) return <Spinner label={loadingLabel} />;
  return <Table {...table} rows={query.rows} />;
}
