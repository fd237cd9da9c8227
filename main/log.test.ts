import { afterEach, describe, expect, it } from 'vitest';
import { log, scoped } from './log';

const lines: string[] = [];
const transport = Object.assign(
  (message: { data: unknown[] }) => {
    lines.push(JSON.stringify(message.data));
  },
  { level: 'debug' as const, transforms: [] },
);

afterEach(() => {
  lines.length = 0;
  delete log.transports.capture;
});

describe('the logger', () => {
  it('never lets a secret reach a transport, whatever shape it is logged in', () => {
    log.transports.capture = transport;
    const logger = scoped('exchange');
    logger.info('POST body', 'grant_type=password&password=pa55word&client_secret=cs-123');
    logger.warn({ access_token: 'at-999', refresh_token: 'rt-888', client_id: 'acme' });
    logger.error(new Error('Authorization: OAuth2 at-999 rejected'));
    const all = lines.join('\n');
    for (const secret of ['pa55word', 'cs-123', 'at-999', 'rt-888'])
      expect(all).not.toContain(secret);
    expect(all).toContain('acme');
    expect(lines).toHaveLength(3);
  });
});
