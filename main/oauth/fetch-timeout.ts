import type { TokenRequest } from './request';

/** What came back, read under one deadline that covers headers and body alike. */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  bodyText: string;
  /** True when the body went past the byte cap; bodyText then holds only the first part. */
  tooLarge: boolean;
  /** Clock reading when the status line and headers arrived. */
  headersAt: number;
}

export type WireResult =
  | { ok: true; response: WireResponse }
  | { ok: false; reason: 'timeout' }
  | { ok: false; reason: 'network'; error: unknown };

export interface WireOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  maxBytes: number;
  now: () => number;
}

async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<{ text: string; tooLarge: boolean }> {
  if (!body) return { text: '', tooLarge: false };
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = maxBytes - bytes;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      text += decoder.decode(value.subarray(0, Math.max(room, 0)));
      // Cancelling drops the rest instead of buffering a huge or endless body.
      await reader.cancel().catch(() => undefined);
      return { text, tooLarge: true };
    }
    text += decoder.decode(value, { stream: true });
  }
  // Limitation: the body is decoded as UTF-8 whatever charset the Content-Type names.
  return { text: text + decoder.decode(), tooLarge: false };
}

/**
 * POST a token request with a deadline. Redirects are not followed: a 3xx comes back as it is,
 * so the credentials in the body are never re-sent to an address the user did not type.
 */
export async function postWithTimeout(
  req: TokenRequest,
  options: WireOptions,
): Promise<WireResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);

  try {
    const response = await options.fetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      // Limitation: under Electron's net.fetch a manual redirect may surface as an opaque
      // status 0 without Location; only Node's fetch is tested here.
      redirect: 'manual',
      signal: controller.signal,
    });
    const headersAt = options.now();
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    const { text, tooLarge } = await readCapped(response.body, options.maxBytes);
    return {
      ok: true,
      response: { status: response.status, headers, bodyText: text, tooLarge, headersAt },
    };
  } catch (error) {
    return timedOut ? { ok: false, reason: 'timeout' } : { ok: false, reason: 'network', error };
  } finally {
    clearTimeout(timer);
  }
}
