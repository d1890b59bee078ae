// The site: the menu loads small (shipped scenarios come pre-validated as JSON from the scenarios
// plugin); Phaser, the AI and the file loader (yaml + zod) are split into chunks loaded on demand.
import { defineConfig } from 'vite';
import { cspPlugin } from './tools/vite-csp.ts';
import { phaserWithoutMatter } from './tools/vite-phaser.ts';
import { scenariosPlugin } from './tools/vite-scenarios.ts';
import { schemasPlugin } from './tools/vite-schemas.ts';

export default defineConfig({
  // The browser tests run the dev server without HMR (UPPER_HAND_NO_HMR=1), so an edit made while
  // they run cannot reload the page under them; `npm start` keeps live reload of scenario files.
  server: { host: '127.0.0.1', ...(process.env.UPPER_HAND_NO_HMR ? { hmr: false, watch: null } : {}) },
  // every dependency pre-bundled at start-up: a late discovery would reload the page mid-test
  optimizeDeps: { include: ['phaser', 'immer', 'zustand/vanilla', 'seedrandom/lib/alea', 'yaml', 'zod'] },
  resolve: { alias: [phaserWithoutMatter] }, // Phaser without its Matter physics (tools/vite-phaser.ts)
  plugins: [scenariosPlugin(), schemasPlugin(), cspPlugin()],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // the subset fonts stay files: the browser fetches one only when a glyph it covers is shown
    assetsInlineLimit: (file: string) => (file.endsWith('.woff2') ? false : undefined),
  },
});
