import type { IncomingMessage } from 'node:http';
import type { WireStyle } from '../../preload/contract';
import { declaredTooLarge, mediaType, parseFormFields, parseJsonFields, readBody } from './body';
import type { SandboxContext } from './context';
import { runGrant } from './grants';
import { podioError } from './reply';
import type { Reply, RequestInfo } from './reply';

const EXPECTED_TYPE: Record<WireStyle, string> = {
  form: 'application/x-www-form-urlencoded',
  json: 'application/json',
};

/** POST /oauth/token (form) and /oauth/token/v2 (JSON): body checks, then the grant. */
export async function tokenEndpoint(
  ctx: SandboxContext,
  req: IncomingMessage,
  request: RequestInfo,
  style: WireStyle,
): Promise<Reply> {
  if (declaredTooLarge(req)) return tooLarge(request);

  const type = mediaType(req.headers['content-type']);
  if (type !== EXPECTED_TYPE[style]) {
    const shown = type ? type.slice(0, 80) : 'none';
    return podioError(
      400,
      'invalid_request',
      `Content-Type must be ${EXPECTED_TYPE[style]} for this endpoint (got ${shown})`,
      request,
    );
  }

  const read = await readBody(req);
  if (!read.ok) return tooLarge(request);

  if (style === 'form') return runGrant(ctx, parseFormFields(read.text), request);
  const parsed = parseJsonFields(read.text);
  if (!parsed.ok) return podioError(400, 'invalid_request', parsed.message, request);
  return runGrant(ctx, parsed.fields, request);
}

function tooLarge(request: RequestInfo): Reply {
  // Closing the connection is what lets the rest of an oversized upload be dropped unread.
  return podioError(413, 'invalid_request', 'The request body is larger than 64 KiB', request, {
    headers: { Connection: 'close' },
  });
}
