// The durable log of a class, beside the game logs: a header (the class code and the settings the
// instructor chose), then one JSON line per thing that happened — a student joined, the pairings,
// a game started (its room code and each student's seat token), a clock set, a pause, a resume, an
// inject, the end. Replaying the lines rebuilds the class, so a class survives a server restart; the
// games themselves come back from their own logs. One file per class: `classes/CODE.jsonl`.
import { appendFile, mkdir, open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BySide } from '../engine/index.ts';

export const CLASS_FORMAT = 'upper-hand-class';

export interface ClassSettings {
  readonly scenarioId: string;
  readonly sides: 'both' | 'us' | 'cn'; // the sides students play (the other is the computer's)
  readonly levels: readonly number[]; // computer levels allowed; the first is the default
  readonly randomEvents: boolean;
  readonly leverage: 'live' | 'own' | 'after';
  readonly seed: string | null; // one seed for every game (shown), or null: one each
  readonly capacity: number; // students at most
  readonly names: boolean; // results show names (else game letters only)
  readonly reasons?: boolean; // each team writes one line of reasoning a turn (absent: off)
}

export interface ClassHeader {
  readonly format: typeof CLASS_FORMAT;
  readonly version: 1;
  readonly code: string;
  readonly created: string; // ISO time
  readonly settings: ClassSettings;
}

export interface Pairing {
  readonly letter: string;
  readonly us: readonly string[]; // students' class tokens
  readonly cn: readonly string[];
  readonly ai: BySide<number | null>;
}

export interface Clocks {
  readonly talks: number | null; // seconds a phase may last, null: no clock
  readonly orders: number | null;
}

export type ClassLine =
  | { readonly join: { readonly token: string; readonly name: string } }
  | { readonly pair: { readonly games: readonly Pairing[] } }
  | {
      readonly start: {
        readonly letter: string;
        readonly code: string;
        readonly seats: Readonly<Record<string, string>>; // class token → game seat token
      };
    }
  | { readonly clocks: { readonly letter: string | null; readonly clocks: Clocks } }
  | { readonly pause: { readonly at: number } }
  | { readonly resume: { readonly at: number } }
  | { readonly inject: { readonly letter: string; readonly event: string } }
  | { readonly news: { readonly letter: string; readonly text: string } }
  | { readonly briefing: { readonly at: number; readonly endsAt: number } }
  | { readonly ready: { readonly letter: string; readonly side: 'us' | 'cn' } }
  | { readonly briefed: { readonly at: number } }
  | {
      readonly late: {
        readonly token: string; // the student's class token
        readonly letter: string;
        readonly side: 'us' | 'cn';
        readonly seat: string; // the game seat token made for the student
      };
    }
  | {
      readonly reason: {
        readonly letter: string;
        readonly side: 'us' | 'cn';
        readonly turn: number; // the game's turn (0-based) the line is for
        readonly text: string;
      };
    }
  | { readonly end: { readonly at: number; readonly closeAt: number } }
  | { readonly ended: { readonly letter: string; readonly turn: number; readonly of: number } };

/** A class's file store, in the data folder beside the games' `live/` and `done/`. */
export class ClassLogStore {
  readonly #dir: string;

  constructor(dataDir: string) {
    this.#dir = join(dataDir, 'classes');
  }

  #path(code: string) {
    return join(this.#dir, `${code}.jsonl`);
  }

  async create(header: ClassHeader): Promise<boolean> {
    await mkdir(this.#dir, { recursive: true });
    try {
      const h = await open(this.#path(header.code), 'wx');
      await h.writeFile(`${JSON.stringify(header)}\n`);
      await h.datasync();
      await h.close();
      return true;
    } catch {
      return false;
    }
  }

  async append(code: string, line: ClassLine) {
    await appendFile(this.#path(code), `${JSON.stringify(line)}\n`);
  }

  async all(): Promise<{ header: ClassHeader; lines: ClassLine[] }[]> {
    await mkdir(this.#dir, { recursive: true });
    const out: { header: ClassHeader; lines: ClassLine[] }[] = [];
    for (const name of await readdir(this.#dir)) {
      if (!name.endsWith('.jsonl')) continue;
      const values: unknown[] = [];
      const text = await readFile(join(this.#dir, name), 'utf8');
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        try {
          values.push(JSON.parse(line));
        } catch {
          break; // a torn last line: a write cut short
        }
      }
      const [header, ...lines] = values;
      const h = header as Partial<ClassHeader> | undefined;
      if (h?.format !== CLASS_FORMAT || typeof h.code !== 'string') continue;
      out.push({ header: h as ClassHeader, lines: lines as ClassLine[] });
    }
    return out;
  }
}
