import { describe, expect, it } from 'vitest';
import { escapeHtml, renderPage } from './page';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});

describe('renderPage', () => {
  it('escapes the title and the detail so a reflected script is inert text', () => {
    const html = renderPage({
      ok: false,
      title: '<b>x</b>',
      detail: '<script>alert(1)</script>',
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
  });
});
