// Which folder of src may import which (README, "How it is built"): the arrows point one way, from
// the screens down to the scenario model, and no file imports itself round a cycle. Every import is
// read — static, type-only, re-exports, dynamic import() and import.meta.glob — from the text of
// each file under src, so a new arrow fails here with the file and the import that drew it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/** How an import reaches its target: at load time, or only in types or on demand. */
type Kind = 'static' | 'type' | 'dynamic';

interface Import {
  readonly spec: string;
  readonly kind: Kind;
}

/**
 * What each folder may import. `any`: any kind of import; `lazy`: type-only (erased from the
 * build) or dynamic (a separate chunk, loaded on demand). `main.ts` is the entry point.
 */
const MAY_IMPORT: Record<string, Record<string, 'any' | 'lazy'>> = {
  model: {},
  engine: { model: 'any' },
  ai: { engine: 'any', model: 'any' },
  scenario: { engine: 'any', model: 'any' },
  net: { engine: 'any', model: 'any' },
  store: { engine: 'any', model: 'any', scenario: 'any', net: 'any', ai: 'lazy' },
  present: { engine: 'any', model: 'any' },
  game: { store: 'any', engine: 'any', model: 'any', present: 'any' },
  ui: {
    store: 'any',
    engine: 'any',
    scenario: 'any',
    model: 'any',
    present: 'any',
    net: 'any',
    game: 'lazy',
  },
  server: { engine: 'any', scenario: 'any', ai: 'any', model: 'any', net: 'any', present: 'any' },
  'main.ts': { ui: 'any', store: 'any', present: 'any', engine: 'any', model: 'any', game: 'lazy' },
};

/** The source with comments blanked out (strings kept: import specifiers are strings). */
function withoutComments(text: string): string {
  let out = '';
  let i = 0;
  let quote: string | null = null;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (quote) {
      out += c;
      if (c === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (c === quote) quote = null;
      i++;
    } else if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      if (c === "'" || c === '"' || c === '`') quote = c;
      out += c;
      i++;
    }
  }
  return out;
}

/** Every import and re-export of a module's text, with how it is made. */
function importsOf(text: string, declarationFile = false): Import[] {
  const code = withoutComments(text);
  const out: Import[] = [];
  const add = (spec: string, kind: Kind) => out.push({ spec, kind: declarationFile ? 'type' : kind });
  const clause = String.raw`[\w$*{},\s]*?`;
  const from = String.raw`\s*from\s*(['"])([^'"\n]+)\2`;
  for (const m of code.matchAll(new RegExp(String.raw`\bimport\s+(type\s+)?${clause}${from}`, 'g')))
    add(m[3]!, m[1] ? 'type' : 'static');
  for (const m of code.matchAll(/\bimport\s*(['"])([^'"\n]+)\1/g)) add(m[2]!, 'static');
  for (const m of code.matchAll(
    new RegExp(String.raw`\bexport\s+(type\s+)?(?:\*(?:\s+as\s+[\w$]+)?|\{[\w$,\s]*\})${from}`, 'g'),
  ))
    add(m[3]!, m[1] ? 'type' : 'static');
  for (const m of code.matchAll(/\bimport\s*\(\s*(['"`])([^'"`\n]+)\1/g)) add(m[2]!, 'dynamic');
  for (const m of code.matchAll(/\bimport\.meta\.glob\s*(?:<[^>]*>)?\s*\(\s*(\[[^\]]*\]|(['"])[^'"\n]+\2)/g))
    for (const s of m[1]!.matchAll(/(['"])([^'"\n]+)\1/g)) add(s[2]!.replace(/^!/, ''), 'dynamic');
  return out;
}

const ROOT = join(import.meta.dirname, '..', '..');
const SRC = join(ROOT, 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : /\.(ts|tsx|mts|js)$/.test(name) ? [p] : [];
  });
}

/** The folder of src a path lies in (`main.ts` for the entry point), or null outside src. */
function folderOf(path: string): string | null {
  const rel = relative(SRC, path);
  if (rel.startsWith('..')) return null;
  return rel.split(sep)[0]!;
}

/** The file an import names: its own path, or with `.ts` or `/index.ts` added. */
function resolveFile(from: string, spec: string): string {
  const base = normalize(join(dirname(from), spec));
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return base;
}

interface Edge {
  readonly file: string;
  readonly target: string;
  readonly spec: string;
  readonly kind: Kind;
}

const files = filesUnder(SRC);
const edges: Edge[] = files.flatMap((file) =>
  importsOf(readFileSync(file, 'utf8'), file.endsWith('.d.ts'))
    .filter((i) => i.spec.startsWith('.'))
    .map((i) => ({ file, target: resolveFile(file, i.spec), spec: i.spec, kind: i.kind })),
);
const show = (e: Edge) => `${relative(ROOT, e.file)} imports '${e.spec}' (${e.kind})`;

describe('reading imports', () => {
  it('finds static, type-only, re-exported, dynamic and globbed imports, and skips comments', () => {
    const found = importsOf(`
      import { a, type B } from './a';
      import type { C } from "../c";
      import * as D from './d';
      import './side-effect.css';
      export { e } from './e';
      export type { F } from './f';
      export * from './g';
      const h = await import('./h');
      const i = import.meta.glob<M>('../i/index.ts');
      type J = import('../j').J;
      // import { k } from './k';
      /* export * from './l'; */
      const m = 'not an import: from "./m"';
    `);
    expect(found).toEqual([
      { spec: './a', kind: 'static' },
      { spec: '../c', kind: 'type' },
      { spec: './d', kind: 'static' },
      { spec: './side-effect.css', kind: 'static' },
      { spec: './e', kind: 'static' },
      { spec: './f', kind: 'type' },
      { spec: './g', kind: 'static' },
      { spec: './h', kind: 'dynamic' },
      { spec: '../j', kind: 'dynamic' },
      { spec: '../i/index.ts', kind: 'dynamic' },
    ]);
  });

  it('reads every import of a declaration file as a type', () => {
    expect(importsOf("declare module 'x' { const y: import('../engine').Scenario; }", true)).toEqual([
      { spec: '../engine', kind: 'type' },
    ]);
  });

  it('reads the imports the table is about (the check is not vacuous)', () => {
    const between = (a: string, b: string) =>
      edges.some((e) => folderOf(e.file) === a && folderOf(e.target) === b);
    expect(between('engine', 'model')).toBe(true);
    expect(between('ui', 'store')).toBe(true);
    expect(between('store', 'ai')).toBe(true);
  });
});

describe('which folder may import which', () => {
  it('knows every folder of src', () => {
    const unknown = [...new Set(files.map(folderOf))].filter((f) => f !== null && !(f in MAY_IMPORT));
    expect(unknown, 'a new folder of src: add it to MAY_IMPORT and to the README table').toEqual([]);
  });

  it('draws only the arrows the table allows', () => {
    const wrong = edges.flatMap((e) => {
      const from = folderOf(e.file);
      const to = folderOf(e.target);
      if (from === null || to === null || from === to) return [];
      const allowed = MAY_IMPORT[from]?.[to];
      if (allowed === 'any' || (allowed === 'lazy' && e.kind !== 'static')) return [];
      return [
        `${show(e)}: ${from} may not import ${to}${allowed === 'lazy' ? ' except by type or import()' : ''}`,
      ];
    });
    expect(wrong).toEqual([]);
  });

  it('has no import cycle among the files of src, type imports included', () => {
    const next = new Map<string, Edge[]>();
    for (const e of edges) if (e.target.startsWith(SRC)) next.set(e.file, [...(next.get(e.file) ?? []), e]);
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: Edge[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      for (const e of next.get(file) ?? []) {
        const s = state.get(e.target);
        if (s === 'open') {
          const start = path.findIndex((p) => p.file === e.target);
          cycles.push([...path.slice(Math.max(start, 0)), e].map(show).join(' → '));
        } else if (s === undefined) {
          path.push(e);
          visit(e.target);
          path.pop();
        }
      }
      state.set(file, 'done');
    };
    for (const f of files) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });
});
