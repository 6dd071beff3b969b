import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

/**
 * Electron main (ESM) and preload (CommonJS: sandboxed preloads cannot load ES modules), built
 * into dist/electron/. Dependencies stay external: they ship in node_modules inside the asar.
 */
const external = [
  'electron',
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies).flatMap((d) => [d, new RegExp(`^${d}/`)]),
];

export default defineConfig(({ mode }) => ({
  // A sandboxed preload can require only 'electron': everything else is bundled into it.
  ssr: mode === 'preload' ? { noExternal: true } : {},
  build: {
    outDir: 'dist/electron',
    emptyOutDir: mode !== 'preload',
    target: 'node22',
    minify: false,
    // An SSR build targets Node: built-ins stay imports, package "node" conditions apply.
    ssr: true,
    rollupOptions: {
      // The render worker is its own entry: pool.ts loads render-worker.mjs beside main.mjs.
      input: (mode === 'preload'
        ? { preload: 'electron/preload/index.ts' }
        : { main: 'electron/main/index.ts', 'render-worker': 'electron/core/documents/worker.ts' }) as Record<
        string,
        string
      >,
      external: mode === 'preload' ? ['electron'] : external,
      output:
        mode === 'preload'
          ? { format: 'cjs', entryFileNames: '[name].cjs' }
          : { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
    },
  },
}));
