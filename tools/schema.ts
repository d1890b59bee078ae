// `npm run schema` — writes the editors' JSON Schemas for worlds and openings to
// scenarios/world.schema.json and scenarios/opening.schema.json, from the one zod schema (see
// src/scenario/file-schemas.ts for what each allows). `npm run schema -- --check` writes nothing
// and exits 1 when the committed files are out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildJsonSchemas } from '../src/scenario/file-schemas';

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'scenarios');
const check = process.argv.includes('--check');
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
    console.log(`up to date scenarios/${name}`);
  } else if (check) {
    console.log(`out of date scenarios/${name} (run npm run schema)`);
    stale = true;
  } else {
    writeFileSync(path, text);
    console.log(`wrote scenarios/${name}`);
  }
}
process.exitCode = stale ? 1 : 0;
