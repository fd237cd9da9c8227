import { startHarness } from './server';

/** `npm run dev:browser`: the real renderer against real main services, in any browser. */
const USAGE = `Usage: npm run dev:browser -- [--port N]

Starts the browser harness on 127.0.0.1: the real renderer (out/renderer) served to any browser,
wired to the real main-process handlers, a throwaway profile store and the built-in sandbox.
It prints a URL with a per-run token; open it in a browser. Test tool only, not the app.`;

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const portFlag = process.argv.indexOf('--port');
  const port = portFlag >= 0 ? Number(process.argv[portFlag + 1]) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('--port takes a whole number from 0 to 65535');
    process.exit(2);
  }
  const harness = await startHarness({
    port,
    onOpenExternal: (url) => console.log(`\nThe app asks the system browser to open:\n  ${url}\n`),
  });
  console.log(`Token Workbench (browser harness) on 127.0.0.1 — open:\n\n  ${harness.url}\n`);
  console.log(
    'Test-only: the real renderer and main services, with the built-in sandbox. Ctrl+C stops.',
  );
  const stop = (): void => {
    void harness.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
