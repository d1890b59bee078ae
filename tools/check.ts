// `npm run check -- [--sources DIR] FILE…` — checks scenario files the way the game loads them and
// prints `ok FILE` or one located problem per line (`file:line:column path: expected …, found …`),
// the first 50 of a file, then how many more. Worlds named by `extends` (an id, never a path) are
// found among the files given, beside each file and in scenarios/. With `--sources DIR`, every
// quote is checked against the source documents in DIR, and each side's no-deal loss must be
// clearly positive (the engine's). Only regular files are read, each up to the size limit.
// A scenario whose scores a class cannot read is warned about: it plays a few games at the default
// level and evaluates the opening's packages (tools/score-spread.ts has the bounds).
// Exit status: 0 all valid, 1 a file has errors, 2 the command was used wrongly.
import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { noDealLoss } from '../src/engine/index.ts';
import { findingMessage, formatDiagnostic } from '../src/scenario/diagnostic.ts';
import { checkWorld, loadScenario, type SourceFile } from '../src/scenario/load.ts';
import { parseFile } from '../src/scenario/parse.ts';
import { display, readFile, readText, resolverFor } from './scenario-files.ts';
import { checkSpread } from './score-spread.ts';

/** A source document may be longer than a scenario. */
const SOURCE_BYTES = 16 * 1024 * 1024;

const USAGE = `usage: npm run check -- [--sources DIR] FILE…

Checks scenario files (.yaml, .yml or .json) and prints "ok FILE" or every problem found,
one per line as file:line:column field: expected …, found … (the first 50 of a file, then
how many more).
  --sources DIR   also check every quote against the source documents in DIR
Exit status: 0 when every file is valid, 1 when one is not, 2 for a usage error.`;

function usage(problem: string): never {
  console.error(`check: ${problem}\n\n${USAGE}`);
  process.exit(2);
}

function parseArgs(argv: readonly string[]): { sources: string | undefined; files: string[] } {
  let sources: string | undefined;
  const files: string[] = [];
  let options = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (options && a === '--') options = false;
    else if (options && (a === '-h' || a === '--help')) {
      console.log(USAGE);
      process.exit(0);
    } else if (options && a === '--sources') {
      const dir = argv[++i];
      if (dir === undefined) usage('--sources needs a folder');
      sources = dir;
    } else if (options && a.startsWith('--sources=')) sources = a.slice('--sources='.length);
    else if (options && a.startsWith('-') && a !== '-') usage(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length === 0) usage('no file to check');
  if (sources !== undefined && !(existsSync(sources) && statSync(sources).isDirectory()))
    usage(`--sources ${sources}: not a folder`);
  return { sources, files };
}

async function main(): Promise<number> {
  const { sources, files } = parseArgs(process.argv.slice(2));
  const readSource =
    sources === undefined
      ? undefined
      : (file: string) => (basename(file) === file ? readText(join(sources, file), SOURCE_BYTES) : undefined);
  let failed = false;
  for (const file of files) {
    if (file.endsWith('.schema.json')) {
      console.log(`skip ${file} (a JSON Schema for editors, not a scenario)`);
      continue;
    }
    const read = readFile(file);
    if (!read.ok) {
      console.log(`${file}:1:1 expected ${read.expected}, found ${read.found}`);
      failed = true;
      continue;
    }
    const text = read.text;
    const entry: SourceFile = { name: display(resolve(file)), text };
    const options = {
      resolveWorld: resolverFor(file, files),
      ...(readSource ? { readSource } : {}),
      noDealLoss: (sc: Parameters<typeof noDealLoss>[0]) => noDealLoss(sc),
    };
    const head = parseFile(entry.name, text);
    const isWorld =
      head.ok &&
      typeof head.value === 'object' &&
      head.value !== null &&
      (head.value as { kind?: unknown }).kind === 'world';
    if (isWorld) {
      const r = checkWorld([entry], options);
      if (r.ok)
        console.log(
          `ok ${file}${r.complete ? '' : ' (a world: cross-references are checked with its openings)'}`,
        );
      else failed = true;
      for (const d of [...r.errors, ...r.warnings]) console.log(formatDiagnostic(d));
      if (r.more !== undefined) console.log(`${file}: ${r.more}`);
      continue;
    }
    const r = loadScenario([entry], options);
    if (r.ok) console.log(`ok ${file}`);
    else failed = true;
    for (const d of r.ok ? r.warnings : [...r.errors, ...r.warnings]) console.log(formatDiagnostic(d));
    if (r.more !== undefined) console.log(`${file}: ${r.more}`);
    if (r.ok && r.scenario.profiles.length > 0)
      for (const w of checkSpread(r.scenario))
        console.log(
          formatDiagnostic({
            severity: 'warning',
            file: entry.name,
            line: 1,
            column: 1,
            path: `sides.${w.side}`,
            expected: w.expected,
            found: w.found,
            message: findingMessage(w),
          }),
        );
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
