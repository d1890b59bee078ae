// Worlds and openings (DESIGN.md "Worlds and openings"). A file may say `extends: <world id>`; the
// world is found among the files given together or through the caller's resolver, and merged
// under the file: maps merge key by key, lists whose items all have an `id` merge by id (same id:
// the items merge; new id: appended), scalars and other lists replace, and `remove: [ids]` drops
// entries with those ids from every id-keyed list of the world. An empty list never clears an
// id-keyed list (use `remove`). Every value of the result remembers the file, line and column it
// was written at, so an error in the merged scenario points to the file that holds the culprit.
import {
  closest,
  type Diagnostic,
  describeValue,
  findingMessage,
  formatPath,
  type Path,
} from './diagnostic.ts';
import { nearestSpot, parseFile, pathKey, type Spot } from './parse.ts';
import { emptyMap } from './parse-common.ts';

/** Where a value of a merged scenario was written. */
export interface Origin extends Spot {
  file: string;
}
export type Origins = Map<string, Origin>;

/** A value with the origin of each of its paths. */
export interface LocatedDoc {
  value: unknown;
  origins: Origins;
}

export interface SourceFile {
  name: string;
  text: string;
}
export type WorldResolver = (id: string) => SourceFile | undefined;

/** What `extends` may name: a world's id, never a path (so no file outside is ever read). */
export const WORLD_ID = /^[a-z][a-z0-9-]{0,63}$/;

/** The header fields a file may carry at its top level; stripped before validation. */
export const HEADER_FIELDS = ['kind', 'extends', 'remove'] as const;

export const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const idOf = (v: unknown): string | undefined =>
  isMap(v) && Object.hasOwn(v, 'id') && typeof v.id === 'string' ? v.id : undefined;

/** A non-empty list whose items are all maps with a text `id`. */
export const isIdList = (v: unknown): v is Record<string, unknown>[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => idOf(x) !== undefined);

/** The origin of `path`, or of its nearest ancestor that has one. */
export function originOf(origins: Origins, path: Path): { origin: Origin; exact: boolean } | undefined {
  const hit = nearestSpot(origins, path);
  return hit ? { origin: hit.spot as Origin, exact: hit.exact } : undefined;
}

/** A diagnostic located at `path` of a located document (at the field's name if `at` is 'key'). */
export function diagnosticAt(
  origins: Origins,
  fallbackFile: string,
  f: {
    severity: Diagnostic['severity'];
    path: Path;
    expected: string;
    found: string;
    hint?: string;
    at?: 'key' | 'value';
  },
): Diagnostic {
  const hit = originOf(origins, f.path);
  const o = hit?.origin;
  const useKey = f.at === 'key' && hit?.exact === true && o?.keyLine !== undefined;
  return {
    severity: f.severity,
    file: o?.file ?? fallbackFile,
    line: (useKey ? o?.keyLine : o?.line) ?? 1,
    column: (useKey ? o?.keyColumn : o?.column) ?? 1,
    path: formatPath(f.path),
    expected: f.expected,
    found: f.found,
    message: findingMessage(f),
  };
}

/** Copies a value, recording each path's origin as taken from `from` under the new path. */
function copy(value: unknown, from: Origins, src: Path, dst: Path, out: Origins): unknown {
  const o = from.get(pathKey(src));
  if (o) out.set(pathKey(dst), o);
  if (Array.isArray(value)) return value.map((item, i) => copy(item, from, [...src, i], [...dst, i], out));
  if (isMap(value)) {
    const obj = emptyMap();
    for (const k of Object.keys(value)) obj[k] = copy(value[k], from, [...src, k], [...dst, k], out);
    return obj;
  }
  return value;
}

function mergeAt(
  base: LocatedDoc,
  bPath: Path,
  over: LocatedDoc,
  oPath: Path,
  dst: Path,
  out: Origins,
): unknown {
  const b = valueIn(base.value, bPath);
  const o = valueIn(over.value, oPath);
  if (isMap(b) && isMap(o)) {
    // A map written in both keeps the world's place (where the entry was defined); the root keeps
    // the extending file's.
    const mine = dst.length === 0 ? over.origins.get(pathKey(oPath)) : base.origins.get(pathKey(bPath));
    if (mine) out.set(pathKey(dst), mine);
    const obj = emptyMap();
    for (const k of Object.keys(b)) {
      obj[k] = Object.hasOwn(o, k)
        ? mergeAt(base, [...bPath, k], over, [...oPath, k], [...dst, k], out)
        : copy(b[k], base.origins, [...bPath, k], [...dst, k], out);
    }
    for (const k of Object.keys(o)) {
      if (!Object.hasOwn(b, k)) obj[k] = copy(o[k], over.origins, [...oPath, k], [...dst, k], out);
    }
    return obj;
  }
  if (isIdList(b) && Array.isArray(o) && o.every((x) => idOf(x) !== undefined)) {
    const mine = base.origins.get(pathKey(bPath));
    if (mine) out.set(pathKey(dst), mine);
    const matched = new Map<string, number>(); // id → index in `o`
    o.forEach((item, j) => {
      const id = idOf(item);
      if (id !== undefined && !matched.has(id)) matched.set(id, j);
    });
    const result: unknown[] = [];
    const used = new Set<number>();
    b.forEach((item, i) => {
      const j = matched.get(idOf(item) ?? '');
      if (j !== undefined && !used.has(j)) {
        used.add(j);
        result.push(mergeAt(base, [...bPath, i], over, [...oPath, j], [...dst, result.length], out));
      } else {
        result.push(copy(item, base.origins, [...bPath, i], [...dst, result.length], out));
      }
    });
    o.forEach((item, j) => {
      if (!used.has(j)) result.push(copy(item, over.origins, [...oPath, j], [...dst, result.length], out));
    });
    return result;
  }
  return copy(o, over.origins, oPath, dst, out);
}

function valueIn(root: unknown, path: Path): unknown {
  let cur = root;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg];
    else if (isMap(cur) && typeof seg === 'string' && Object.hasOwn(cur, seg)) cur = cur[seg];
    else return undefined;
  }
  return cur;
}

/** `over` merged onto `base` by the rules above. */
export function mergeDocs(base: LocatedDoc, over: LocatedDoc): LocatedDoc {
  const origins: Origins = new Map();
  const value = mergeAt(base, [], over, [], [], origins);
  return { value, origins };
}

/** A copy of `doc` without the entries of id-keyed lists whose id is in `ids`; also returns the ids found. */
export function removeIds(
  doc: LocatedDoc,
  ids: ReadonlySet<string>,
): { doc: LocatedDoc; found: Set<string> } {
  const found = new Set<string>();
  const origins: Origins = new Map();
  const walk = (src: Path, dst: Path): unknown => {
    const v = valueIn(doc.value, src);
    const o = doc.origins.get(pathKey(src));
    if (o) origins.set(pathKey(dst), o);
    if (Array.isArray(v)) {
      const keep = isIdList(v);
      const result: unknown[] = [];
      v.forEach((item, i) => {
        const id = idOf(item);
        if (keep && id !== undefined && ids.has(id)) found.add(id);
        else result.push(walk([...src, i], [...dst, result.length]));
      });
      return result;
    }
    if (isMap(v)) {
      const obj = emptyMap();
      for (const k of Object.keys(v)) obj[k] = walk([...src, k], [...dst, k]);
      return obj;
    }
    return v;
  };
  return { doc: { value: walk([], []), origins }, found };
}

/** Diagnostics for each entry of a list whose id an earlier entry of the same list has. */
function duplicateIds(name: string, doc: LocatedDoc): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (Array.isArray(v)) {
      const seen = new Map<string, number>();
      v.forEach((item, i) => {
        const id = idOf(item);
        const first = id === undefined ? undefined : seen.get(id);
        if (id !== undefined && first !== undefined) {
          const there = doc.origins.get(pathKey([...path, first, 'id']));
          out.push(
            located(
              name,
              doc.origins,
              [...path, i, 'id'],
              `each id once in \`${formatPath(path)}\``,
              `duplicate id ${id}, also at ${there ? `${there.file}:${there.line}:${there.column}` : formatPath([...path, first])}`,
            ),
          );
        } else if (id !== undefined) seen.set(id, i);
        walk(item, [...path, i]);
      });
    } else if (isMap(v)) for (const k of Object.keys(v)) walk(v[k], [...path, k]);
  };
  walk(doc.value, []);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Resolving a file with its `extends` chain.

export interface Header {
  kind?: 'world' | 'opening';
  extends?: string;
  remove?: string[];
}

/** A parsed file: its body (header fields removed), its header and its `id`, if it states one. */
interface Parsed {
  name: string;
  body: LocatedDoc;
  header: Header;
  id: string | undefined;
  problems: Diagnostic[];
}

function located(name: string, origins: Origins, path: Path, expected: string, found: string, hint?: string) {
  return diagnosticAt(origins, name, {
    severity: 'error',
    path,
    expected,
    found,
    ...(hint === undefined ? {} : { hint }),
  });
}

/** How many problems of an unreadable file were counted but not kept (the reader keeps 1,000). */
const unlistedIn = new WeakMap<readonly Diagnostic[], number>();

function readFile(file: SourceFile): Parsed | Diagnostic[] {
  const parsed = parseFile(file.name, file.text);
  if (!parsed.ok) {
    const problems = parsed.issues.map((i) => ({
      severity: 'error' as const,
      file: file.name,
      line: i.line,
      column: i.column,
      path: formatPath(i.path),
      expected: i.expected,
      found: i.found,
      message: i.message ?? findingMessage(i),
    }));
    if (parsed.unlisted !== undefined) unlistedIn.set(problems, parsed.unlisted);
    return problems;
  }
  const origins: Origins = new Map();
  for (const [k, spot] of parsed.spots) origins.set(k, { ...spot, file: file.name });
  const root = parsed.value;
  if (!isMap(root)) {
    return [
      located(
        file.name,
        origins,
        [],
        'a scenario or a world: a map of fields such as `id`, `meta` and `sides`',
        describeValue(root),
      ),
    ];
  }
  const problems: Diagnostic[] = [];
  const header: Header = {};
  const body = emptyMap();
  for (const k of Object.keys(root)) if (!(HEADER_FIELDS as readonly string[]).includes(k)) body[k] = root[k];
  if (Object.hasOwn(root, 'kind')) {
    if (root.kind === 'world' || root.kind === 'opening') header.kind = root.kind;
    else
      problems.push(located(file.name, origins, ['kind'], '"world" or "opening"', describeValue(root.kind)));
  }
  if (Object.hasOwn(root, 'extends')) {
    const e = root.extends;
    if (typeof e === 'string' && WORLD_ID.test(e)) header.extends = e;
    else
      problems.push(
        located(
          file.name,
          origins,
          ['extends'],
          'the id of a world such as world-2025 (worlds are found by id, beside the file or among the shipped ones, never by a path)',
          describeValue(e),
        ),
      );
  }
  if (Object.hasOwn(root, 'remove')) {
    const r = root.remove;
    if (Array.isArray(r)) {
      header.remove = [];
      r.forEach((x, i) => {
        if (typeof x === 'string') header.remove?.push(x);
        else
          problems.push(
            located(file.name, origins, ['remove', i], 'the id of an entry to remove', describeValue(x)),
          );
      });
      if (header.extends === undefined && !Object.hasOwn(root, 'extends')) {
        problems.push(
          located(
            file.name,
            origins,
            ['remove'],
            '`remove` only in a file that `extends` a world',
            'no `extends`',
          ),
        );
      }
    } else {
      problems.push(located(file.name, origins, ['remove'], 'a list of ids to remove', describeValue(r)));
    }
  }
  const id = typeof root.id === 'string' ? root.id : undefined;
  return { name: file.name, body: { value: body, origins }, header, id, problems };
}

export interface ResolveResult {
  doc: LocatedDoc | undefined; // undefined when a file could not be read or a world not found
  header: Header; // the entry file's own header
  errors: Diagnostic[];
  warnings: Diagnostic[];
  /** Errors found but not in `errors` (a file with thousands of problems): only counted. */
  unlisted: number;
}

/**
 * Reads `entry` and its chain of worlds and merges them. Worlds are looked up by `id` among
 * `files` (files given together), then through `resolveWorld`.
 */
export function resolveFile(
  entry: SourceFile,
  files: readonly SourceFile[],
  resolveWorld: WorldResolver | undefined,
): ResolveResult {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  let unlisted = 0;
  const failed = (problems: Diagnostic[]) => {
    errors.push(...problems);
    unlisted += unlistedIn.get(problems) ?? 0;
  };
  const cache = new Map<string, Parsed | Diagnostic[]>();
  const read = (f: SourceFile) => {
    const hit = cache.get(f.name);
    if (hit) return hit;
    const r = readFile(f);
    cache.set(f.name, r);
    return r;
  };

  const lookup = (id: string, from: string): SourceFile | Diagnostic[] | undefined => {
    const hits = files.filter((f) => {
      if (f.name === from) return false;
      const p = read(f);
      return !Array.isArray(p) && p.id === id;
    });
    const worlds = hits.filter((f) => {
      const p = read(f);
      return !Array.isArray(p) && p.header.kind === 'world';
    });
    const pick = worlds.length > 0 ? worlds : hits;
    if (pick.length > 1) return pick.slice(1).map((f) => ambiguous(f, id, pick[0]?.name ?? ''));
    if (pick[0]) return pick[0];
    const outside = resolveWorld?.(id);
    if (outside) return outside;
    // A file that extends its own id: the caller reports the cycle.
    const self = files.find((f) => f.name === from);
    const own = self ? read(self) : undefined;
    if (self && own && !Array.isArray(own) && own.id === id) return self;
    // The world may be in a file that could not be read: its problems explain the missing id.
    const unreadable = files.filter((f) => f.name !== from && Array.isArray(read(f)));
    if (unreadable.length === 1) return read(unreadable[0] as SourceFile) as Diagnostic[];
    if (unreadable.length > 1) return unreadable.flatMap((f) => read(f) as Diagnostic[]);
    return undefined;
  };

  const ambiguous = (f: SourceFile, id: string, first: string): Diagnostic => {
    const p = read(f) as Parsed;
    return located(f.name, p.body.origins, ['id'], `one world with the id "${id}"`, `another in ${first}`);
  };

  const knownIds = (): string[] =>
    files.flatMap((f) => {
      const p = read(f);
      return Array.isArray(p) || p.id === undefined ? [] : [p.id];
    });

  const build = (file: SourceFile, chain: readonly string[]): LocatedDoc | undefined => {
    const p = read(file);
    if (Array.isArray(p)) {
      failed(p);
      return undefined;
    }
    errors.push(...p.problems);
    if (p.problems.length > 0) return undefined;
    // An id given twice in one list of a file: said plainly, with both places, before the merge
    // reads the second as a new, incomplete entry.
    const twice = duplicateIds(file.name, p.body);
    if (twice.length > 0) {
      errors.push(...twice);
      return undefined;
    }
    const target = p.header.extends;
    if (target === undefined) return p.body;
    const world = lookup(target, file.name);
    const at = (expected: string, found: string, hint?: string) =>
      errors.push(located(file.name, p.body.origins, ['extends'], expected, found, hint));
    if (world === undefined) {
      const guess = closest(target, knownIds());
      at(
        'the id of a world given with this file (or a shipped one)',
        `"${target}", which no world has`,
        guess ? `did you mean "${guess}"?` : undefined,
      );
      return undefined;
    }
    if (Array.isArray(world)) {
      failed(world);
      return undefined;
    }
    if (world.name === file.name || chain.includes(world.name)) {
      at(
        'a world that does not extend this file back',
        `a cycle: ${[...chain, file.name, world.name].join(' → ')}`,
      );
      return undefined;
    }
    const base = build(world, [...chain, file.name]);
    if (!base) return undefined;
    let under = base;
    if (p.header.remove && p.header.remove.length > 0) {
      const r = removeIds(base, new Set(p.header.remove));
      under = r.doc;
      p.header.remove.forEach((id, i) => {
        if (!r.found.has(id)) {
          warnings.push({
            ...located(
              file.name,
              p.body.origins,
              ['remove', i],
              `the id of an entry in "${target}"`,
              `"${id}", which it does not have`,
            ),
            severity: 'warning',
          });
        }
      });
    }
    return mergeDocs(under, p.body);
  };

  // Header problems are reported once, for the entry and for each world read on the way.
  const doc = build(entry, []);
  const head = read(entry);
  return { doc, header: Array.isArray(head) ? {} : head.header, errors, warnings, unlisted };
}
