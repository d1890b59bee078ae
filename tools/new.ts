// `npm run new -- NAME [--world] [--out DIR] [--force]` — starts a scenario from a commented template
// that passes the checker as it stands, and says what to edit first:
// - by default an opening of the shipped 2025 world (`extends: world-2025`): its own id, title,
//   calendar, tension and briefings, and a `remove` list of the world's events dated outside its
//   calendar (worked out from the world file, so it stays right when the world changes);
// - with `--world`, a standalone scenario of the author's own world: two sides, three indicators
//   and two instruments each, an alternative and a promise each, every number an estimate.
// Writes NAME.yaml in DIR (default: the current folder), whole or not at all, and never over an
// existing file unless `--force`. Exit status: 0 written, 1 the template did not check clean (a
// bug: the file is still written, with the problems printed), 2 the command was used wrongly.
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { noDealLoss } from '../src/engine/index.ts';
import { formatDiagnostic } from '../src/scenario/diagnostic.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { parseFile } from '../src/scenario/parse.ts';
import { openingTemplate, worldTemplate } from './new-templates.ts';
import { display, readText, resolverFor, shippedDir } from './scenario-files.ts';
import { writeWhole } from './write-whole.ts';

const USAGE = `usage: npm run new -- NAME [--world] [--out DIR] [--force]

Writes NAME.yaml, a commented template that passes npm run check as it stands:
an opening of the 2025 world, or with --world a standalone scenario of your own world.
  --out DIR   the folder to write it in (default: the current folder)
  --force     write over an existing file`;

function usage(problem: string): never {
  console.error(`new: ${problem}\n\n${USAGE}`);
  process.exit(2);
}

interface Args {
  name: string;
  world: boolean;
  out: string;
  force: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const a: Partial<Args> & { world: boolean; force: boolean; out: string } = {
    world: false,
    force: false,
    out: process.env.INIT_CWD ?? process.cwd(),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--world') a.world = true;
    else if (arg === '--force') a.force = true;
    else if (arg === '--out') {
      const v = argv[++i];
      if (v === undefined) usage('--out needs a folder');
      a.out = resolve(v);
    } else if (arg.startsWith('-')) usage(`unknown option ${arg}`);
    else if (a.name === undefined) a.name = arg;
    else usage(`one NAME only (found ${a.name} and ${arg})`);
  }
  if (a.name === undefined) usage('no NAME given');
  const name = a.name.replace(/\.ya?ml$/, '');
  if (!/^[a-z][a-z0-9-]*$/.test(name) || name.length > 64)
    usage(
      `NAME is the scenario's id: lower-case letters, digits and hyphens, starting with a letter (found "${a.name}")`,
    );
  return { name, world: a.world, out: a.out, force: a.force };
}

/** The world's events dated outside [from, to], by id, read from the shipped world file. */
function eventsOutside(from: string, to: string): string[] {
  const text = readText(join(shippedDir, 'world-2025.yaml'));
  const parsed = text === undefined ? undefined : parseFile('world-2025.yaml', text);
  if (!parsed?.ok) return [];
  const events = (parsed.value as { events?: { id?: unknown; date?: unknown }[] }).events ?? [];
  return events
    .filter((e) => typeof e.id === 'string' && typeof e.date === 'string' && (e.date < from || e.date > to))
    .map((e) => String(e.id));
}

function main(): number {
  const a = parseArgs(process.argv.slice(2));
  const path = join(a.out, `${a.name}.yaml`);
  if (existsSync(path) && !a.force) {
    console.error(`new: ${display(path)} already exists; nothing was written (--force writes over it)`);
    return 2;
  }
  const schemaPath = relative(a.out, join(shippedDir, 'opening.schema.json')).split('\\').join('/');
  const text = a.world
    ? worldTemplate(a.name, schemaPath)
    : openingTemplate(a.name, schemaPath, eventsOutside);
  const r = loadScenario([{ name: display(path), text }], {
    resolveWorld: resolverFor(path, []),
    noDealLoss: (sc) => noDealLoss(sc),
  });
  writeWhole(path, text);
  if (!r.ok || r.warnings.length > 0) {
    console.error(`new: wrote ${display(path)}, but it does not check clean:`);
    for (const d of r.ok ? r.warnings : [...r.errors, ...r.warnings]) console.error(formatDiagnostic(d));
    return 1;
  }
  console.log(`wrote ${display(path)} (${a.world ? 'a standalone scenario' : 'an opening of the 2025 world'}), which checks clean.

Edit first:
${(a.world
  ? [
      'meta: the title, the period and the summary the menu shows',
      'calendar: the start, the length of a turn and the deadline',
      'documents: your own sources (text files, looked up with npm run check -- --sources DIR)',
      'sides, indicators and instruments: what each side cares about and can do, with their estimates',
      'briefings: what each player reads before the first turn',
    ]
  : [
      'meta: the title, the period and the summary the menu shows',
      'calendar: the start, the length of a turn and the deadline (then run npm run new again, or fix the remove list the checker asks for)',
      'instruments and indicators: the opening levels and values on your start date',
      'briefings: what each player reads before the first turn',
    ]
)
  .map((s, i) => `  ${i + 1}. ${s}`)
  .join('\n')}

Then: npm run check -- ${display(path)}   ·   npm run explain -- ${display(path)}   ·   npm run simulate -- ${display(path)} --games 200 --seed 1`);
  return 0;
}

process.exitCode = main();
