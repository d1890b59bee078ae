// A structural view of zod 4's schema definitions — only what the loader reads: the shape of an
// object, the element of a list, the checks of a number — and a way past the wrappers (optional,
// default, transform) to the schema that actually checks a value. Used to word error messages and
// to derive the world and opening schemas from the scenario schema.

export interface CheckDef {
  check?: string;
  value?: unknown;
  inclusive?: boolean;
  format?: string;
  minimum?: number;
  maximum?: number;
  error?: (issue: never) => unknown;
}

export interface Def {
  type: string;
  shape?: Record<string, Schema>;
  element?: Schema;
  keyType?: Schema;
  valueType?: Schema;
  innerType?: Schema;
  in?: Schema;
  options?: readonly Schema[];
  checks?: readonly { _zod: { def: CheckDef } }[];
  getter?: () => Schema;
}

export interface Schema {
  _zod: { def: Def };
}

const WRAPPERS = ['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch'];

/** Unwraps optional, default, transform and the like: the schema a value is checked against. */
export function core(s: Schema | undefined): Schema | undefined {
  let cur = s;
  for (let n = 0; cur && n < 20; n++) {
    const d = cur._zod.def;
    if (d.innerType && WRAPPERS.includes(d.type)) cur = d.innerType;
    else if (d.type === 'pipe' && d.in) cur = d.in;
    else if (d.type === 'lazy' && d.getter) cur = d.getter();
    else return cur;
  }
  return cur;
}
