import { DocText } from "./doc-text";
import { refName, type Schema, typeLabel } from "@/lib/api/openapi-view";

/** A type, linking named schemas to their entry in the schema list. */
export function TypeLabel({ schema }: { schema: Schema }) {
  const target = schema.$ref ?? (schema.type === "array" ? schema.items?.$ref : undefined);
  const label = typeLabel(schema);
  if (!target) return <code className="text-xs">{label}</code>;
  return (
    <a href={`#schema-${refName(target)}`} className="font-mono text-xs text-red-800 underline">
      {label}
    </a>
  );
}

/** An object's properties as a nested list (name, type, required, description); other schemas as their type. */
export function SchemaView({ schema, depth = 0 }: { schema: Schema; depth?: number }) {
  const properties = Object.entries(schema.properties ?? {});
  if (schema.$ref || properties.length === 0 || depth > 3) {
    return (
      <p className="text-sm">
        <TypeLabel schema={schema} />
        {schema.description && <span className="ml-2 text-slate-600"><DocText text={schema.description} /></span>}
      </p>
    );
  }
  return (
    <ul className={`text-sm ${depth > 0 ? "ml-4 border-l border-slate-200 pl-3" : ""}`}>
      {properties.map(([name, property]) => (
        <li key={name} className="py-0.5">
          <code className="font-semibold">{name}</code>
          {schema.required?.includes(name) ? <span className="text-red-800">*</span> : null}{" "}
          <TypeLabel schema={property} />
          {property.description && <span className="ml-2 text-slate-600"><DocText text={property.description} /></span>}
          {property.type === "object" && property.properties && <SchemaView schema={property} depth={depth + 1} />}
          {property.type === "array" && property.items?.properties && <SchemaView schema={property.items} depth={depth + 1} />}
        </li>
      ))}
    </ul>
  );
}
