// Quote checks (DESIGN.md "Sources"): every `quote` must appear word for word in the source file it
// cites. The project holds no source documents, so the caller reads them (`readSource`); this
// module stays pure. Both texts are normalised the same way before comparing:
// - runs of whitespace (spaces, tabs, line breaks, no-break spaces) become one space;
// - curly and prime quote marks become straight ones (’ ‘ ‛ ′ → ', “ ” „ ″ → ");
// - en and em dashes and the minus sign become a hyphen (– — ‒ − → -), since sources and authors
//   type them interchangeably.
// Nothing else is forgiven: a changed word, a dropped comma or an ellipsis for omitted text fails.
import { describeValue, type Finding, type Path } from './diagnostic.ts';

export type ReadSource = (file: string) => string | undefined;

/** The normal form both the quote and the source are compared in. */
export function normaliseQuote(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/[\u2012\u2013\u2014\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The length of the longest start of `quote` found in `source` (both normalised). */
function matchingPrefix(quote: string, source: string): number {
  let lo = 0;
  let hi = quote.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (source.includes(quote.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const tail = (s: string, to: number) => {
  const from = Math.max(0, to - 30);
  return `"${from > 0 ? '…' : ''}${s.slice(from, to).trimEnd()}"`;
};

const snippet = (s: string, from: number) => {
  const bit = s.slice(from, from + 30);
  return `"${bit}${s.length > from + 30 ? '…' : ''}"`;
};

/**
 * Findings for every quote (any map with `source` and `quote`, anywhere in `value`) that is not
 * found in its source, and for every cited source that cannot be read.
 */
export function checkQuotes(value: unknown, readSource: ReadSource): Finding[] {
  const out: Finding[] = [];
  const cache = new Map<string, string | undefined>();
  const source = (file: string) => {
    if (!cache.has(file)) {
      let text: string | undefined;
      try {
        text = readSource(file);
      } catch {
        text = undefined;
      }
      cache.set(file, text === undefined ? undefined : normaliseQuote(text));
    }
    return cache.get(file);
  };

  const visit = (v: unknown, path: Path) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        visit(x, [...path, i]);
      });
      return;
    }
    if (typeof v !== 'object' || v === null) return;
    const o = v as Record<string, unknown>;
    if (typeof o.source === 'string' && typeof o.quote === 'string') {
      const text = source(o.source);
      if (text === undefined) {
        out.push({
          severity: 'error',
          path: [...path, 'source'],
          expected: 'a source file in the sources folder',
          found: `"${o.source}", which is not there`,
        });
      } else {
        const quote = normaliseQuote(o.quote);
        if (!text.includes(quote)) {
          const n = matchingPrefix(quote, text);
          // Report from the start of the word where they part: "three" against "twice", not "hree".
          const cut = n > 0 && quote[n - 1] !== ' ' ? quote.lastIndexOf(' ', n - 1) + 1 : n;
          const at = text.indexOf(quote.slice(0, cut));
          const hint =
            cut === 0
              ? 'not even its first word is in the source'
              : `it matches up to ${tail(quote, cut)}; then the quote reads ${snippet(quote, cut)} where the source reads ${snippet(text, at + cut)}`;
          out.push({
            severity: 'error',
            path: [...path, 'quote'],
            expected: `a quote found word for word in ${o.source}`,
            found: describeValue(o.quote),
            hint,
          });
        }
      }
    }
    for (const k of Object.keys(o)) visit(o[k], [...path, k]);
  };
  visit(value, []);
  return out;
}
