import { z } from "zod";

/**
 * `schema.catch(fallback)`: a malformed value falls back rather than failing,
 * as URL filters should. zod-to-openapi cannot describe a catch, so the result
 * carries the OpenAPI schema of `schema` (what a valid value looks like) as metadata.
 */
export function lenient<T extends z.ZodType>(schema: T, fallback: z.output<T>, described: z.ZodType = schema) {
  // The fallback of a required value is its default; document it as such.
  const documentedDefault = fallback === undefined || Array.isArray(fallback) ? {} : { default: fallback };
  return schema.catch(fallback).meta({ ...openApiSchemaOf(described), ...documentedDefault });
}

function openApiSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "openapi-3.0", io: "input", unrepresentable: "any" });
  return rest;
}
