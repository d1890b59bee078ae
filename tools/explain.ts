// `npm run explain -- FILE [--changed]` — an opening as the engine will play it: every value its
// world gives and every value the opening changes, side by side, each with the file and line it came
// from; the world's entries the opening removes; and warnings for texts it inherits from the world
// (briefings, history, events, objectives) that name a date outside the opening's span, or a figure
// of the world's opening day that the opening changes (the world's "10% tariff" where the opening
// starts at 30%), so that an author sees what the players will read about a time they never play. `--changed` lists only what
// the opening changes or adds. A standalone scenario lists its own values. Values the schema
// supplies by default (a field written nowhere) are not listed: the guide gives each default.
// Exit status: 0 shown, 1 the file does not load (its problems are printed), 2 a usage error.
import { resolve } from 'node:path';
import { noDealLoss } from '../src/engine/index.ts';
import { formatDiagnostic } from '../src/scenario/diagnostic.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { isMap, type LocatedDoc, type Origin, resolveFile } from '../src/scenario/merge.ts';
import { pathKey } from '../src/scenario/parse.ts';
import { display, readText, resolverFor } from './scenario-files.ts';

const USAGE = `usage: npm run explain -- FILE [--changed]

Shows every value the scenario will be played with, where each was written (file:line), and for an
opening what it changes from its world; warns of inherited texts that name dates outside its span
or figures of the world's opening day that the opening changes.
  --changed   only the values the opening changes or adds`;

function usage(problem: string): never {
  console.error(`explain: ${problem}\n\n${USAGE}`);
  process.exit(2);
}

type Seg = string | number;

/** A leaf of a located document under a readable path: list entries by id where they have one. */
interface Leaf {
  readonly value: unknown;
  readonly origin: Origin | undefined;
}

/** Every scalar of `doc`, keyed by a path that names id-list entries by id (`instruments[us-tariff].level`). */
export function leaves(doc: LocatedDoc): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  const walk = (v: unknown, raw: Seg[], shown: string) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        const id = isMap(x) && typeof x.id === 'string' ? x.id : String(i);
        walk(x, [...raw, i], `${shown}[${id}]`);
      });
      if (v.length === 0) out.set(shown, { value: '[]', origin: doc.origins.get(pathKey(raw)) });
      return;
    }
    if (isMap(v)) {
      for (const k of Object.keys(v)) {
        if (k === 'id' && raw.length > 0 && typeof raw[raw.length - 1] === 'number') continue;
        walk(v[k], [...raw, k], shown === '' ? k : `${shown}.${k}`);
      }
      if (Object.keys(v).length === 0) out.set(shown, { value: '{}', origin: doc.origins.get(pathKey(raw)) });
      return;
    }
    out.set(shown, { value: v, origin: doc.origins.get(pathKey(raw)) });
  };
  walk(doc.value, [], '');
  return out;
}

const MAX = 70;
const show = (v: unknown) => {
  const s = typeof v === 'string' ? JSON.stringify(v.replace(/\s+/g, ' ')) : String(v);
  return s.length > MAX ? `${s.slice(0, MAX - 2)}…"` : s;
};
const where = (o: Origin | undefined) => (o ? `${o.file}:${o.line}` : '(default)');

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DATE_RE = new RegExp(
  `\\b(\\d{4}-\\d{2}-\\d{2})\\b|\\b(?:(\\d{1,2}) )?(${MONTHS.join('|')})(?: (\\d{1,2}))?(?:,? (\\d{4}))?\\b`,
  'g',
);

/** The dates a text names, as [first day, last day] of what it names (a day, or a whole month). */
export function datesIn(text: string, year: number): { said: string; from: string; to: string }[] {
  const out: { said: string; from: string; to: string }[] = [];
  const iso = (y: number, m: number, d: number) =>
    `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  for (const m of text.matchAll(DATE_RE)) {
    if (m[1]) {
      out.push({ said: m[1], from: m[1], to: m[1] });
      continue;
    }
    const month = MONTHS.indexOf(m[3] ?? '') + 1;
    const day = Number(m[2] ?? m[4] ?? 0);
    const y = m[5] ? Number(m[5]) : year;
    // "May" alone is too often the verb: a month counts only with a day or a year.
    if (month === 5 && !day && !m[5]) continue;
    const last = new Date(Date.UTC(y, month, 0)).getUTCDate();
    if (day > last) continue;
    out.push(
      day
        ? { said: m[0], from: iso(y, month, day), to: iso(y, month, day) }
        : { said: m[0], from: iso(y, month, 1), to: iso(y, month, last) },
    );
  }
  return out;
}

const FIGURE_RE =
  /(?<![\w.$])(\$\s?\d[\d,.]*(?:\s?(?:billion|million|bn))?|\d+(?:\.\d+)?(?:\s?%|\s(?:percent|per cent)\b))/gi;

/** The figures a text names — percentages and dollar sums — written one way ("30 percent" → "30%"). */
export function figuresIn(text: string): string[] {
  return [...text.matchAll(FIGURE_RE)].map((m) =>
    (m[1] ?? '')
      .toLowerCase()
      .replace(/\s?(percent|per cent)$/, '%')
      .replace(/\s+/g, ''),
  );
}

/** Inherited texts players read. */
const TEXT_FIELD =
  /^(briefings\.(us|cn)\.text|history\.(summary|outcome\.text)|history\.steps\[[^\]]+\]\.text|events\[[^\]]+\]\.(text|title)|objectives\[[^\]]+\]\.text|meta\.(summary|period))$/;

function main(): number {
  const argv = process.argv.slice(2);
  const changedOnly = argv.includes('--changed');
  const files = argv.filter((a) => a !== '--changed');
  for (const a of files) if (a.startsWith('-')) usage(`unknown option ${a}`);
  if (files.length !== 1) usage('one FILE');
  const file = files[0] ?? '';
  const text = readText(file);
  if (text === undefined) {
    console.error(`explain: ${file}: cannot be read`);
    return 1;
  }
  const entry = { name: display(resolve(file)), text };
  const resolveWorld = resolverFor(file, []);
  const loaded = loadScenario([entry], { resolveWorld, noDealLoss: (sc) => noDealLoss(sc) });
  if (!loaded.ok) {
    console.log(`${file} does not load; fix these first (npm run check says the same):`);
    for (const d of loaded.errors) console.log(formatDiagnostic(d));
    return 1;
  }
  const merged = resolveFile(entry, [], resolveWorld);
  if (!merged.doc) return 1;
  const mine = leaves(merged.doc);
  const worldId = merged.header.extends;
  const worldFile = worldId === undefined ? undefined : resolveWorld(worldId);
  const world = worldFile ? resolveFile(worldFile, [], resolveWorld).doc : undefined;
  const theirs = world ? leaves(world) : new Map<string, Leaf>();
  const sc = loaded.scenario;

  const lines: string[] = [];
  lines.push(
    worldFile
      ? `${entry.name}: an opening of ${worldId} (${worldFile.name}), as the engine will play it.`
      : `${entry.name}: a standalone scenario, as the engine will play it.`,
  );
  lines.push(
    `Calendar ${sc.calendar.start} to the deadline ${sc.calendar.deadline}, turns of ${sc.calendar.turnDays} days.`,
  );
  lines.push('');
  let changed = 0;
  let added = 0;
  let kept = 0;
  let section = '';
  for (const [path, leaf] of mine) {
    const top = path.split(/[.[]/)[0] ?? '';
    const fromMe = leaf.origin?.file === entry.name;
    const before = theirs.get(path);
    const isChange = fromMe && worldFile !== undefined;
    if (isChange && before) changed++;
    else if (isChange) added++;
    else kept++;
    if (changedOnly && !isChange) continue;
    if (top !== section) {
      section = top;
      lines.push(`${top}`);
    }
    if (!isChange) lines.push(`  ${path} = ${show(leaf.value)}   ${where(leaf.origin)}`);
    else if (before)
      lines.push(
        `  ${path} = ${show(leaf.value)}   ${where(leaf.origin)}   (world: ${show(before.value)}   ${where(before.origin)})`,
      );
    else lines.push(`  ${path} = ${show(leaf.value)}   ${where(leaf.origin)}   (new: not in the world)`);
  }
  if (merged.header.remove && merged.header.remove.length > 0)
    lines.push('', `removed from the world: ${merged.header.remove.join(', ')}`);
  lines.push(
    '',
    worldFile
      ? `${changed} values changed and ${added} added by the opening, ${kept} kept from the world.`
      : `${kept} values.`,
  );

  // Inherited texts that name dates the opening never reaches.
  const lastDay = (() => {
    const start = Date.parse(`${sc.calendar.start}T00:00:00Z`);
    const turns = Math.ceil(
      (Date.parse(`${sc.calendar.deadline}T00:00:00Z`) - start) / (sc.calendar.turnDays * 86_400_000),
    );
    return new Date(start + ((turns + sc.calendar.epilogueTurns) * sc.calendar.turnDays - 1) * 86_400_000)
      .toISOString()
      .slice(0, 10);
  })();
  const year = Number(sc.calendar.start.slice(0, 4));
  const warnings: string[] = [];
  if (worldFile) {
    for (const [path, leaf] of mine) {
      if (leaf.origin?.file === entry.name || typeof leaf.value !== 'string' || !TEXT_FIELD.test(path))
        continue;
      // An event's news may look back ("the first call since January"); other texts describe the
      // opening's own time, so a month before it is as suspect as one after it.
      const looksBack = path.startsWith('events[');
      const outside = datesIn(leaf.value, year).filter(
        (d) => d.from > lastDay || (!looksBack && d.to < sc.calendar.start),
      );
      if (outside.length > 0)
        warnings.push(
          `${where(leaf.origin)} ${path} (inherited from the world) names ${[...new Set(outside.map((d) => d.said))].join(', ')}, outside this opening (${sc.calendar.start} to ${lastDay}); give the opening its own text`,
        );
    }
  }
  // Inherited texts that name a figure of the world's opening day that this opening changes: the
  // world's starting level of an instrument ("the 10% tariff") when the opening starts it elsewhere.
  if (worldFile) {
    const stale = new Map<string, string>(); // figure → why it is stale here
    for (const ins of sc.instruments) {
      const was = theirs.get(`instruments[${ins.id}].level`)?.value;
      if (typeof was !== 'number' || was === ins.level) continue;
      const wasLabel = theirs.get(`instruments[${ins.id}].levels[${was}].label`)?.value;
      const nowLabel = ins.levels[ins.level]?.label ?? '';
      if (typeof wasLabel !== 'string') continue;
      const now = new Set(figuresIn(nowLabel));
      for (const f of figuresIn(wasLabel))
        if (!now.has(f) && !stale.has(f))
          stale.set(
            f,
            `the world's opening level of ${ins.short ?? ins.name} ("${wasLabel}"); this opening starts it at "${nowLabel}"`,
          );
    }
    for (const [path, leaf] of mine) {
      if (leaf.origin?.file === entry.name || typeof leaf.value !== 'string' || !TEXT_FIELD.test(path))
        continue;
      // events and history steps are dated: they may name the figures of their own day
      if (path.startsWith('events[') || path.startsWith('history.steps[')) continue;
      const named = [...new Set(figuresIn(leaf.value))].filter((f) => stale.has(f));
      for (const f of named)
        warnings.push(
          `${where(leaf.origin)} ${path} (inherited from the world) names ${f}, ${stale.get(f)}; give the opening its own text`,
        );
    }
  }
  if (warnings.length > 0) lines.push('', 'warnings:', ...warnings.map((w) => `  ${w}`));
  console.log(lines.join('\n'));
  return 0;
}

process.exitCode = main();
