import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The browser app. `npm run build:web` writes web/dist, which `upkeep start` serves;
// `npm run dev:web` serves it with hot reload and sends /api to a running Upkeep on :8080.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  // Built files under /static/, so the app's own /assets pages never collide with them.
  // The budget that matters is under 300 kB gzipped for the first page (docs/performance.md); this warns well before.
  build: { outDir: 'dist', assetsDir: 'static', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 700 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
