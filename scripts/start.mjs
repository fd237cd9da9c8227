// `npm start`: build, then launch Electron on the built app. Electron fetches its binary on
// first launch; where that download cannot happen, say so plainly instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

function electronBinary() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (override) return join(override, relative || 'electron');
  if (!relative) return null;
  const full = join(electronDir, 'dist', relative);
  return existsSync(full) ? full : null;
}

function lastErrorLine(text) {
  const lines = text.split('\n').map((line) => line.trim());
  return lines.reverse().find((line) => /error|fail|ENOTFOUND|ECONN|EAI_AGAIN/i.test(line)) ?? '';
}

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

let binary = electronBinary();
if (!binary) {
  console.log('Downloading the Electron binary (first launch only)…');
  const install = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    encoding: 'utf8',
  });
  binary = electronBinary();
  if (!binary) {
    const cause = lastErrorLine(`${install.stdout ?? ''}\n${install.stderr ?? ''}`);
    console.error(
      [
        '',
        'Token Workbench is built (out/), but the Electron binary could not be downloaded.',
        cause ? `  cause: ${cause}` : '',
        'Electron downloads its binary from its release host on first launch; this machine could',
        'not reach it. On a machine with internet access, `npm start` fetches it once and opens',
        'the app. Without it you can still run:',
        '  npm run dev:browser   the real renderer in your browser, on real main services',
        '  npm test              every test (none needs the Electron binary)',
        '',
      ]
        .filter((line) => line !== '')
        .join('\n'),
    );
    process.exit(1);
  }
}

const child = spawn(binary, ['.'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
