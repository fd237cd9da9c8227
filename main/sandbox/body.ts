import type { IncomingMessage } from 'node:http';

/** Largest request body the sandbox reads; Podio's token requests are a few hundred bytes. */
export const MAX_BODY_BYTES = 64 * 1024;

// Past this much discarded upload the socket is cut: draining is polite, draining forever is not.
const MAX_DISCARD_BYTES = 1024 * 1024;

export type BodyRead = { ok: true; text: string } | { ok: false; reason: 'too_large' | 'aborted' };

/** True when the declared Content-Length alone is over the limit. */
export function declaredTooLarge(req: IncomingMessage, limit = MAX_BODY_BYTES): boolean {
  const declared = Number(req.headers['content-length']);
  return Number.isFinite(declared) && declared > limit;
}

/** Reads the body up to `limit` bytes; beyond that it stops keeping data and reports too_large. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyRead): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        settle({ ok: false, reason: 'too_large' });
        if (size > limit + MAX_DISCARD_BYTES) req.socket.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => settle({ ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => settle({ ok: false, reason: 'aborted' }));
    req.on('close', () => settle({ ok: false, reason: 'aborted' }));
  });
}

/** The media type of a Content-Type header, lower-cased, parameters dropped. */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

export type FieldsParse =
  { ok: true; fields: Map<string, string> } | { ok: false; message: string };

/** Form fields; a repeated field keeps its last value, as Podio does. Never throws. */
export function parseFormFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  // URLSearchParams leaves bad percent-escapes as they are instead of throwing.
  for (const [key, value] of new URLSearchParams(text)) fields.set(key, value);
  return fields;
}

/** JSON v2 fields: a flat object of strings or numbers (numbers become their text). */
export function parseJsonFields(text: string): FieldsParse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The request body is not valid JSON' };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, message: 'The request body must be a JSON object' };
  }
  const fields = new Map<string, string>();
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === 'string') fields.set(key, value);
    else if (typeof value === 'number' && Number.isFinite(value)) fields.set(key, String(value));
    else if (value !== null)
      return { ok: false, message: `Field ${key.slice(0, 64)} must be a string` };
  }
  return { ok: true, fields };
}
