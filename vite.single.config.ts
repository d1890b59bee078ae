// The single self-contained file an instructor can hand out: `dist/upper-hand.html`, with every
// script, chunk, style, font and icon inlined, so it plays offline from a file:// address.
// Built into a scratch folder, given its Content-Security-Policy, then moved beside the site's build (or to UPPER_HAND_SINGLE_OUT, which
// the browser test uses to build its own copy).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { withCsp } from './tools/vite-csp.ts';
import { phaserWithoutMatter } from './tools/vite-phaser.ts';
import { scenariosPlugin } from './tools/vite-scenarios.ts';

const out = resolve(process.env.UPPER_HAND_SINGLE_OUT ?? 'dist/upper-hand.html');
const scratch = resolve(dirname(out), '.single-scratch');

export default defineConfig({
  resolve: { alias: [phaserWithoutMatter] }, // as the site's (tools/vite-phaser.ts)
  plugins: [
    scenariosPlugin(),
    viteSingleFile({ removeViteModuleLoader: true }),
    {
      name: 'upper-hand-single-file-name',
      closeBundle() {
        mkdirSync(dirname(out), { recursive: true });
        // the policy goes in once every script is inlined: its hash is of the final script
        writeFileSync(out, withCsp(readFileSync(resolve(scratch, 'index.html'), 'utf8')));
        rmSync(scratch, { recursive: true, force: true });
      },
    },
  ],
  build: {
    target: 'es2022',
    outDir: scratch,
    emptyOutDir: true,
    assetsInlineLimit: 100_000_000,
    chunkSizeWarningLimit: 5000,
    sourcemap: false,
  },
});
