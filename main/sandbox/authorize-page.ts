import { createHash } from 'node:crypto';

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; background: #f4f5f7; color: #1d2330; margin: 0; }
main { max-width: 32rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: 8px;
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.12); }
h1 { font-size: 1.3rem; margin-top: 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dt { color: #5b6475; } dd { margin: 0; overflow-wrap: anywhere; }
.actions { display: flex; gap: 0.75rem; margin-top: 1.5rem; }
button { font: inherit; padding: 0.5rem 1.5rem; border-radius: 6px; border: 1px solid #8a93a6;
  background: #fff; cursor: pointer; }
button.allow { background: #1f6feb; border-color: #1f6feb; color: #fff; }
.note { color: #5b6475; font-size: 0.85rem; }
`;

// A hash, not 'unsafe-inline': the one stylesheet we ship is allowed and nothing else is.
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Security headers for the sandbox's pages. No scripts, no external resources, no framing.
 * form-action must name the redirect's origin too: browsers check it on the redirect that
 * follows a form post, and the decision answers with exactly such a redirect.
 */
export function pageHeaders(formTargetOrigin: string | null): Record<string, string> {
  const formAction = formTargetOrigin ? `'self' ${formTargetOrigin}` : "'none'";
  return {
    'Content-Security-Policy': [
      "default-src 'none'",
      `style-src ${STYLE_HASH}`,
      `form-action ${formAction}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join('; '),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${content}
</main>
</body>
</html>
`;
}

export interface ConsentView {
  clientId: string;
  username: string;
  redirectUri: string;
  scope: string;
  state: string | null;
  decisionId: string;
}

const SANDBOX_NOTE =
  '<p class="note">This is the Token Workbench sandbox: ' +
  "a local stand-in for Podio's authorize page.</p>";

/** The Allow / Deny page. Every echoed value is escaped; the forms carry only the decision id. */
export function consentPage(view: ConsentView): string {
  const hidden = `<input type="hidden" name="decision_id" value="${escapeHtml(view.decisionId)}">`;
  const stateRow =
    view.state === null ? '' : `<dt>State</dt><dd><code>${escapeHtml(view.state)}</code></dd>`;
  return page(
    'Authorize access – Token Workbench sandbox',
    `<h1>Allow <strong>${escapeHtml(view.clientId)}</strong> to access your account?</h1>
<p>You are signed in to the sandbox as <strong>${escapeHtml(view.username)}</strong>.</p>
<dl>
<dt>Client</dt><dd><code>${escapeHtml(view.clientId)}</code></dd>
<dt>Scope</dt><dd><code>${escapeHtml(view.scope)}</code></dd>
<dt>Returns to</dt><dd><code>${escapeHtml(view.redirectUri)}</code></dd>
${stateRow}
</dl>
<div class="actions">
<form method="post" action="/oauth/authorize/decision">
${hidden}
<input type="hidden" name="decision" value="allow">
<button type="submit" class="allow">Allow</button>
</form>
<form method="post" action="/oauth/authorize/decision">
${hidden}
<input type="hidden" name="decision" value="deny">
<button type="submit">Deny</button>
</form>
</div>
${SANDBOX_NOTE}`,
  );
}

/** A page for requests that cannot be redirected back (unknown client, bad redirect_uri…). */
export function errorPage(heading: string, message: string): string {
  return page(
    `${heading} – Token Workbench sandbox`,
    `<h1>${escapeHtml(heading)}</h1>
<p>${escapeHtml(message)}</p>
<p class="note">Nothing was sent back to the application.</p>`,
  );
}
