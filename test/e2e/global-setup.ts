import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
  }
}

/** Finds (or installs) Chromium once, and builds the app if `vitest` runs without `npm test`. */
export default function setup(project: TestProject): void {
  if (!existsSync('out/renderer/index.html')) {
    const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
    if (build.status !== 0)
      throw new Error('electron-vite build failed; the browser tests need it');
  }
  project.provide('chromiumPath', ensureChromium());
}
