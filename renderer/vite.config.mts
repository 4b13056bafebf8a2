// Builds the window (and the browser dashboard, which serves the same files) into dist/renderer.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // Relative asset paths so Electron's loadFile and any dashboard path prefix both work.
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // The CSP forbids inline scripts and styles: never inline assets into the HTML or as data: modules.
    assetsInlineLimit: 0,
    target: 'es2022',
    sourcemap: false,
  },
  server: { host: '127.0.0.1' },
});
