import fc from "fast-check";

/** An OpenAPI 3.0 schema object, as the generated document holds it. */
export type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
};

/** Real values for a parameter or field, by its name (ids and codes of the seeded database). */
export type Hints = (name: string) => readonly unknown[] | undefined;

/** Follows `#/components/schemas/X` references of the document. */
export function resolver(document: { components?: { schemas?: Record<string, unknown> } }) {
  return function resolve(schema: Schema | undefined): Schema {
    let current = schema ?? {};
    while (current.$ref) current = document.components!.schemas![current.$ref.replace("#/components/schemas/", "")] as Schema;
    return current;
  };
}

const monthLike = fc.tuple(fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: 1, max: 12 })).map(([year, month]) => `${year}-${String(month).padStart(2, "0")}`);
const dateLike = fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));

/** Strings a careless or hostile client sends: unicode, control characters, traversal, injection, huge. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom(
    "",
    " ",
    "../../../../etc/passwd",
    "..%2F..%2Fetc%2Fpasswd",
    "..\\..\\windows\\win.ini",
    "/",
    "%00",
    "\u0000",
    "\ud800",
    "\udfff",
    "😀",
    "𠀀𠀁",
    "措施",
    "\u202e",
    "'; DROP TABLE \"Measure\"; --",
    "' OR '1'='1",
    "<script>alert(1)</script>",
    "${jndi:ldap://x}",
    "%",
    "%ZZ",
    "null",
    "undefined",
    "NaN",
    "-1",
    "-0",
    "1e309",
    "Infinity",
    "0x10",
    "9".repeat(40),
    "2026-13",
    "2026-00",
    "0000-01",
    "2026-02-30",
    "true",
    "[]",
    "{}",
  ),
  fc.constantFrom("x".repeat(10_000), "测".repeat(5_000), "a".repeat(300)),
);

/** Any JSON value of the wrong kind, for mutated fields. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.constantFrom(null, true, false, 0, -1, -0, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, [], {}, [1, "a"], { nested: { deep: [null] } }),
  fc.integer(),
  fc.double(),
);

/** Values that fit a schema (the generator's best effort: formats and patterns it knows). */
export function arbitraryOf(schema: Schema | undefined, resolve: (schema: Schema | undefined) => Schema, hints: Hints, name = "", depth = 0): fc.Arbitrary<unknown> {
  const resolved = resolve(schema);
  const hinted = name ? hints(name) : undefined;
  const plain = plainArbitrary(resolved, resolve, hints, name, depth);
  const withHint = hinted?.length ? fc.oneof({ arbitrary: fc.constantFrom(...hinted), weight: 4 }, { arbitrary: plain, weight: 1 }) : plain;
  return resolved.nullable ? fc.oneof({ arbitrary: withHint, weight: 5 }, { arbitrary: fc.constant(null), weight: 1 }) : withHint;
}

function plainArbitrary(schema: Schema, resolve: (schema: Schema | undefined) => Schema, hints: Hints, name: string, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices?.length) return fc.oneof(...choices.map((choice) => arbitraryOf(choice, resolve, hints, name, depth)));
  if (schema.allOf?.length) {
    const merged: Schema = { type: "object", properties: {}, required: [] };
    for (const part of schema.allOf.map(resolve)) {
      Object.assign(merged.properties!, part.properties);
      merged.required!.push(...(part.required ?? []));
    }
    return plainArbitrary(merged, resolve, hints, name, depth);
  }
  switch (schema.type) {
    case "boolean":
      return fc.boolean();
    case "integer":
    case "number": {
      const min = typeof schema.minimum === "number" ? schema.minimum : typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum + 1 : -1000;
      const max = typeof schema.maximum === "number" ? schema.maximum : typeof schema.exclusiveMaximum === "number" ? schema.exclusiveMaximum - 1 : 10_000;
      return schema.type === "integer"
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case "array": {
      if (depth > 3) return fc.constant([]);
      return fc.array(arbitraryOf(schema.items, resolve, hints, name, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) });
    }
    case "object": {
      if (depth > 3) return fc.constant({});
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, property] of Object.entries(properties)) record[key] = arbitraryOf(property, resolve, hints, key, depth + 1);
      return fc.record(record, { requiredKeys: Object.keys(record).filter((key) => required.has(key)) });
    }
    default:
      return stringArbitrary(schema);
  }
}

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  if (schema.format === "date") return dateLike;
  if (schema.format === "date-time") return fc.date({ noInvalidDate: true }).map((date) => date.toISOString());
  if (schema.pattern) {
    // The month pattern is common: give it real months, not only the pattern's corner cases.
    const pattern = new RegExp(schema.pattern, "u");
    const matching = fc.stringMatching(pattern).filter((value) => fitsLength(schema, value));
    return /\d\{4\}-/.test(schema.pattern) ? fc.oneof(monthLike.filter((value) => pattern.test(value)), matching) : matching;
  }
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 30, 60) });
}

const fitsLength = (schema: Schema, value: string) => value.length >= (schema.minLength ?? 0) && value.length <= (schema.maxLength ?? Infinity);
