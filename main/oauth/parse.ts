import { STATUS_CODES } from 'node:http';
import type {
  DecodedField,
  ExchangeError,
  ExchangeMeta,
  TokenRef,
  TokenSuccess,
} from '../../preload/contract';
import { explainField } from './explain';

/** What one token response parses to. */
export type ParsedResult =
  | { status: 'token'; token: TokenSuccess; meta: ExchangeMeta }
  | { status: 'two_factor'; serverNonce: string; message: string; meta: ExchangeMeta }
  | { status: 'error'; error: ExchangeError };

export interface ResponseInput {
  status: number;
  headers: Record<string, string>;
  bodyText: string;
  receivedAt: number;
  url: string;
  latencyMs: number;
  /** The request's own secret values; masked wherever the server's body echoes them. */
  secrets?: string[];
}

export const RAW_BODY_LIMIT = 64 * 1024;
export const EXCERPT_LIMIT = 500;
const MASK = '[redacted]';
const KNOWN_TOKEN_FIELDS = new Set([
  'access_token',
  'token_type',
  'expires_in',
  'refresh_token',
  'scope',
  'ref',
]);
const SECRET_FIELDS = new Set(['access_token', 'refresh_token', 'transfer_token', 'id_token']);

const TWO_FACTOR_MESSAGE =
  'Two-factor sign-in is on for this login. Podio answered with a nonce for the second step ' +
  "instead of a token, and that step is not part of Podio's public API, so this login cannot " +
  'get a token here. Use an app token, or a login without two-factor sign-in.';

/**
 * Replace each secret, as typed and as it looks form- or JSON-encoded, with a mask. Even a very
 * short secret is masked everywhere: a garbled body is better than a leaked password.
 */
export function maskSecrets(text: string, secrets: readonly string[] = []): string {
  const variants = new Set<string>();
  for (const secret of secrets) {
    if (secret === '') continue;
    variants.add(secret);
    variants.add(encodeURIComponent(secret));
    variants.add(new URLSearchParams({ s: secret }).toString().slice(2));
    variants.add(JSON.stringify(secret).slice(1, -1));
  }
  // Limitation: other encodings of a secret (\u escapes, base64) are not recognised.
  // Longest first, so a secret that contains another is masked whole.
  let out = text;
  for (const variant of [...variants].sort((a, b) => b.length - a.length)) {
    if (out.includes(variant)) out = out.split(variant).join(MASK);
  }
  return out;
}

// Limitation: limits count UTF-16 code units, not bytes, so "64 KiB" is 64 Ki characters.
function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(limit - 1)) ? limit - 1 : limit;
  return text.slice(0, end);
}

function deepMask(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return maskSecrets(value, secrets);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (Array.isArray(value)) return value.map((item) => deepMask(item, secrets, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, deepMask(item, secrets, depth + 1)]),
  );
}

/** The observed facts of a response, with the body masked and bounded. */
export function buildMeta(input: ResponseInput): ExchangeMeta {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers)) headers[name.toLowerCase()] = value;
  return {
    url: input.url,
    status: input.status,
    latencyMs: input.latencyMs,
    receivedAt: input.receivedAt,
    headers,
    // Masked before cutting, so a secret across the cut cannot leak by halves.
    rawBody: cut(maskSecrets(input.bodyText, input.secrets), RAW_BODY_LIMIT),
  };
}

/** The start of a body for an error message: masked, HTML tags dropped, whitespace collapsed. */
// A token field's value in JSON text, also when the text was cut before its closing quote.
const TOKEN_FIELD =
  /("(?:access_token|refresh_token|id_token|transfer_token)"\s*:\s*)"(?:[^"\\]|\\.)*(?:"|$)/g;

/** Masks token values in JSON-looking text; the field names stay so the text still reads. */
export function maskTokenFields(text: string): string {
  return text.replace(TOKEN_FIELD, '$1"[hidden]"');
}

export function bodyExcerpt(bodyText: string, contentType: string, secrets?: string[]): string {
  let text = cut(bodyText, RAW_BODY_LIMIT);
  if (/html/i.test(contentType) || /^\s*<(!doctype|html|head|body)\b/i.test(text)) {
    text = text.replace(/<(script|style)\b[^<>]*>[^<]*<\/\1\s*>/gi, ' ').replace(/<[^<>]*>/g, ' ');
  }
  // [^<>] keeps both patterns linear on hostile input: a scan never runs past the next '<'.
  // Token fields are masked too: a cut-off success body shown as an error must not show them.
  text = maskTokenFields(maskSecrets(text.replace(/\s+/g, ' ').trim(), secrets));
  return text.length > EXCERPT_LIMIT ? `${cut(text, EXCERPT_LIMIT)}…` : text;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}

const statusLine = (status: number): string => {
  const reason = status === 420 ? 'Rate Limit' : STATUS_CODES[status];
  return reason ? `${status} ${reason}` : `${status}`;
};

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch {
    return { ok: false };
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// Ten years: anything longer is not a real expiry (and would overflow a date).
const MAX_EXPIRES_IN = 10 * 365 * 24 * 3600;

function boundedExpiresIn(seconds: number, warnings: string[]): number | null {
  if (Number.isFinite(seconds) && seconds <= MAX_EXPIRES_IN) return seconds;
  warnings.push(
    `expires_in of ${cut(String(seconds), 40)} seconds is beyond any real expiry; ` +
      'the expiry is unknown.',
  );
  return null;
}

function readExpiresIn(value: unknown, warnings: string[]): number | null {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
    return boundedExpiresIn(value, warnings);
  }
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) {
    warnings.push(`expires_in came as a string ("${cut(value.trim(), 40)}"); read it as a number.`);
    return boundedExpiresIn(Number(value), warnings);
  }
  if (value === undefined) {
    warnings.push('The server sent no expires_in, so when this token expires is unknown.');
  } else {
    const shown = cut(JSON.stringify(value) ?? typeof value, 40);
    warnings.push(`expires_in was not a number of seconds (${shown}); the expiry is unknown.`);
  }
  return null;
}

function readRef(value: unknown, warnings: string[]): TokenRef | null {
  if (value === undefined || value === null) return null;
  if (
    isRecord(value) &&
    typeof value.type === 'string' &&
    (typeof value.id === 'number' || typeof value.id === 'string')
  )
    return { type: value.type, id: value.id };
  warnings.push('ref did not hold a type and an id, so who the token acts as is unknown.');
  return null;
}

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function readToken(body: Record<string, unknown>, receivedAt: number): TokenSuccess {
  const warnings: string[] = [];
  let tokenType = body.token_type;
  if (typeof tokenType !== 'string' || tokenType.trim() === '') {
    warnings.push('The server sent no token_type; assuming bearer.');
    tokenType = 'bearer';
  }
  const expiresIn = readExpiresIn(body.expires_in, warnings);
  const extra: Record<string, unknown> = {};
  const fields: DecodedField[] = [];
  // Limitation: JSON.parse moves integer-like keys to the front, so such fields lose their order.
  for (const [name, value] of Object.entries(body)) {
    if (!KNOWN_TOKEN_FIELDS.has(name)) extra[name] = value;
    fields.push({
      name,
      value: JSON.stringify(value) ?? 'null',
      explanation: explainField(name),
      secret: SECRET_FIELDS.has(name),
    });
  }
  return {
    accessToken: body.access_token as string,
    tokenType: tokenType as string,
    expiresIn,
    refreshToken: stringOrNull(body.refresh_token),
    scope: stringOrNull(body.scope),
    ref: readRef(body.ref, warnings),
    expiresAt: expiresIn === null ? null : receivedAt + expiresIn * 1000,
    extra,
    warnings,
    fields,
  };
}

function parseSuccess(input: ResponseInput, meta: ExchangeMeta): ParsedResult {
  const malformed = (message: string): ParsedResult => ({
    status: 'error',
    error: {
      kind: 'malformed',
      message,
      bodyExcerpt: bodyExcerpt(input.bodyText, meta.headers['content-type'] ?? '', input.secrets),
      meta,
    },
  });
  const answered = `The server answered ${input.status}`;
  if (input.bodyText.trim() === '') return malformed(`${answered} with an empty body.`);
  const parsed = parseJson(input.bodyText);
  if (!parsed.ok) return malformed(`${answered} but its body is not JSON.`);
  const body = parsed.value;
  if (!isRecord(body)) return malformed(`${answered} with JSON that is not an object.`);

  const accessToken = body.access_token;
  if (typeof accessToken === 'string' && accessToken !== '')
    return { status: 'token', token: readToken(body, input.receivedAt), meta };
  if (accessToken !== undefined)
    return malformed(`${answered} with an access_token that is empty or not text.`);
  if (typeof body.server_nonce === 'string')
    return {
      status: 'two_factor',
      serverNonce: body.server_nonce,
      message: TWO_FACTOR_MESSAGE,
      meta,
    };
  return malformed(`${answered} without an access_token.`);
}

function oauthMessage(status: number, error: string, description: string | null): string {
  if (status === 420 || error === 'rate_limit') {
    const wait = description ? `: ${description}` : '.';
    return `Podio's rate limit was hit (HTTP ${status}, ${error})${wait}`;
  }
  return description ? `${error}: ${description}` : `${error} (HTTP ${statusLine(status)})`;
}

function parseFailure(input: ResponseInput, meta: ExchangeMeta): ParsedResult {
  const secrets = input.secrets ?? [];
  const parsed = parseJson(input.bodyText);
  if (parsed.ok && isRecord(parsed.value) && typeof parsed.value.error === 'string') {
    const body = deepMask(parsed.value, secrets) as Record<string, unknown>;
    const error = body.error as string;
    const description = stringOrNull(body.error_description);
    return {
      status: 'error',
      error: {
        kind: 'oauth',
        message: oauthMessage(input.status, error, description),
        error,
        errorDescription: description,
        errorDetail: stringOrNull(body.error_detail),
        errorParameters: isRecord(body.error_parameters) ? body.error_parameters : null,
        errorPropagate: typeof body.error_propagate === 'boolean' ? body.error_propagate : null,
        meta,
      },
    };
  }

  const contentType = meta.headers['content-type'] ?? '';
  const excerpt = bodyExcerpt(input.bodyText, contentType, secrets);
  let message = `HTTP ${statusLine(input.status)} from ${hostOf(input.url)}`;
  const location = meta.headers.location;
  if (input.status >= 300 && input.status < 400 && location)
    message +=
      `, redirecting to ${cut(maskSecrets(location, secrets), 200)}; ` +
      'token requests are not sent on to another address';
  else if (excerpt === '') message += ' with an empty body';
  return {
    status: 'error',
    error: { kind: 'http', message: `${message}.`, bodyExcerpt: excerpt, contentType, meta },
  };
}

/** Turn one token response into a token, a two-factor notice or a typed error. Never throws. */
export function parseTokenResponse(input: ResponseInput): ParsedResult {
  const meta = buildMeta(input);
  try {
    return input.status >= 200 && input.status < 300
      ? parseSuccess(input, meta)
      : parseFailure(input, meta);
  } catch {
    // Belt and braces: every branch above is total, but the renderer must get an answer.
    return {
      status: 'error',
      error: { kind: 'malformed', message: 'The answer could not be read.', bodyExcerpt: '', meta },
    };
  }
}
