import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Bundles test/harness/bridge.ts (with the real preload/api.ts) into one browser module. */
export async function buildBridge(): Promise<string> {
  const entry = fileURLToPath(new URL('./bridge.ts', import.meta.url));
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry, formats: ['es'], fileName: 'bridge' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if (!('output' in output)) continue;
    const chunk = output.output.find((item) => item.type === 'chunk');
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('Bundling the harness bridge produced no script');
}
