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
import { IdSchema, scenarioShape } from '../model/schema';
import { WORLD_ID } from './merge';
import { core, type Schema } from './zod-walk';

const asZod = (s: Schema): z.ZodType => s as unknown as z.ZodType;
const asSchema = (s: z.ZodType): Schema => s as unknown as Schema;

const ExtendsSchema = z
  .string()
  .regex(WORLD_ID)
  .describe('The id of the world this file builds on, e.g. `world-2025` (an id, never a path).');
const RemoveSchema = z
  .array(IdSchema)
  .describe('Ids of the world’s entries (instruments, indicators, events, …) to drop.');

/** Every field optional at every depth, but ids of list entries, and lists without ids, whole. */
function deepPartial(s: z.ZodType): z.ZodType {
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
  if (d?.type === 'array' && d.element) return z.array(asZod(d.element)).optional();
  return v.optional();
}

const worldShape = Object.fromEntries(entries.map(([k, v]) => [k, worldField(k, v)])) as Shape;

/** A world as the loader validates it (header fields already stripped). */
export const WorldBodySchema = z.strictObject(worldShape);

/** A world file as written. */
export const WorldSchema = z
  .strictObject({
    kind: z.literal('world').describe('This file is a world: shared definitions that openings extend.'),
    extends: ExtendsSchema.optional(),
    remove: RemoveSchema.optional(),
    ...worldShape,
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
    ...(Object.fromEntries(entries.map(([k, v]) => [k, deepPartial(v).optional()])) as Shape),
  })
  .meta({
    title: 'Upper Hand opening',
    description:
      'A scenario that extends a world (`extends`): maps merge key by key, lists with ids merge by id, other values replace. Without `extends` it must be a complete scenario.',
  });

/** The editors' JSON Schemas, as `npm run schema` writes them. Pure: same input, same text. */
export function buildJsonSchemas(): { 'world.schema.json': string; 'opening.schema.json': string } {
  const render = (s: z.ZodType) => `${JSON.stringify(z.toJSONSchema(s, { io: 'input' }), null, 2)}\n`;
  return { 'world.schema.json': render(WorldSchema), 'opening.schema.json': render(OpeningSchema) };
}
