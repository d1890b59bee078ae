// Fixtures for the scenario loader's tests: the mini scenarios on disk, their parsed input, and
// small helpers to find a line in a text and to assert that a diagnostic is well located.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parse } from 'yaml';
import type { Diagnostic } from '../../src/scenario/diagnostic.ts';
import type { SourceFile } from '../../src/scenario/load.ts';

export const SCENARIOS = join(import.meta.dirname, '..', 'fixtures', 'scenarios');
export const HOSTILE = join(import.meta.dirname, '..', 'fixtures', 'hostile');
export const SOURCE = '002_09e0433b83108fc5.txt';

/** A fixture scenario file as the loader takes it. */
export function fixture(name: string): SourceFile {
  return { name, text: readFileSync(join(SCENARIOS, name), 'utf8') };
}

/** mini.yaml as plain data, to mutate in tests. */
export function miniInput(): Record<string, unknown> {
  return parse(fixture('mini.yaml').text) as Record<string, unknown>;
}

/** The 1-based line of the first line containing `needle` (after line `after`, if given). */
export function lineOf(text: string, needle: string, after = 0): number {
  const lines = text.split('\n');
  for (let i = after; i < lines.length; i++) if (lines[i]?.includes(needle)) return i + 1;
  throw new Error(`no line contains ${JSON.stringify(needle)}`);
}

/** The 1-based column where `needle` starts on line `line`. */
export function columnOf(text: string, line: number, needle: string): number {
  const col = (text.split('\n')[line - 1] ?? '').indexOf(needle);
  if (col < 0) throw new Error(`line ${line} does not contain ${JSON.stringify(needle)}`);
  return col + 1;
}

/** Every field a diagnostic must have, filled. */
export function expectWellFormed(d: Diagnostic): void {
  expect(d.file.length).toBeGreaterThan(0);
  expect(Number.isInteger(d.line) && d.line >= 1).toBe(true);
  expect(Number.isInteger(d.column) && d.column >= 1).toBe(true);
  expect(typeof d.path).toBe('string');
  expect(d.expected.length).toBeGreaterThan(0);
  expect(d.found.length).toBeGreaterThan(0);
  expect(d.message).toContain(`expected ${d.expected}, found ${d.found}`);
}

/** A source text holding every quote a scenario value cites (quotes joined by paragraphs). */
export function quotesOf(value: unknown): string {
  const quotes: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      if (typeof o.quote === 'string') quotes.push(o.quote);
      Object.values(o).forEach(walk);
    }
  };
  walk(value);
  return quotes.join('\n\n');
}
