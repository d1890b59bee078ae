// node tools/bundled.mjs ENTRY.ts [ARGS…]
//
// Runs a TypeScript tool as one bundle of plain JavaScript (esbuild, the compiler tsx itself uses):
// loading the project module by module through tsx's loader costs more than bundling it whole
// (`simulate --help`: 0.41–0.45 s through tsx, 0.31–0.35 s bundled, 0.15 s from the kept bundle).
// The bundle runs in this process with the tool's own arguments and is removed when the process
// ends, by itself or by Ctrl-C (one left by a run killed outright goes at the next run beside it);
// a tool that starts worker threads hands them the same file (its import.meta.url). It is written
// beside the entry, so a module that finds the project's files from its own place (import.meta.url)
// finds them from the bundle too. Should bundling fail, the tool runs through tsx.
//
// The last bundle of each entry is kept in node_modules/.cache/upper-hand with the time and size of
// every file it was built from (esbuild's list, this file and esbuild's own version included), the
// project's folder and the code's fingerprint: while none of them has changed, it is used again rather
// than built (esbuild took about 0.17 s of every `npm run simulate`).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node tools/bundled.mjs ENTRY.ts [ARGS…]');
  process.exit(2);
}
// The tool sees its own arguments, as if run directly.
process.argv = [process.argv[0], resolve(entry), ...rest];
// The engine's immer runs without its development checks (read when the bundle is evaluated).
process.env.NODE_ENV ??= 'production';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(dirname(resolve(entry)), `.run-${process.pid}.mjs`);
process.on('exit', () => rmSync(out, { force: true }));
// A run that ended without its 'exit' handlers (killed outright, or V8 aborting) left its bundle
// behind: removed here once its process is gone (a process of another user answers EPERM: kept).
for (const name of readdirSync(dirname(out))) {
  const pid = Number(/^\.run-(\d+)\.mjs$/.exec(name)?.[1]);
  if (!pid || pid === process.pid) continue;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if (e.code === 'ESRCH') rmSync(join(dirname(out), name), { force: true });
  }
}
// an interrupted run ends through 'exit' too, with the shell's code for the signal
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

const cacheDir = join(root, 'node_modules', '.cache', 'upper-hand');
const cacheName = basename(entry).replace(/[^\w.-]/g, '_');
const cachedCode = join(cacheDir, `${cacheName}.mjs`);
const cachedInputs = join(cacheDir, `${cacheName}.json`);

/** [time, size] of a file, or null when it is gone. */
function stamp(path) {
  try {
    const s = statSync(resolve(root, path));
    return [s.mtimeMs, s.size];
  } catch {
    return null;
  }
}

/** A bundle's fingerprint: its list of inputs names the code it was kept with. */
const digest = (code) => createHash('sha256').update(code).digest('hex');

/**
 * The kept bundle, when it was built in this copy of the project, every file it was built from is
 * as it was then, and the code is the code the list was written with (two runs keeping bundles at
 * once cannot pair one's list with the other's code).
 */
function keptBundle() {
  try {
    const kept = JSON.parse(readFileSync(cachedInputs, 'utf8'));
    if (kept.root !== root) return null;
    for (const [path, was] of Object.entries(kept.inputs)) {
      const now = stamp(path);
      if (!now || now[0] !== was[0] || now[1] !== was[1]) return null;
    }
    const code = readFileSync(cachedCode, 'utf8');
    return digest(code) === kept.code ? code : null;
  } catch {
    return null;
  }
}

/** Bundles the entry, keeps the bundle and what it was built from, and returns its code. */
async function freshBundle() {
  const { build } = await import('esbuild');
  const started = Date.now();
  const result = await build({
    entryPoints: [resolve(entry)],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
    // packages that load with require() find it in an ES module bundle
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  const code = result.outputFiles[0].text;
  try {
    const inputs = {};
    for (const path of [
      ...Object.keys(result.metafile.inputs),
      'tools/bundled.mjs',
      'node_modules/esbuild/package.json',
    ])
      inputs[path] = stamp(path);
    // a file changed while it was read: its new time must not vouch for the old text
    if (Object.values(inputs).some((t) => !t || t[0] >= started)) return code;
    // written under a name of its own, then moved: a run reading the kept bundle never sees half of one
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(`${cachedCode}.${process.pid}`, code);
    renameSync(`${cachedCode}.${process.pid}`, cachedCode);
    writeFileSync(`${cachedInputs}.${process.pid}`, JSON.stringify({ root, code: digest(code), inputs }));
    renameSync(`${cachedInputs}.${process.pid}`, cachedInputs);
  } catch {
    // a bundle not kept is built again next time
  }
  return code;
}

let target;
try {
  writeFileSync(out, keptBundle() ?? (await freshBundle()));
  target = pathToFileURL(out).href;
} catch {
  const { register } = await import('tsx/esm/api');
  register();
  target = pathToFileURL(resolve(entry)).href;
}
await import(target);
