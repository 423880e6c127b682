import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/**
 * Three bundles from the design card's top-level folders: main (electron/main.ts), the sandboxed
 * preload (one self-contained CommonJS file) and the renderer (renderer/index.html).
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // zod and drizzle-orm are about 200 small files; bundled they load as one, which is most of
      // what keeps `penning status` under 150 ms. Native and data-carrying modules stay external.
      externalizeDeps: { exclude: ['zod', 'drizzle-orm'] },
      // The CLI and browser mode are bundled beside main so the installed `penning` bin and
      // `npm start`'s fallback to the browser need no TypeScript at run time.
      rollupOptions: { input: { main: resolve(__dirname, 'electron/main.ts'), cli: resolve(__dirname, 'electron/cli.ts'), web: resolve(__dirname, 'electron/web.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { preload: resolve(__dirname, 'electron/preload.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified; minified it loads faster from disk (npm run bench: bundle)
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
