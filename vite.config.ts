import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer: one build serves both the Electron app:// protocol and the web host. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
