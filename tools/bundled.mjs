// node tools/bundled.mjs ENTRY.ts [ARGS…]
//
// Runs a TypeScript tool as one bundle of plain JavaScript (esbuild, the compiler tsx itself uses):
// loading the project module by module through tsx's loader costs more than bundling it whole
// (`simulate --help`: 0.41–0.45 s through tsx, 0.31–0.35 s bundled). The bundle runs in this
// process with the tool's own arguments and is removed when the process ends, by itself or by
// Ctrl-C; a tool that starts worker threads hands them the same file (its import.meta.url). It is
// written beside the entry, so a module that finds the project's files from its own place
// (import.meta.url) finds them from the bundle too. Should bundling fail, the tool runs through tsx.
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node tools/bundled.mjs ENTRY.ts [ARGS…]');
  process.exit(2);
}
// The tool sees its own arguments, as if run directly.
process.argv = [process.argv[0], resolve(entry), ...rest];
// The engine's immer runs without its development checks (read when the bundle is evaluated).
process.env.NODE_ENV ??= 'production';

const out = join(dirname(resolve(entry)), `.run-${process.pid}.mjs`);
process.on('exit', () => rmSync(out, { force: true }));
// an interrupted run ends through 'exit' too, with the shell's code for the signal
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));
let target;
try {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [resolve(entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    logLevel: 'silent',
    // packages that load with require() find it in an ES module bundle
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  target = pathToFileURL(out).href;
} catch {
  const { register } = await import('tsx/esm/api');
  register();
  target = pathToFileURL(resolve(entry)).href;
}
await import(target);
