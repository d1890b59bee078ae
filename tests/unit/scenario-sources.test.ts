import { describe, expect, test } from 'vitest';
import { formatPath } from '../../src/scenario/diagnostic.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { checkQuotes, normaliseQuote } from '../../src/scenario/sources.ts';
import { fixture, lineOf, miniInput, quotesOf, SOURCE } from './scenario-fixtures.ts';

describe('normaliseQuote', () => {
  test.each([
    ['  a \n\t b  ', 'a b'],
    ['Trump’s “win”', 'Trump\'s "win"'],
    ['‘single’ ‛odd′', "'single' 'odd'"],
    ['„low“ ″', '"low" "'],
    ['fentanyl – a drug — deadly ‒ and − more', 'fentanyl - a drug - deadly - and - more'],
    ['no\u00a0break', 'no break'],
  ])('%j → %j', (input, output) => {
    expect(normaliseQuote(input)).toBe(output);
  });
});

describe('checkQuotes', () => {
  const source = 'The truce has been extended twice,\nbut Beijing’s “export controls” remain – for now.';
  const read = (file: string) => (file === 'a.txt' ? source : undefined);

  test('quotes match after whitespace, quote marks and dashes are normalised', () => {
    const value = {
      events: [
        { source: 'a.txt', quote: 'extended twice, but Beijing\'s "export controls" remain - for now.' },
      ],
      briefings: { us: { sources: [{ source: 'a.txt', quote: 'The truce   has been' }] } },
    };
    expect(checkQuotes(value, read)).toEqual([]);
  });

  test('a quote not in its source, with where it stops matching', () => {
    const f = checkQuotes(
      { terms: [{ source: 'a.txt', quote: 'The truce has been extended three times' }] },
      read,
    );
    expect(f).toHaveLength(1);
    expect(formatPath(f[0]?.path ?? [])).toBe('terms[0].quote');
    expect(f[0]?.expected).toBe('a quote found word for word in a.txt');
    expect(f[0]?.hint).toBe(
      'it matches up to "The truce has been extended"; then the quote reads "three times" where the source reads "twice, but Beijing\'s "export c…"',
    );
    const none = checkQuotes({ source: 'a.txt', quote: 'Nothing like it' }, read);
    expect(none[0]?.hint).toBe('not even its first word is in the source');
  });

  test('a missing source file, or one that cannot be read, is an error', () => {
    const f = checkQuotes({ x: { source: 'b.txt', quote: 'anything' } }, read);
    expect(f.map((x) => [formatPath(x.path), x.found])).toEqual([
      ['x.source', '"b.txt", which is not there'],
    ]);
    const throwing = checkQuotes({ source: 'a.txt', quote: 'The truce' }, () => {
      throw new Error('disk on fire');
    });
    expect(throwing).toHaveLength(1);
  });

  test('each source is read once', () => {
    let reads = 0;
    checkQuotes(
      [
        { source: 'a.txt', quote: 'The truce' },
        { source: 'a.txt', quote: 'remain' },
      ],
      (f) => {
        reads++;
        return read(f);
      },
    );
    expect(reads).toBe(1);
  });
});

describe('through the loader', () => {
  const mini = fixture('mini.yaml');
  const text = quotesOf(miniInput());
  const readSource = (file: string) => (file === SOURCE ? text : undefined);

  test('the mini scenario’s quotes are all checked', () => {
    expect(loadScenario([mini], { readSource }).ok).toBe(true);
    const r = loadScenario([mini], { readSource: () => undefined });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.length).toBe((text.match(/\n\n/g)?.length ?? 0) + 1);
  });

  test('a changed quote is an error at its line', () => {
    const changed = mini.text.replace('quote: cut tariffs to 30 percent', 'quote: cut tariffs to 35 percent');
    const r = loadScenario([{ name: 'mini.yaml', text: changed }], { readSource });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.column, e.path])).toEqual([
      [lineOf(changed, 'quote: cut tariffs to 35 percent'), 16, 'instruments[0].levels[3].quote'],
    ]);
  });
});
