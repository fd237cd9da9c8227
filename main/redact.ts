/**
 * Secret redaction applied by the logger itself, so no call site can forget it. Three nets:
 * known field names in objects, the same names inside form/query/JSON text, and any value
 * registered as a secret at the moment it was loaded (catches secrets echoed in free text).
 */

export const MASK = '[redacted]';

const SECRET_KEYS = [
  'client_secret',
  'password',
  'app_token',
  'access_token',
  'refresh_token',
  'code',
  'code_verifier',
  'authorization',
  'server_nonce',
];

const normalise = (key: string): string =>
  key
    .replace(/[-\s]/g, '_')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();

const SECRET_KEY_SET = new Set(SECRET_KEYS);

/** True for field names that hold secrets, in snake_case, camelCase or header form. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY_SET.has(normalise(key));
}

// Values shorter than this are not registered: masking "a" everywhere would destroy log lines.
const MIN_REGISTERED_LENGTH = 4;
const MAX_REGISTERED = 1000;
const registered = new Set<string>();

/** Remember a secret value so it is masked wherever it later appears in log text. */
export function registerSecret(value: string | null | undefined): void {
  if (!value || value.length < MIN_REGISTERED_LENGTH) return;
  if (registered.size >= MAX_REGISTERED) {
    const oldest = registered.values().next().value;
    if (oldest !== undefined) registered.delete(oldest);
  }
  registered.add(value);
}

const keyAlternation = [
  ...SECRET_KEYS,
  'clientSecret',
  'appToken',
  'accessToken',
  'refreshToken',
  'codeVerifier',
  'serverNonce',
].join('|');

// "key":"value" in JSON text.
const JSON_PAIR = new RegExp(`("(?:${keyAlternation})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi');
// key=value in form bodies and query strings.
const FORM_PAIR = new RegExp(`(^|[?&\\s;,])((?:${keyAlternation})=)[^&\\s#;,]*`, 'gi');
// Authorization header values: scheme then credentials.
const AUTH_HEADER = /\b((?:OAuth2|Bearer|Basic)\s+)[A-Za-z0-9._~+/=-]+/gi;

/** Mask secrets inside a piece of text. */
export function redactText(text: string): string {
  let out = text
    .replace(JSON_PAIR, `$1"${MASK}"`)
    .replace(FORM_PAIR, `$1$2${MASK}`)
    .replace(AUTH_HEADER, `$1${MASK}`);
  for (const secret of registered) {
    if (out.includes(secret)) out = out.split(secret).join(MASK);
  }
  return out;
}

/** Deep copy of a value with every secret masked; cycles and depth are bounded. */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value) || depth > 8) return '[…]';
  seen.add(value);
  if (value instanceof Error) {
    const copy = new Error(redactText(value.message));
    copy.name = value.name;
    copy.stack = value.stack === undefined ? undefined : redactText(value.stack);
    return copy;
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
  if (value instanceof URLSearchParams) return redactText(value.toString());
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] =
      isSecretKey(key) && item !== null && item !== '' ? MASK : redact(item, depth + 1, seen);
  }
  return out;
}
