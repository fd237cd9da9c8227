/**
 * Hosts a redirect_uri may name by default: loopback only,
 * like a Podio key registered for localhost.
 */
export const DEFAULT_REDIRECT_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

const MAX_REDIRECT_URI_LENGTH = 2048;

export type RedirectCheck = { ok: true; url: URL } | { ok: false; message: string };

/**
 * Checks a redirect_uri before anything is sent to it. The raw string must already be clean:
 * the URL parser silently drops CR, LF and tabs, so checking only the parsed form would let a
 * header-injection attempt through as a different URI than the one the client will send back.
 */
export function checkRedirectUri(
  raw: string | undefined,
  hosts: ReadonlySet<string>,
): RedirectCheck {
  if (!raw) return { ok: false, message: 'The redirect_uri parameter is missing.' };
  if (raw.length > MAX_REDIRECT_URI_LENGTH) {
    return { ok: false, message: 'The redirect_uri is too long.' };
  }
  if (hasControlOrSpace(raw)) {
    return { ok: false, message: 'The redirect_uri contains spaces or control characters.' };
  }
  if (!URL.canParse(raw)) return { ok: false, message: 'The redirect_uri is not a valid URL.' };

  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: 'The redirect_uri must be an http or https URL.' };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'The redirect_uri must not carry a user name or password.' };
  }
  if (raw.includes('#')) {
    return { ok: false, message: 'The redirect_uri must not have a fragment (RFC 6749 §3.1.2).' };
  }
  if (!hosts.has(url.hostname.toLowerCase())) {
    return {
      ok: false,
      message:
        "The redirect_uri's host is not registered for this client " +
        `(allowed: ${[...hosts].join(', ')}).`,
    };
  }
  return { ok: true, url };
}

/**
 * The redirect target with our parameters added after any query it already has. The existing
 * query is kept byte for byte rather than re-serialised, so the client sees what it registered.
 */
export function redirectWith(url: URL, params: Record<string, string>): string {
  const target = new URL(url.href);
  const added = new URLSearchParams(params).toString();
  const existing = target.search.slice(1);
  target.search = existing ? `${existing}&${added}` : added;
  return target.href;
}

// Control characters and spaces have no place in a URI (RFC 3986 §2).
function hasControlOrSpace(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}
