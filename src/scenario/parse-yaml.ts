// Reading YAML with positions and limits. The `yaml` package works in three stages: a lexer and a
// parser build a syntax tree, a composer turns it into nodes. On hostile input the later stages are
// slow (microseconds and an error object per stray token) or recursive (deep nesting exhausts the
// stack or memory), so before composing come a quick scan (an over-estimate of nesting, a limit on
// lines), a count of tokens, and a walk of the syntax tree for depth, syntax errors and repeated
// anchors. Nodes are then turned into plain values here rather than by `toJS`, to record each
// value's position, refuse `__proto__` and repeated keys, and count alias expansions (a "billion
// laughs" file stops at the 100th alias). Every problem is a located issue; nothing throws.

import type { Document, YAMLError, Node as YamlNode } from 'yaml';
import { Composer, CST, isAlias, isMap, isScalar, isSeq, Lexer, LineCounter, Parser } from 'yaml';
import { type Path, quoteName } from './diagnostic.ts';
import {
  emptyMap,
  isForbiddenKey,
  MAX_ALIASES,
  MAX_DEPTH,
  MAX_ISSUES,
  MAX_KEPT,
  MAX_LINES,
  MAX_NODES,
  MAX_TOKENS,
  MAX_TOKENS_PER_LINE,
  type ParseIssue,
  type ParseResult,
  pathKey,
  type Spot,
  type Spots,
  textProblem,
} from './parse-common.ts';

interface TreeProblem {
  offset: number;
  expected: string;
  found: string;
}

/**
 * Walks the syntax tree without recursion, before the composer sees it, and returns what would
 * make composing slow or unsafe: nesting deeper than the limit, too many tokens, syntax errors,
 * a second document, a node with several anchors or tags. Each costs the composer an error object
 * per token, so a hostile file of a million `&a` would take seconds.
 */
function scanTree(tokens: readonly CST.Token[]): TreeProblem[] {
  const problems: TreeProblem[] = [];
  // Popped in document order (children pushed last-first), so the first problems are reported.
  const stack: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 })).reverse();
  let count = 0;
  let documents = 0;
  const props = (list: readonly CST.Token[] | undefined) => {
    if (!list) return;
    count += list.length;
    let anchors = 0;
    let tags = 0;
    for (const t of list) {
      if (t.type === 'anchor' && ++anchors === 2)
        problems.push({
          offset: t.offset,
          expected: 'at most one anchor `&name` on a value',
          found: 'a second one',
        });
      if (t.type === 'tag' && ++tags === 2)
        problems.push({
          offset: t.offset,
          expected: 'at most one tag `!tag` on a value',
          found: 'a second one',
        });
    }
  };
  while (stack.length > 0 && problems.length < 20) {
    const { token, depth } = stack.pop()!;
    if (++count > MAX_TOKENS) {
      problems.push({
        offset: 0,
        expected: `at most ${MAX_TOKENS} YAML tokens`,
        found: 'more (is the file damaged?)',
      });
      break;
    }
    switch (token.type) {
      case 'document':
        if (++documents === 2) {
          problems.push({
            offset: token.offset,
            expected: 'one YAML document',
            found: 'a second document (after `---`)',
          });
        }
        props(token.start);
        props(token.end);
        if (token.value) stack.push({ token: token.value, depth });
        break;
      case 'error':
        problems.push({
          offset: token.offset,
          expected: 'valid YAML',
          found: `a YAML error (${token.message.split('\n')[0]})`,
        });
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        if (depth + 1 > MAX_DEPTH) {
          problems.push({
            offset: token.offset,
            expected: `at most ${MAX_DEPTH} levels of nesting`,
            found: 'deeper nesting (is the file damaged?)',
          });
          return problems;
        }
        if (token.type === 'flow-collection') props(token.end);
        for (let n = token.items.length - 1; n >= 0; n--) {
          const item = token.items[n]!;
          props(item.start);
          if ('sep' in item) props(item.sep);
          if (item.value) stack.push({ token: item.value, depth: depth + 1 });
          if ('key' in item && item.key) stack.push({ token: item.key, depth: depth + 1 });
        }
        break;
      case 'block-scalar':
        props(token.props);
        break;
      case 'alias':
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        props(token.end);
        break;
      default:
        break;
    }
  }
  return problems.sort((x, y) => x.offset - y.offset);
}

/**
 * A quick over-estimate of nesting, so that a file of a million brackets or dashes is refused in
 * milliseconds rather than parsed: `[` and `{` not yet closed (inside quotes too, so the bound is
 * generous) and compact block nesting on one line (`- - - x`, `? ? x`). Also a limit on lines.
 */
function prescan(text: string): TreeProblem | null {
  let depth = 0;
  let lines = 1;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > 4 * MAX_DEPTH)
        return {
          offset: i,
          expected: `at most ${MAX_DEPTH} levels of nesting`,
          found: 'deeper nesting (is the file damaged?)',
        };
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
    if (lineStart) {
      let j = i;
      let run = 0;
      for (;;) {
        while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
        const d = text.charCodeAt(j);
        const next = text.charCodeAt(j + 1);
        if ((d === 45 || d === 63 || d === 58) && (next === 32 || next === 9)) {
          if (++run > MAX_DEPTH)
            return {
              offset: j,
              expected: `at most ${MAX_DEPTH} levels of nesting`,
              found: 'deeper nesting (is the file damaged?)',
            };
          j += 2;
        } else break;
      }
    }
    lineStart = c === 10;
    if (lineStart && ++lines > MAX_LINES)
      return { offset: i, expected: `at most ${MAX_LINES} lines`, found: 'more (is the file damaged?)' };
  }
  return null;
}

/**
 * Counts the lexer's tokens, stopping at the limits: the parser and composer spend microseconds on
 * each, so a line of a million `*a` or `[a]` would take many seconds to refuse.
 */
function countTokens(text: string): TreeProblem | null {
  let total = 0;
  let onLine = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '\n' || token === '\r\n') onLine = 0;
    else if (++onLine > MAX_TOKENS_PER_LINE)
      return {
        offset,
        expected: `at most ${MAX_TOKENS_PER_LINE} YAML tokens on one line`,
        found: 'more (is the file damaged?)',
      };
    if (++total > MAX_TOKENS)
      return { offset, expected: `at most ${MAX_TOKENS} YAML tokens`, found: 'more (is the file damaged?)' };
    if (token !== CST.DOCUMENT && token !== CST.FLOW_END && token !== CST.SCALAR) offset += token.length;
  }
  return null;
}

function describeYamlError(e: YAMLError, text: string): { expected: string; found: string } {
  const bit = text.slice(e.pos[0], Math.min(e.pos[1], e.pos[0] + 40)).trim();
  switch (e.code) {
    case 'DUPLICATE_KEY':
      return { expected: 'each field only once in a map', found: `\`${bit}\` a second time` };
    case 'MULTIPLE_DOCS':
      return { expected: 'one YAML document', found: 'a second document (after `---`)' };
    case 'TAB_AS_INDENT':
      return { expected: 'spaces for indentation', found: 'a tab' };
    case 'TAG_RESOLVE_FAILED':
      return { expected: 'a plain value without a `!tag`', found: `\`${bit}\`` };
    case 'BAD_ALIAS':
      return { expected: 'an alias `*name` to an anchor `&name` defined earlier', found: `\`${bit}\`` };
    case 'RESOURCE_EXHAUSTION':
      return { expected: 'a file the reader can handle', found: 'too many aliases or too much nesting' };
    default:
      return { expected: 'valid YAML', found: `a YAML error (${e.message.split('\n')[0] ?? e.code})` };
  }
}

/** The indentation of each line, or undefined for a blank line or a comment. */
function indentOf(line: string): number | undefined {
  const t = line.trimStart();
  return t === '' || t.startsWith('#') ? undefined : line.length - t.length;
}

/** The depths a line sets: its indentation, and for a list item `- key: …` its fields' too. */
function depthsOf(line: string): number[] {
  const own = indentOf(line);
  if (own === undefined) return [];
  const dash = /^\s*(-\s+)+/.exec(line);
  return dash ? [own, dash[0].length] : [own];
}

/**
 * One indentation mistake makes the YAML reader report several errors, from where it went wrong to
 * where it gave up. When a line near the first error is indented unlike both lines around it, that
 * line is the mistake: one sentence, and none of the errors that follow from it.
 */
function indentationIssue(text: string, issues: readonly ParseIssue[]): ParseIssue | undefined {
  const first = issues[0];
  if (first?.expected !== 'valid YAML') return undefined;
  const lines = text.split(/\r\n|\r|\n/);
  for (let n = Math.max(1, first.line - 3); n <= Math.min(lines.length, first.line + 3); n++) {
    const own = indentOf(lines[n - 1] ?? '');
    if (own === undefined) continue;
    const earlier = lines.slice(0, n - 1).filter((l) => indentOf(l) !== undefined);
    const prev = earlier.at(-1);
    if (prev === undefined) continue;
    const before = indentOf(prev) ?? 0;
    let after: number | undefined;
    for (let i = n; i < lines.length && after === undefined; i++) after = indentOf(lines[i] ?? '');
    // Deeper than the line before is right after a line that opens a block (`key:`, `-`, a block
    // text `>-`, an open bracket); shallower is right when it returns to an earlier line's depth.
    const opens = /(:|^\s*-|[>|][+-]?|[[{,])\s*(#.*)?$/.test(prev);
    const deeperOk = own > before && (opens || depthsOf(prev).includes(own));
    const shallowerOk = own < before && earlier.some((l) => depthsOf(l).includes(own));
    if (own === before || deeperOk || shallowerOk) continue;
    const spaces = (k: number) => (k === 0 ? 'none' : k === 1 ? '1 space' : `${k} spaces`);
    const around =
      after === undefined || after === before || after < own
        ? spaces(before)
        : `${spaces(before)} and ${spaces(after)}`;
    return {
      line: n,
      column: 1,
      path: [],
      expected: `the indentation of the lines around it (${around})`,
      found: `${spaces(own)}`,
      message: `line ${n} is indented ${spaces(own)}; the lines around it use ${around}`,
    };
  }
  return undefined;
}

export function parseYaml(text: string): ParseResult {
  const r = parseYamlIssues(text);
  if (r.ok) return r;
  const indent = indentationIssue(text, r.issues);
  return indent ? { ok: false, issues: [indent] } : r;
}

function parseYamlIssues(text: string): ParseResult {
  const lines = new LineCounter();
  const pos = (offset: number) => {
    const p = lines.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line: Math.max(1, p.line), column: Math.max(1, p.col) };
  };
  const issues: ParseIssue[] = [];
  const issue = (offset: number, path: Path, expected: string, found: string) => {
    issues.push({ ...pos(offset), path, expected, found });
  };

  // Before parsing, the line counter is empty: locate by counting lines up to the offset.
  const early = prescan(text) ?? countTokens(text);
  if (early) {
    let line = 1;
    let lineAt = 0;
    for (let i = 0; i < early.offset; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        lineAt = i + 1;
      }
    }
    issues.push({
      line,
      column: early.offset - lineAt + 1,
      path: [],
      expected: early.expected,
      found: early.found,
    });
    return { ok: false, issues };
  }
  const tokens = Array.from(new Parser(lines.addNewLine).parse(text));
  const problems = scanTree(tokens);
  if (problems.length > 0) {
    for (const p of problems) issue(p.offset, [], p.expected, p.found);
    return { ok: false, issues };
  }
  // Repeated keys are found while converting (in linear time, with their path), not by the
  // composer's `uniqueKeys`, which compares every key with every other.
  const composer = new Composer({ uniqueKeys: false, strict: true, version: '1.2' });
  const docs = Array.from(composer.compose(tokens, true, text.length));
  const doc = docs[0];
  if (!doc) {
    issue(0, [], 'a scenario (a YAML map of fields)', 'an empty file');
    return { ok: false, issues };
  }
  const second = docs[1];
  if (second) issue(second.range[0], [], 'one YAML document', 'a second document (after `---`)');
  for (const e of [...doc.errors, ...doc.warnings].slice(0, MAX_ISSUES)) {
    const { expected, found } = describeYamlError(e, text);
    issue(e.pos[0], [], expected, found);
  }
  if (issues.length > 0) return { ok: false, issues };
  if (
    doc.contents === null ||
    (isScalar(doc.contents) && doc.contents.value === null && !doc.contents.source)
  ) {
    issue(0, [], 'a scenario (a YAML map of fields)', 'an empty file');
    return { ok: false, issues };
  }
  return toPlain(doc, pos, issues);
}

type Pos = (offset: number) => { line: number; column: number };

function toPlain(doc: Document.Parsed, pos: Pos, issues: ParseIssue[]): ParseResult {
  let stopped = false;
  let unlisted = 0;
  const kinds = new Set<string>(); // a problem of a new kind is always kept
  const issue = (offset: number, path: Path, expected: string, found: string) => {
    // The first problems of values are kept and the rest counted (the loader lists the first 50
    // and counts the rest); only the limits on aliases, values and nesting stop the reading.
    if (issues.length < MAX_KEPT || !kinds.has(expected))
      issues.push({ ...pos(offset), path, expected, found });
    else unlisted++;
    kinds.add(expected);
  };
  const spots: Spots = new Map();
  let aliases = 0;
  let nodes = 0;
  const start = (n: YamlNode | null | undefined, fallback: number) => n?.range?.[0] ?? fallback;

  const convert = (node: unknown, path: Path, depth: number, at: number, keyAt?: number): unknown => {
    if (stopped) return null;
    const p = pos(at);
    const k = keyAt === undefined ? undefined : pos(keyAt);
    const spot: Spot = k ? { ...p, keyLine: k.line, keyColumn: k.column } : p;
    spots.set(pathKey(path), spot);
    if (++nodes > MAX_NODES) {
      issue(at, path, `at most ${MAX_NODES} values in one file`, 'more (aliases expanded)');
      stopped = true;
      return null;
    }
    if (depth > MAX_DEPTH) {
      issue(at, path, `at most ${MAX_DEPTH} levels of nesting`, 'deeper nesting (through aliases)');
      stopped = true;
      return null;
    }
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      if (++aliases > MAX_ALIASES) {
        issue(at, path, `at most ${MAX_ALIASES} aliases (\`*name\`)`, 'more (an alias bomb?)');
        stopped = true;
        return null;
      }
      const target = node.resolve(doc);
      if (!target) {
        issue(at, path, 'an alias to an anchor defined earlier', `\`*${node.source}\``);
        return null;
      }
      const value = convert(target, path, depth + 1, at, keyAt);
      spots.set(pathKey(path), spot); // the alias's own place, not the anchor's
      return value;
    }
    if (isScalar(node)) {
      const v: unknown = node.value;
      if (typeof v === 'string') {
        const bad = textProblem(v);
        if (bad !== null) issue(at, path, 'text without control characters or broken Unicode', bad);
        return v;
      }
      if (typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
      issue(at, path, 'text, a number, true/false or nothing', 'binary data or another special value');
      return null;
    }
    if (isMap(node)) {
      const obj = emptyMap();
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        const kAt = start(keyNode, at);
        let key: string | undefined;
        if (isScalar(keyNode)) {
          const kv: unknown = keyNode.value;
          if (typeof kv === 'string' || typeof kv === 'number' || typeof kv === 'boolean') key = String(kv);
        }
        if (key === undefined) {
          issue(kAt, path, 'a field name of plain text', 'a key that is a list, a map or empty');
          continue;
        }
        const childPath = [...path, key];
        const keyBad = textProblem(key);
        if (keyBad !== null) {
          issue(kAt, childPath, 'a field name without control characters or broken Unicode', keyBad);
          continue;
        }
        if (isForbiddenKey(key)) {
          issue(
            kAt,
            childPath,
            'a field name other than `__proto__`',
            '`__proto__` (refused: it could alter every object)',
          );
          continue;
        }
        if (Object.hasOwn(obj, key)) {
          issue(kAt, childPath, 'each field only once in a map', `${quoteName(key)} a second time`);
          continue;
        }
        const valueNode = pair.value as YamlNode | null;
        obj[key] = convert(valueNode, childPath, depth + 1, start(valueNode, kAt), kAt);
      }
      return obj;
    }
    if (isSeq(node)) {
      const arr: unknown[] = [];
      for (const item of node.items) {
        const itemNode = item as YamlNode | null;
        arr.push(convert(itemNode, [...path, arr.length], depth + 1, start(itemNode, at)));
      }
      return arr;
    }
    issue(at, path, 'a map, a list or a plain value', 'something else');
    return null;
  };

  const root = doc.contents as YamlNode | null;
  const value = convert(root, [], 0, start(root, 0));
  if (issues.length === 0) return { ok: true, value, spots };
  return { ok: false, issues, ...(unlisted > 0 ? { unlisted } : {}) };
}
