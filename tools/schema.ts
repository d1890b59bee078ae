// `npm run schema [-- --out DIR | --check]` — writes the editors' JSON Schemas for worlds and
// openings, from the one zod schema (see src/scenario/file-schemas.ts for what each allows), to
// scenarios/world.schema.json and scenarios/opening.schema.json, or to DIR with `--out DIR` (a
// folder of the author's own, so that `$schema` can name a file beside their scenarios). The build
// publishes the same files at dist/schemas/. `--check` writes nothing and exits 1 when the
// committed files are out of date. Each file is written whole or not at all.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildJsonSchemas } from '../src/scenario/file-schemas.ts';
import { writeWhole } from './write-whole.ts';

const USAGE = `usage: npm run schema [-- --out DIR | --check]

Writes world.schema.json and opening.schema.json (the editors' JSON Schemas) to scenarios/,
or to DIR. --check writes nothing and exits 1 when the files in scenarios/ are out of date.`;

function usage(problem: string): never {
  console.error(`schema: ${problem}\n\n${USAGE}`);
  process.exit(2);
}

let dir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'scenarios');
let check = false;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--check') check = true;
  else if (a === '--out') {
    const v = argv[++i];
    if (v === undefined) usage('--out needs a folder');
    dir = resolve(v);
  } else if (a === '-h' || a === '--help') {
    console.log(USAGE);
    process.exit(0);
  } else usage(`unknown argument ${a}`);
}

const shown = (name: string) => relative(process.cwd(), join(dir, name)) || name;
let stale = false;
for (const [name, text] of Object.entries(buildJsonSchemas())) {
  const path = join(dir, name);
  let old: string | undefined;
  try {
    old = readFileSync(path, 'utf8');
  } catch {
    old = undefined;
  }
  if (old === text) {
    console.log(`up to date ${shown(name)}`);
  } else if (check) {
    console.log(`out of date ${shown(name)} (run npm run schema)`);
    stale = true;
  } else {
    writeWhole(path, text, { mkdir: true });
    console.log(`wrote ${shown(name)}`);
  }
}
process.exitCode = stale ? 1 : 0;
