import { format } from 'node:util';
import { log } from '../log';
import { formatBanner, formatJsonLine, parseCliArgs, USAGE } from './cli-args';
import { startSandbox } from './server';

/**
 * `npm run sandbox`: the sandbox on its own, for curl and other clients. Stdout carries only
 * the banner (or the --json line), so log lines go to stderr where they cannot corrupt it.
 */
log.transports.console.writeFn = ({ message }) => {
  const data: unknown[] = message.data;
  process.stderr.write(`${format(...data)}\n`);
};

async function main(): Promise<number | null> {
  const request = parseCliArgs(process.argv.slice(2));
  if (request.kind === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (request.kind === 'error') {
    process.stderr.write(`sandbox: ${request.message}\n\n${USAGE}`);
    return 2;
  }

  const sandbox = await startSandbox(request.options);
  process.stdout.write(request.json ? formatJsonLine(sandbox) : formatBanner(sandbox));

  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return null;
}

main().then(
  (code) => {
    if (code !== null) process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`sandbox: could not start: ${message}\n`);
    process.exitCode = 1;
  },
);
