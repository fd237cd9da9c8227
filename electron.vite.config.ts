import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Top-level process folders (main/, preload/, renderer/) instead of electron-vite's src/ default,
// so every entry is named explicitly.
export default defineConfig({
  main: {
    build: {
      // electron-store and conf are ESM-only; the main bundle is ESM ("type": "module"), so they
      // load as they are and stay external like every other production dependency.
      rolldownOptions: { input: { index: resolve(__dirname, 'main/index.ts') } },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads cannot be ES modules: emit CommonJS whatever package.json says.
      rolldownOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
