// The two kinds of file besides a standalone scenario, derived from the one scenario schema:
// - a **world** (`kind: world`) holds shared definitions: it has an `id`, every other top-level
//   field is optional (lists of any length), and what it does give is complete (each instrument
//   with all its fields);
// - an **opening** extends a world (`extends: <world id>`): every field is optional at every
//   depth, since it merges onto the world — except the `id` of an entry in an id-keyed list, which
//   says which entry it changes; lists without ids (an instrument's levels) replace whole, so their
//   items are complete. `remove: [ids]` drops entries. An opening without `extends` must be a
//   complete scenario: that is checked by `npm run check`, not by the editor's schema.
// Also the editors' JSON Schemas for both (`npm run schema` writes them to scenarios/).
import { z } from 'zod';
import { fieldDoc } from '../model/field-docs.ts';
import { IdSchema, scenarioShape } from '../model/schema.ts';
import { WORLD_ID } from './merge.ts';
import { core, type Schema } from './zod-walk.ts';

const asZod = (s: Schema): z.ZodType => s as unknown as z.ZodType;
const asSchema = (s: z.ZodType): Schema => s as unknown as Schema;

const ExtendsSchema = z
  .string()
  .regex(WORLD_ID)
  .describe('The id of the world this file builds on, e.g. `world-2025` (an id, never a path).');
const RemoveSchema = z
  .array(IdSchema)
  .describe('Ids of the world’s entries (instruments, indicators, events, …) to drop.');

interface WrapDef {
  type: string;
  innerType?: z.ZodType;
  defaultValue?: unknown;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  catchall?: z.ZodType;
  checks?: z.core.$ZodCheck<unknown>[];
  getter?: () => z.ZodType;
  options?: readonly z.ZodType[];
}

/**
 * The same schema with each field's description and example (src/model/field-docs.ts) attached
 * with `.meta()`, for the editors' JSON Schemas. Objects and lists are rebuilt around their
 * annotated fields (their cross-field refinements, which a JSON Schema cannot state, are left to
 * the checker); wrappers (optional, default) are kept.
 */
function annotate(s: z.ZodType, path: string): z.ZodType {
  const d = s._zod.def as unknown as WrapDef;
  let out = s;
  if (d.type === 'optional' && d.innerType) out = annotate(d.innerType, path).optional();
  else if (d.type === 'default' && d.innerType)
    out = annotate(d.innerType, path).default(d.defaultValue as never);
  else if (d.type === 'prefault' && d.innerType)
    out = annotate(d.innerType, path).prefault(d.defaultValue as never);
  else if (d.type === 'lazy' && d.getter) out = annotate(d.getter(), path);
  else if (d.type === 'object' && d.shape) {
    const shape: Record<string, z.ZodType> = {};
    for (const [k, v] of Object.entries(d.shape)) shape[k] = annotate(v, path === '' ? k : `${path}.${k}`);
    out = z.strictObject(shape);
  } else if (d.type === 'array' && d.element) {
    out = z.array(annotate(d.element, `${path}[]`));
    if (d.checks && d.checks.length > 0) out = out.check(...d.checks);
  } else if (d.type === 'union' && d.options) {
    out = z.union(d.options.map((o) => annotate(o, path)) as [z.ZodType, z.ZodType, ...z.ZodType[]]);
  }
  const doc = fieldDoc(path);
  return doc
    ? out.meta({ description: doc[0], ...(doc[1] === undefined ? {} : { examples: [doc[1]] }) })
    : out;
}

/** Every field optional at every depth, but ids of list entries, and lists without ids, whole. */
function deepPartial(s: z.ZodType): z.ZodType {
  const meta = z.globalRegistry.get(s);
  const partial = deepPartialBare(s);
  return meta ? partial.meta(meta) : partial;
}

function deepPartialBare(s: z.ZodType): z.ZodType {
  const c = core(asSchema(s));
  const d = c?._zod.def;
  if (!c || !d) return s;
  if (d.type === 'object' && d.shape) {
    const shape: Record<string, z.ZodType> = {};
    for (const [k, v] of Object.entries(d.shape)) {
      const child = deepPartial(asZod(v));
      shape[k] = k === 'id' ? child : child.optional();
    }
    return z.strictObject(shape);
  }
  if (d.type === 'array' && d.element) {
    const el = core(d.element);
    if (el?._zod.def.type === 'object' && el._zod.def.shape && 'id' in el._zod.def.shape) {
      return z.array(deepPartial(asZod(el)));
    }
  }
  return asZod(c);
}

type Shape = Record<string, z.ZodType>;
const entries = Object.entries(scenarioShape) as [string, z.ZodType][];

/**
 * A world's top-level field: optional; a list keeps its items' schema but not its length, since
 * openings add and remove entries (the merged scenario's lists are measured).
 */
function worldField(k: string, v: z.ZodType): z.ZodType {
  if (k === 'id') return v;
  const d = core(asSchema(v))?._zod.def;
  if (d?.type === 'array' && d.element) {
    const meta = z.globalRegistry.get(v);
    const list = z.array(asZod(d.element));
    return (meta ? list.meta(meta) : list).optional();
  }
  return v.optional();
}

const worldShape = Object.fromEntries(entries.map(([k, v]) => [k, worldField(k, v)])) as Shape;
const annotated = entries.map(([k, v]) => [k, annotate(v, k)] as [string, z.ZodType]);
const editorWorldShape = Object.fromEntries(annotated.map(([k, v]) => [k, worldField(k, v)])) as Shape;

/** A world as the loader validates it (header fields already stripped). */
export const WorldBodySchema = z.strictObject(worldShape);

/** A world file as written. */
export const WorldSchema = z
  .strictObject({
    kind: z.literal('world').describe('This file is a world: shared definitions that openings extend.'),
    extends: ExtendsSchema.optional(),
    remove: RemoveSchema.optional(),
    ...editorWorldShape,
  })
  .meta({
    title: 'Upper Hand world',
    description:
      'Shared definitions (instruments, indicators, profiles, …) that openings extend with `extends`.',
  });

/** An opening file as written. */
export const OpeningSchema = z
  .strictObject({
    kind: z.literal('opening').optional().describe('This file is an opening (the default).'),
    extends: ExtendsSchema.optional(),
    remove: RemoveSchema.optional(),
    ...(Object.fromEntries(annotated.map(([k, v]) => [k, deepPartial(v).optional()])) as Shape),
  })
  .meta({
    title: 'Upper Hand opening',
    description:
      'A scenario that extends a world (`extends`): maps merge key by key, lists with ids merge by id, other values replace. Without `extends` it must be a complete scenario.',
  });

/** The editors' JSON Schemas, as `npm run schema` writes them. Pure: same input, same text. */
export function buildJsonSchemas(): { 'world.schema.json': string; 'opening.schema.json': string } {
  const json = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input' }) as Record<string, unknown>;
  const render = (s: Record<string, unknown>) => `${JSON.stringify(s, null, 2)}\n`;
  // An opening names its id; one without `extends` stands alone, so it needs every field a
  // complete scenario needs: an editor can then say what is missing.
  const complete = (json(z.strictObject(scenarioShape)).required ?? []) as string[];
  const opening = {
    ...json(OpeningSchema),
    required: ['id'],
    if: { not: { required: ['extends'] } },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's own if/then keywords
    then: { required: complete },
  };
  return { 'world.schema.json': render(json(WorldSchema)), 'opening.schema.json': render(opening) };
}
