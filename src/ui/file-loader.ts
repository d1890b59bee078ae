// Loading scenario files from disk (file picker or drag-and-drop, several at once for a world and
// its opening; an opening alone finds a shipped world it extends by id). The loader — the YAML
// parser and zod — and the shipped worlds are imported only here, on demand, so the menu stays
// small. The files are checked exactly as `npm run check` checks them, the no-deal check
// included; every problem comes back located (file:line:column field: expected …, found …), the
// first 50 of them, then how many more. A file over the size limit is not read at all.
import type { Scenario } from '../engine/index.ts';
import { noDealLoss } from '../engine/index.ts';
import { MAX_BYTES } from '../scenario/parse-common.ts';

export interface Located {
  readonly where: string; // file:line:column
  readonly field: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
  readonly line: string; // the whole diagnostic as `npm run check` prints it
}

/** `more`: what was left out of the lists, in a sentence ("and 949 more errors of the same kinds"). */
export type FileLoad =
  | { ok: true; scenario: Scenario; hash: string; warnings: Located[]; files: string[]; more?: string }
  | { ok: false; errors: Located[]; warnings: Located[]; files: string[]; more?: string };

const megabytes = (bytes: number) => `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;

/** Reads the files and checks them with the game's loader. Never throws. */
export async function loadFiles(list: readonly File[]): Promise<FileLoad> {
  const names = list.map((f) => f.name);
  const huge = list.filter((f) => f.size > MAX_BYTES);
  if (huge.length > 0) {
    const expected = `a file of at most ${megabytes(MAX_BYTES)}`;
    const errors = huge.map((f): Located => {
      const message = `expected ${expected}, found ${megabytes(f.size)}`;
      return {
        where: `${f.name}:1:1`,
        field: '',
        message,
        severity: 'error',
        line: `${f.name}:1:1 ${message}`,
      };
    });
    return { ok: false, errors, warnings: [], files: names };
  }
  const files = await Promise.all(list.map(async (f) => ({ name: f.name, text: await f.text() })));
  const { loadScenario, formatDiagnostic } = await import('./loader-chunk.ts');
  // The shipped worlds' text is a chunk of its own, fetched only for files that may extend one.
  const shippedWorlds = files.some((f) => f.text.includes('extends'))
    ? (await import('virtual:worlds')).default
    : {};
  const r = loadScenario(files, {
    noDealLoss: (s: Scenario) => noDealLoss(s),
    resolveWorld: (id) => (Object.hasOwn(shippedWorlds, id) ? shippedWorlds[id] : undefined),
  });
  const locate = (d: Parameters<typeof formatDiagnostic>[0]): Located => ({
    where: `${d.file}:${d.line}:${d.column}`,
    field: d.path,
    message: d.message,
    severity: d.severity,
    line: formatDiagnostic(d),
  });
  const more = r.more === undefined ? {} : { more: r.more };
  if (!r.ok)
    return {
      ok: false,
      errors: r.errors.map(locate),
      warnings: r.warnings.map(locate),
      files: names,
      ...more,
    };
  const warnings = r.warnings.map(locate);
  return { ok: true, scenario: r.scenario, hash: r.hash, warnings, files: names, ...more };
}
