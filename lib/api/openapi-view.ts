/**
 * Turns the OpenAPI document into what the /api-docs page shows: operations
 * grouped by tag, parameter rows, schema type labels and a curl example each.
 * Only the parts of OpenAPI 3.0 that our generator emits are modelled.
 */
export type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
  description?: string;
  example?: unknown;
  default?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  pattern?: string;
};
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Schema };
type Media = Record<string, { schema?: Schema }>;
type Operation = {
  tags?: string[];
  summary?: string;
  description?: string;
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content: Media };
  responses: Record<string, { description?: string; content?: Media }>;
};
export type OpenApiDoc = {
  info: { title: string; version: string; description?: string };
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema>; securitySchemes?: Record<string, { type: string; description?: string }> };
};

export type OperationView = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string | null;
  isPublic: boolean;
  parameters: { name: string; in: string; required: boolean; type: string; description: string | null; defaultValue: string | null }[];
  requestBody: { mediaType: string; schema: Schema } | null;
  responses: { status: string; description: string; mediaType: string | null; schema: Schema | null }[];
  curl: string;
};

export const refName = (ref: string) => ref.split("/").at(-1)!;

/** A short type label: `MeasureSummary[]`, `"asc" | "desc"`, `string (date)`, `integer 1–200`. */
export function typeLabel(schema: Schema | undefined): string {
  if (!schema) return "";
  if (schema.$ref) return refName(schema.$ref);
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) return variants.map(typeLabel).join(" | ");
  let label: string;
  if (schema.enum) label = schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  else if (schema.type === "array") label = `${typeLabel(schema.items)}[]`;
  else label = `${schema.type ?? "any"}${schema.format ? ` (${schema.format})` : ""}`;
  if (schema.minimum !== undefined && schema.maximum !== undefined) label += ` ${schema.minimum}–${schema.maximum}`;
  else if (schema.maxLength !== undefined) label += ` ≤ ${schema.maxLength}`;
  return schema.nullable ? `${label} | null` : label;
}

/** A plausible value for a schema: its example or default, else a placeholder of its type. */
export function exampleOf(schema: Schema | undefined, doc: OpenApiDoc, depth = 0): unknown {
  if (!schema || depth > 6) return null;
  if (schema.$ref) return exampleOf(doc.components?.schemas?.[refName(schema.$ref)], doc, depth + 1);
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) return exampleOf(variants[0], doc, depth + 1);
  switch (schema.type) {
    case "object":
      return Object.fromEntries(
        Object.entries(schema.properties ?? {})
          .filter(([name]) => schema.required?.includes(name) ?? false)
          .map(([name, property]) => [name, exampleOf(property, doc, depth + 1)]),
      );
    case "array":
      return [exampleOf(schema.items, doc, depth + 1)];
    case "integer":
    case "number":
      return schema.minimum ?? 0;
    case "boolean":
      return false;
    case "string":
      return schema.format === "date" ? "2026-12-31" : schema.pattern?.includes("(0[1-9]|1[0-2])") ? "2026-11" : "text";
    default:
      return null;
  }
}

function curlOf(method: string, path: string, operation: Operation, doc: OpenApiDoc, origin: string, isPublic: boolean): string {
  const concretePath = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const parameter = operation.parameters?.find((candidate) => candidate.in === "path" && candidate.name === name);
    return encodeURIComponent(String(parameter?.schema?.example ?? `<${name}>`));
  });
  const lines = [`curl${method === "get" ? "" : ` -X ${method.toUpperCase()}`} "${origin}${concretePath}"`];
  if (!isPublic) lines.push(`-H "Authorization: Bearer $LUOSHI_TOKEN"`);
  const body = operation.requestBody?.content["application/json"];
  if (body) {
    lines.push(`-H "Content-Type: application/json"`);
    lines.push(`-d '${JSON.stringify(exampleOf(body.schema, doc))}'`);
  }
  return lines.join(" \\\n  ");
}

/** The document's operations grouped by tag, in the order of the document's tags. */
export function operationsByTag(doc: OpenApiDoc, origin: string): { name: string; description: string | null; operations: OperationView[] }[] {
  const groups = new Map<string, OperationView[]>((doc.tags ?? []).map((tag) => [tag.name, []]));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
      const firstContent = (content: Media | undefined) => Object.entries(content ?? {})[0];
      const body = firstContent(operation.requestBody?.content);
      const view: OperationView = {
        id: `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, "-"),
        method,
        path,
        summary: operation.summary ?? "",
        description: operation.description ?? null,
        isPublic,
        parameters: (operation.parameters ?? []).map((parameter) => ({
          name: parameter.name,
          in: parameter.in,
          required: parameter.required ?? false,
          type: typeLabel(parameter.schema),
          description: parameter.description ?? parameter.schema?.description ?? null,
          defaultValue: parameter.schema?.default === undefined ? null : String(parameter.schema.default),
        })),
        requestBody: body ? { mediaType: body[0], schema: body[1].schema ?? {} } : null,
        responses: Object.entries(operation.responses).map(([status, response]) => {
          const content = firstContent(response.content);
          return { status, description: response.description ?? "", mediaType: content?.[0] ?? null, schema: content?.[1].schema ?? null };
        }),
        curl: curlOf(method, path, operation, doc, origin, isPublic),
      };
      const tag = operation.tags?.[0] ?? "default";
      groups.set(tag, [...(groups.get(tag) ?? []), view]);
    }
  }
  return [...groups].map(([name, operations]) => ({
    name,
    description: doc.tags?.find((tag) => tag.name === name)?.description ?? null,
    operations,
  }));
}

/** Everything the /api-docs page shows, from the generated document. */
export function apiDocsView(document: object, origin: string) {
  // The generator's own types are wider than what it emits; the page reads only this subset.
  const doc = document as OpenApiDoc;
  return {
    info: doc.info,
    securitySchemes: doc.components?.securitySchemes ?? {},
    groups: operationsByTag(doc, origin),
    schemas: doc.components?.schemas ?? {},
  };
}
