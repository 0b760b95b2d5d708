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

  it('aligns figures, marks cells with data attributes, keys rows by index and ends with a footer row', () => {
    const html = render({
      caption: 'Tổng hợp',
      testId: 'totals',
      rowKey: (_: Row, i: number) => i,
      columns: [
        { header: 'Cơ quan', cell: (r: Row) => r.name, rowHeader: true },
        { header: 'Số hồ sơ', cell: (r: Row) => r.n, numeric: true, cellData: { 'data-col': 'n' } },
      ],
      footer: { code: 'total', name: 'Tổng cộng', n: 3 },
      rowData: (r: Row) => ({ 'data-total': r.code === 'total' ? 'true' : undefined }),
    });
    expect(html).toContain('<table data-testid="totals">');
    expect(html).toContain('<th scope="col" class="num">Số hồ sơ</th>');
    expect(html).toContain('<tr><th scope="row">Sở Xây dựng</th><td class="num" data-col="n">3</td></tr>');
    expect(html).toContain(
      '</tbody><tfoot><tr data-total="true"><th scope="row">Tổng cộng</th><td class="num" data-col="n">3</td></tr></tfoot>',
    );
  });

  it('says so when there are no rows', () => {
    expect(render({ caption: 'x', rows: [] })).toBe('<p class="table-empty">Không có</p>');
  });
});
