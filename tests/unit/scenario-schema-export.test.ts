import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { scenarioShape } from '../../src/model/schema.ts';
import {
  buildJsonSchemas,
  OpeningSchema,
  WorldBodySchema,
  WorldSchema,
} from '../../src/scenario/file-schemas.ts';
import { miniInput } from './scenario-fixtures.ts';

const dir = join(import.meta.dirname, '..', '..', 'scenarios');

describe('the committed JSON Schemas', () => {
  const built = buildJsonSchemas();

  test.each(Object.keys(built))('scenarios/%s is what `npm run schema` writes', (name) => {
    const committed = readFileSync(join(dir, name), 'utf8');
    expect(committed, 'out of date: run `npm run schema` and commit scenarios/*.schema.json').toBe(
      built[name as keyof typeof built],
    );
  });

  test('building them twice gives the same text', () => {
    expect(buildJsonSchemas()).toEqual(built);
  });

  test('a world requires its kind and id; every scenario field is offered', () => {
    const world = JSON.parse(built['world.schema.json']) as {
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(world.required.sort()).toEqual(['id', 'kind']);
    for (const k of Object.keys(scenarioShape)) expect(world.properties).toHaveProperty(k);
    expect(world.properties).toHaveProperty('extends');
  });

  test('an opening requires its id, a standalone one every field a scenario needs, entries their ids', () => {
    const opening = JSON.parse(built['opening.schema.json']) as {
      required?: string[];
      if: unknown;
      then: { required: string[] };
      properties: Record<string, { items?: { required?: string[]; properties: Record<string, unknown> } }>;
    };
    expect(opening.required).toEqual(['id']);
    expect(opening.if).toEqual({ not: { required: ['extends'] } });
    expect(opening.then.required).toEqual(
      expect.arrayContaining(['meta', 'documents', 'sides', 'params', 'calendar', 'indicators', 'briefings']),
    );
    expect(opening.properties.instruments?.items?.required).toEqual(['id']);
    // An instrument's levels replace whole, so a level is complete.
    const levels = opening.properties.instruments?.items?.properties.levels as {
      items: { required: string[] };
    };
    expect(levels.items.required).toEqual(['label']);
  });
});

describe('the world and opening schemas validate', () => {
  test('a complete scenario is a valid world body and, with its kind, a valid world', () => {
    expect(WorldBodySchema.safeParse(miniInput()).success).toBe(true);
    expect(WorldSchema.safeParse({ ...miniInput(), kind: 'world' }).success).toBe(true);
    expect(WorldSchema.safeParse(miniInput()).success).toBe(false); // no kind
  });

  test('an opening may be partial at any depth, but list entries need their id', () => {
    const opening = {
      extends: 'mini-world',
      remove: ['port-fees'],
      instruments: [{ id: 'us-tariff', level: 4 }],
      sides: { us: { resolve: 0.7 } },
    };
    expect(OpeningSchema.safeParse(opening).success).toBe(true);
    expect(OpeningSchema.safeParse({ instruments: [{ level: 4 }] }).success).toBe(false);
    expect(OpeningSchema.safeParse({ kind: 'world' }).success).toBe(false);
    expect(OpeningSchema.safeParse({ meta: { colour: 'red' } }).success).toBe(false);
  });
});
