import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Table, type Column } from './Table';

type Row = { code: string; name: string; n: number };
const rows: Row[] = [
  { code: 'A', name: 'Sở Xây dựng', n: 3 },
  { code: 'B', name: 'UBND xã', n: 0 },
];
const columns: Column<Row>[] = [
  { header: 'Cơ quan', cell: (r) => r.name, rowHeader: true },
  { header: 'Số hồ sơ', cell: (r) => r.n },
];
const render = (props: Record<string, unknown>) =>
  renderToStaticMarkup(
    createElement(Table<Row>, {
      columns,
      rows,
      rowKey: (r: Row) => r.code,
      empty: 'Không có',
      ...props,
    } as never),
  );

describe('Table', () => {
  it('names itself with a caption, headers its columns and, where asked, its rows', () => {
    const html = render({ caption: 'Hồ sơ theo cơ quan' });
    expect(html).toContain('<caption>Hồ sơ theo cơ quan</caption>');
    expect(html).toContain('<th scope="col">Cơ quan</th>');
    expect(html).toContain('<th scope="row">Sở Xây dựng</th><td>3</td>');
  });

  it('or by the heading it names (aria-labelledby) and carries data attributes on its rows', () => {
    const html = render({ labelledBy: 'late-title', rowData: (r: Row) => ({ 'data-code': r.code }) });
    expect(html).toContain('<table aria-labelledby="late-title">');
    expect(html).not.toContain('<caption');
    expect(html).toContain('<tr data-code="B">');
  });

  it('says so when there are no rows', () => {
    expect(render({ caption: 'x', rows: [] })).toBe('<p class="table-empty">Không có</p>');
  });
});
