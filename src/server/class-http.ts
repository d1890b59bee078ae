// The class's HTTP routes, under /class/. The instructor's routes need the instructor key (header
// `x-instructor-key`, compared in constant time); a student's routes need only the class code, and a
// student's token opens only that student's own page, never the dashboard. Every body is parsed with
// a zod schema; a refusal is a plain sentence in `reason`.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ClassError, type Classes } from './class-room.ts';
import { HttpError, readJson, sendJson } from './http.ts';

const Level = z.number().int().min(1).max(3);
const Seconds = z.number().int().min(1).max(3600).nullable();

export const CreateClassSchema = z.strictObject({
  scenarioId: z.string().min(1).max(80),
  sides: z.enum(['both', 'us', 'cn']).default('both'),
  levels: z.array(Level).min(1).max(3).default([2]),
  randomEvents: z.boolean().default(true),
  leverage: z.enum(['live', 'own', 'after']).default('live'),
  sameSeed: z.boolean().default(true),
  seed: z.string().min(1).max(80).optional(),
  capacity: z.number().int().min(1).max(200).default(80),
  names: z.boolean().default(false),
  reasons: z.boolean().default(false),
});
const JoinSchema = z.strictObject({ code: z.string().max(20), name: z.string().max(80) });
const PairSchema = z.union([
  z.strictObject({ teamSize: z.number().int().min(1).max(4) }),
  z.strictObject({
    games: z
      .array(
        z.strictObject({
          us: z.array(z.string().max(40)).max(4),
          cn: z.array(z.string().max(40)).max(4),
          ai: z.strictObject({ us: Level.optional(), cn: Level.optional() }).optional(),
        }),
      )
      .min(1)
      .max(100),
  }),
]);
const LetterSchema = z.strictObject({ letter: z.string().max(3).optional() });
const ClocksSchema = z.strictObject({
  talks: Seconds,
  orders: Seconds,
  letter: z.string().max(3).optional(),
});
const InjectSchema = z.strictObject({
  event: z.string().min(1).max(80),
  letter: z.string().max(3).optional(),
});
const PlaceSchema = z.strictObject({
  name: z.string().min(1).max(40),
  letter: z.string().min(1).max(3),
  side: z.enum(['us', 'cn']),
});
const ReadySchema = z.strictObject({ code: z.string().max(20), token: z.string().max(80) });
const ReasonSchema = z.strictObject({
  code: z.string().max(20),
  token: z.string().max(80),
  text: z.string().max(400),
});
const BriefingSchema = z.strictObject({ minutes: z.number().int().min(1).max(30).default(6) });
const NewsSchema = z.strictObject({
  text: z.string().min(1).max(400),
  letter: z.string().max(3).optional(),
});
const EndSchema = z.strictObject({ warningSeconds: z.number().min(0).max(600).default(120) });

const body = (req: IncomingMessage) => readJson(req, 64 * 1024, 'That request is too large.');

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success)
    throw new ClassError(
      400,
      `That request is not understood (${r.error.issues[0]?.message ?? 'bad field'}).`,
    );
  return r.data;
}

function keyMatches(given: string | string[] | undefined, key: string) {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Answers a /class/ request; false when the path is not one of the class's. */
export function classRoute(
  classes: Classes,
  key: string,
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (!path.startsWith('/class/')) return false;
  const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
  const parts = path.split('/').filter(Boolean).slice(1); // after "class"
  const handle = async (): Promise<unknown> => {
    // a student's routes
    if (req.method === 'POST' && parts[0] === 'join' && parts.length === 1) {
      const o = parse(JoinSchema, await body(req));
      return classes.join(o.code, o.name);
    }
    if (req.method === 'POST' && parts[0] === 'ready' && parts.length === 1) {
      const o = parse(ReadySchema, await body(req));
      return { text: await classes.ready(o.code, o.token) };
    }
    if (req.method === 'POST' && parts[0] === 'reason' && parts.length === 1) {
      const o = parse(ReasonSchema, await body(req));
      return { text: await classes.reason(o.code, o.token, o.text) };
    }
    if (req.method === 'GET' && parts[0] === 'me' && parts.length === 2)
      return classes.student(parts[1] ?? '', query.get('token') ?? '');
    // the instructor's
    if (!keyMatches(req.headers['x-instructor-key'], key))
      throw new ClassError(403, 'Only the instructor can do that: the instructor key is missing or wrong.');
    if (req.method === 'GET' && parts[0] === 'key' && parts.length === 1) return { ok: true };
    if (req.method === 'POST' && parts[0] === 'create' && parts.length === 1) {
      const o = parse(CreateClassSchema, await body(req));
      const seed = o.sameSeed ? (o.seed ?? `class-${Math.random().toString(36).slice(2, 10)}`) : null;
      return classes.create({
        scenarioId: o.scenarioId,
        sides: o.sides,
        levels: o.levels,
        randomEvents: o.randomEvents,
        leverage: o.leverage,
        seed,
        capacity: o.capacity,
        names: o.names,
        reasons: o.reasons,
      });
    }
    const code = parts[0] ?? '';
    const action = parts[1];
    if (req.method === 'GET' && action === 'dashboard') return classes.dashboard(code);
    if (req.method === 'GET' && action === 'projector') return classes.projector(code, query.get('letter'));
    if (req.method === 'GET' && action === 'debrief') {
      const names = query.get('names');
      return classes.debrief(code, query.get('reveal') === '1', names === null ? undefined : names === '1');
    }
    if (req.method === 'GET' && action === 'results') {
      const names = query.get('names');
      const r = await classes.results(code, names === null ? undefined : names === '1');
      if (query.get('format') === 'csv') return { csv: r.csv };
      return {
        csv: r.csv,
        games: r.games.map((g) => ({
          letter: g.letter,
          players: g.players,
          summary: g.summary,
          record: g.record,
          reasoning: g.reasoning,
        })),
      };
    }
    if (req.method !== 'POST') throw new ClassError(404, 'There is no such class page.');
    const b = await body(req);
    switch (action) {
      case 'pair':
        return { games: await classes.pair(code, parse(PairSchema, b)) };
      case 'start': {
        const o = parse(LetterSchema, b);
        return { started: await classes.start(code, o.letter) };
      }
      case 'clocks': {
        const o = parse(ClocksSchema, b);
        await classes.setClocks(code, { talks: o.talks, orders: o.orders }, o.letter);
        return { ok: true };
      }
      case 'pause':
        await classes.pause(code);
        return { ok: true };
      case 'resume':
        await classes.resume(code);
        return { ok: true };
      case 'inject': {
        const o = parse(InjectSchema, b);
        return { games: await classes.inject(code, o.event, o.letter) };
      }
      case 'place': {
        const o = parse(PlaceSchema, b);
        return { text: await classes.place(code, o.name, o.letter, o.side) };
      }
      case 'briefing': {
        const o = parse(BriefingSchema, b);
        await classes.brief(code, o.minutes);
        return { ok: true };
      }
      case 'news': {
        const o = parse(NewsSchema, b);
        return { games: await classes.news(code, o.text, o.letter) };
      }
      case 'end': {
        const o = parse(EndSchema, b);
        await classes.endAll(code, o.warningSeconds * 1000);
        return { ok: true };
      }
      default:
        throw new ClassError(404, 'There is no such class action.');
    }
  };
  handle().then(
    (out) => sendJson(res, 200, { ok: true, ...(out as object) }),
    (e: unknown) => {
      if (e instanceof HttpError) sendJson(res, e.status, { ok: false, reason: e.message });
      else sendJson(res, 500, { ok: false, reason: 'The server could not do that.' });
    },
  );
  return true;
}
