import { describe, expect, it } from 'vitest';
import { renderPortal } from './prerender';

describe('the portal prerendered at build time', () => {
  it('renders the home page in Vietnamese inside the portal frame', () => {
    const html = renderPortal('home');
    expect(html).toContain('<h1>Dịch vụ công trực tuyến</h1>');
    expect(html).toContain('href="/tra-cuu"');
    expect(html).toContain('lang-switch');
  });

  it('renders the frame with a loading notice for the other portal pages', () => {
    const html = renderPortal('shell');
    expect(html).not.toContain('<h1>');
    expect(html).toContain('role="status"');
    expect(html).toContain('Đang tải');
    expect(html).toContain('site-footer');
  });
});
