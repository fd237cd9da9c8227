import type { ServerResponse } from 'node:http';

/** What the browser tab shows after the redirect: a heading and one sentence. */
export interface RedirectPage {
  ok: boolean;
  title: string;
  detail: string;
}

// The page runs nothing and loads nothing; inline style is its only need.
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

/** The whole HTML document for a page; every piece of text is escaped here, once. */
export function renderPage(page: RedirectPage): string {
  const title = escapeHtml(page.title);
  const detail = escapeHtml(page.detail);
  const accent = page.ok ? '#1a7f37' : '#b42318';
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title} · Token Workbench</title>`,
    '<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;display:grid;place-items:center;',
    `min-height:100vh;background:#f6f7f9;color:#1f2328}main{max-width:36rem;padding:2rem;`,
    'background:#fff;border-radius:8px;',
    `border-top:4px solid ${accent}}h1{font-size:1.25rem}</style>`,
    '</head><body><main>',
    `<h1>${title}</h1>`,
    `<p>${detail}</p>`,
    '<p>You can close this tab and return to Token Workbench.</p>',
    '</main></body></html>',
  ].join('');
}

/** Sends a page with headers that keep it from being cached, framed, sniffed or scripted. */
export function sendPage(res: ServerResponse, status: number, page: RedirectPage): void {
  const body = renderPage(page);
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Content-Security-Policy': PAGE_CSP,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // One request per connection: keep-alive sockets would hold the one-shot listener open.
    Connection: 'close',
  });
  res.end(body);
}
