import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// import.meta.dirname rather than node:path/url: lint treats renderer/ as browser code throughout.
const root = import.meta.dirname;

/**
 * Builds the renderer into `dist/renderer`. `base: './'` keeps every asset URL relative, so the same
 * build loads from the web host (http://) and from Electron's packaged files (file://).
 */
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer', // relative to root
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // One small app: no need to warn about chunk sizes for React + i18next.
    chunkSizeWarningLimit: 1024,
  },
  server: { strictPort: true },
});
