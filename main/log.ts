import log from 'electron-log';
import { redact } from './redact';

/**
 * The app's one logger. electron-log picks its Node or Electron-main variant at load, so the
 * same module runs in the app and under tests. Redaction is a hook on the logger: every
 * transport (console, file) only ever sees masked data.
 */
log.hooks.push((message) => ({ ...message, data: message.data.map((item) => redact(item)) }));

// Tests and scripts log to the console only; the app turns the file transport on in main/index.ts.
log.transports.file.level = false;
log.transports.console.level = process.env.WORKBENCH_LOG_LEVEL === 'debug' ? 'debug' : 'info';
if (process.env.VITEST)
  log.transports.console.level = process.env.WORKBENCH_LOG_LEVEL ? 'debug' : 'warn';

export type Logger = Pick<typeof log, 'error' | 'warn' | 'info' | 'debug'>;

/** A named child logger, e.g. scoped('exchange') prints "[exchange]" before each line. */
export function scoped(name: string): Logger {
  return log.scope(name);
}

export { log };
