// A Vite plugin that validates the shipped scenarios at build time: every scenarios/*.yaml|json that
// is an opening is loaded with the game's own loader (worlds it extends are found beside it). The
// virtual module `virtual:scenarios` lists them for the menu — id, content hash, title, period,
// summary, minutes, sides and who holds the upper hand at the opening — and each resolved scenario
// is its own JSON chunk (`virtual:scenario/<hash>`), loaded when a game starts. So the menu needs
// neither the YAML parser nor zod, nor any scenario's full text. A broken shipped file fails the
// build with every located error. `virtual:worlds` holds the shipped worlds' own text, for the
// browser's file loader: an opening dropped on its own finds the world it extends by id (it is
// its own chunk, fetched by the file loader when needed). In dev, editing a scenario file reloads the page.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { rulesFor } from '../src/engine/index.ts';
import type { Scenario } from '../src/model/schema.ts';
import { formatDiagnostic } from '../src/scenario/diagnostic.ts';
import { loadScenario, type SourceFile } from '../src/scenario/load.ts';
import { parseFile } from '../src/scenario/parse.ts';
import { scenarioSummary } from '../src/store/scenario-summary.ts';

const ID = 'virtual:scenarios';
const RESOLVED = `\0${ID}`;
const ONE = 'virtual:scenario/';
const WORLDS = 'virtual:worlds';

export interface ShippedScenarioJson {
  readonly id: string;
  readonly hash: string;
  readonly file: string;
  readonly scenario: Scenario;
}

const isScenarioFile = (name: string) => /\.(ya?ml|json)$/.test(name) && !name.endsWith('.schema.json');

/** The scenario files of `dir`, worlds (by id) apart from openings. */
function shippedFiles(dir: string): { worlds: Map<string, SourceFile>; openings: SourceFile[] } {
  const files: SourceFile[] = readdirSync(dir)
    .filter(isScenarioFile)
    .sort()
    .map((name) => ({ name: `scenarios/${name}`, text: readFileSync(join(dir, name), 'utf8') }));
  const worlds = new Map<string, SourceFile>();
  const openings: SourceFile[] = [];
  for (const f of files) {
    const p = parseFile(f.name, f.text);
    const root =
      p.ok && typeof p.value === 'object' && p.value !== null ? (p.value as Record<string, unknown>) : {};
    if (root.kind === 'world' && typeof root.id === 'string') worlds.set(root.id, f);
    else openings.push(f);
  }
  return { worlds, openings };
}

/** Loads every opening in `dir`; throws with the located errors of any broken file. */
export function loadShipped(dir: string): ShippedScenarioJson[] {
  const { worlds, openings } = shippedFiles(dir);
  const out: ShippedScenarioJson[] = [];
  const problems: string[] = [];
  for (const f of openings) {
    const r = loadScenario([f], { resolveWorld: (id) => worlds.get(id) });
    if (!r.ok) problems.push(...r.errors.map(formatDiagnostic));
    else out.push({ id: r.scenario.id, hash: r.hash, file: f.name, scenario: r.scenario });
  }
  if (problems.length > 0)
    throw new Error(`a shipped scenario is broken:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return menuOrder(out);
}

/**
 * The menu's order: the year's order by start date (the shortest first among those that start on
 * the same day, so the tutorial leads and is the default), and a campaign — one whose calendar
 * spans several other scenarios — after them.
 */
function menuOrder(list: ShippedScenarioJson[]): ShippedScenarioJson[] {
  const span = new Map(
    list.map((s) => {
      const rules = rulesFor(s.scenario);
      return [s, [rules.startDay, rules.startDay + rules.totalTurns * s.scenario.calendar.turnDays]] as const;
    }),
  );
  const covers = (s: ShippedScenarioJson) => {
    const [a0, a1] = span.get(s)!;
    return list.filter((o) => {
      const [b0, b1] = span.get(o)!;
      return o !== s && a0 <= b0 && b1 <= a1 && a1 - a0 > b1 - b0;
    }).length;
  };
  const key = new Map(list.map((s) => [s, covers(s) >= 2 ? 1 : 0]));
  return [...list].sort(
    (a, b) =>
      key.get(a)! - key.get(b)! ||
      span.get(a)![0] - span.get(b)![0] ||
      a.scenario.meta.minutes - b.scenario.meta.minutes,
  );
}

export function scenariosPlugin(dir = resolve('scenarios')): Plugin {
  let cache: ShippedScenarioJson[] | null = null;
  return {
    name: 'upper-hand-scenarios',
    resolveId(id) {
      if (id === ID) return RESOLVED;
      if (id === WORLDS) return `\0${WORLDS}`;
      if (id.startsWith(ONE)) return `\0${id}`;
      return null;
    },
    load(id) {
      if (id !== RESOLVED && id !== `\0${WORLDS}` && !id.startsWith(`\0${ONE}`)) return null;
      for (const name of readdirSync(dir)) if (isScenarioFile(name)) this.addWatchFile(join(dir, name));
      if (id === `\0${WORLDS}`)
        return `export default ${JSON.stringify(Object.fromEntries(shippedFiles(dir).worlds))};`;
      if (!cache || id === RESOLVED) {
        try {
          cache = loadShipped(dir);
        } catch (e) {
          this.error(e instanceof Error ? e.message : String(e));
        }
      }
      const list = cache;
      if (id === RESOLVED) {
        const items = list.map(
          (s) =>
            `{...${JSON.stringify(scenarioSummary(s.id, s.hash, s.scenario))}, load: () => import(${JSON.stringify(ONE + s.hash)})}`,
        );
        return `export default [${items.join(',\n')}];`;
      }
      const hash = id.slice(`\0${ONE}`.length);
      const one = list.find((s) => s.hash === hash);
      if (!one) this.error(`no shipped scenario has the content hash ${hash}`);
      return `export default ${JSON.stringify(one.scenario)};`;
    },
    handleHotUpdate(ctx) {
      if (!ctx.file.startsWith(dir) || !isScenarioFile(ctx.file)) return;
      cache = null;
      for (const mod of [...ctx.server.moduleGraph.idToModuleMap.values()])
        if (mod.id === RESOLVED || mod.id === `\0${WORLDS}` || mod.id?.startsWith(`\0${ONE}`))
          ctx.server.moduleGraph.invalidateModule(mod);
      ctx.server.ws.send({ type: 'full-reload' });
      return [];
    },
  };
}
