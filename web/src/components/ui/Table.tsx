import type { Key, ReactNode } from 'react';
import { Spinner } from './basics';
import { ErrorBox } from './ErrorBox';

export type Column<T> = {
  /** Header text; also the column's React key unless `key` is given. */
  header: ReactNode;
  key?: string;
  cell(row: T): ReactNode;
  className?: string;
};

type Props<T> = {
  /** Names the table for screen readers; `captionHidden` keeps it off screen where a heading already shows it. */
  caption: ReactNode;
  captionHidden?: boolean;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey(row: T): Key;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  rowClassName?(row: T): string | undefined;
  className?: string;
};

/** A data table: caption, column headers with scope, one keyed row per item, and a sentence when there is none. */
export function Table<T>({
  caption,
  captionHidden,
  columns,
  rows,
  rowKey,
  empty,
  rowClassName,
  className,
}: Props<T>) {
  if (rows.length === 0) return <p className="table-empty">{empty}</p>;
  return (
    <div className="table-scroll">
      <table className={className}>
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
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
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((c, i) => (
                <td key={c.key ?? (typeof c.header === 'string' ? c.header : i)} className={c.className}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A query's rows as a Table: a spinner while loading, the server's error, the empty sentence, or the table. */
export function QueryTable<T>({
  query,
  loadingLabel,
  ...table
}: Omit<Props<T>, 'rows'> & {
  query: { isPending: boolean; error: unknown; rows: readonly T[] | undefined };
  loadingLabel: string;
}) {
  if (query.error) return <ErrorBox error={query.error} />;
  if (query.isPending || !query.rows) return <Spinner label={loadingLabel} />;
  return <Table {...table} rows={query.rows} />;
}
