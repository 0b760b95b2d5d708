import './ui.css';
import type { Key, ReactNode } from 'react';
import { Spinner } from './basics';
import { ErrorBox } from './ErrorBox';

/** Data attributes a row or a cell carries for scripts and tests (`data-code`, `data-version`, `data-col`). */
type DataAttributes = Record<`data-${string}`, string | number | undefined>;

export type Column<T> = {
  /** Header text; also the column's React key unless `key` is given. */
  header: ReactNode;
  key?: string;
  cell(row: T): ReactNode;
  className?: string;
  /** The cell that names its row (`<th scope="row">`), e.g. the agency of a row of figures. */
  rowHeader?: boolean;
  /** Figures: the header and the cells align right in digits of one width, so units line up down the column. */
  numeric?: boolean;
  /** Data attributes every cell of the column carries, in the body and the footer (`data-col`). */
  cellData?: DataAttributes;
};

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
  rowKey(row: T, index: number): Key;
  /** Shown instead of the table when there are no rows (and no footer). */
  empty: ReactNode;
  /** A last row laid out by the same columns in `<tfoot>`, e.g. the total of the rows above (shown with no rows). */
  footer?: T;
  rowClassName?(row: T): string | undefined;
  rowData?(row: T): DataAttributes;
  className?: string;
  /** The table's `data-testid`. */
  testId?: string;
};

/**
 * A data table: caption, column headers with scope, one keyed row per item (and an optional footer row), and a
 * sentence when there is none.
 */
export function Table<T>({
  caption,
  captionHidden,
  labelledBy,
  columns,
  rows,
  rowKey,
  empty,
  footer,
  rowClassName,
  rowData,
  className,
  testId,
}: Props<T>) {
  if (rows.length === 0 && footer === undefined) return <p className="table-empty">{empty}</p>;
  const row = (r: T, key: Key) => (
    <tr key={key} className={rowClassName?.(r)} {...rowData?.(r)}>
      {columns.map((c, i) => {
        const cell = { className: cellClass(c, c.className), ...c.cellData };
        return c.rowHeader ? (
          <th key={columnKey(c, i)} scope="row" {...cell}>
            {c.cell(r)}
          </th>
        ) : (
          <td key={columnKey(c, i)} {...cell}>
            {c.cell(r)}
          </td>
        );
      })}
    </tr>
  );
  return (
    <div className="table-scroll">
      <table className={className} aria-labelledby={labelledBy} data-testid={testId}>
        {labelledBy ? null : (
          <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        )}
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={columnKey(c, i)} scope="col" className={cellClass(c)}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{rows.map((r, i) => row(r, rowKey(r, i)))}</tbody>
        {footer === undefined ? null : <tfoot>{row(footer, 'footer')}</tfoot>}
      </table>
    </div>
  );
}

const columnKey = <T,>(c: Column<T>, i: number) => c.key ?? (typeof c.header === 'string' ? c.header : i);
const cellClass = <T,>(c: Column<T>, className?: string) =>
  [c.numeric ? 'num' : '', className ?? ''].filter(Boolean).join(' ') || undefined;

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
