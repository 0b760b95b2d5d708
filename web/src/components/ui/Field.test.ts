import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/i18n';
import { ReasonField } from './Field';

const render = (props: Parameters<typeof ReasonField>[0]) =>
  renderToStaticMarkup(createElement(I18nProvider, null, createElement(ReasonField, props)));

describe('ReasonField', () => {
  it('is a labelled textarea that asks for at least 3 characters, its label unmarked', () => {
    const html = render({
      id: 'stop-reason',
      label: 'Lý do dừng',
      value: 'Hồ sơ giả mạo',
      onChange: () => {},
    });
    expect(html).toContain('<label for="stop-reason">Lý do dừng</label>');
    expect(html).toContain(
      '<textarea id="stop-reason" rows="3" required="" minLength="3">Hồ sơ giả mạo</textarea>',
    );
    expect(html).not.toContain('bắt buộc');
  });

  it('ties its hint and its error to the textarea', () => {
    const html = render({
      id: 'r',
      label: 'Lý do',
      rows: 2,
      hint: 'Ghi rõ căn cứ',
      error: 'Quá ngắn',
      value: '',
      onChange: () => {},
    });
    expect(html).toContain('<textarea id="r" aria-describedby="r-hint r-err" aria-invalid="true" rows="2"');
    expect(html).toContain('<p id="r-err" class="field-error">Quá ngắn</p>');
  });
});
