import { Prisma } from "@/generated/prisma/client";

/**
 * How one model's row travels as JSON in a single-statement read (sql-rows.ts):
 * its columns (a Prisma `…ScalarFieldEnum`, so the object has exactly Prisma's
 * fields in Prisma's order), and which of them are dates or decimals, turned
 * back into Date and Prisma.Decimal as Prisma returns them.
 */
export interface JsonModel {
  fields: Record<string, string>;
  dates?: readonly string[];
  decimals?: readonly string[];
}

/**
 * json_build_object of a row of `alias` with every field of the model, and the
 * extra members (relations) after them. Decimals go as text: a JSON number
 * would lose digits of a numeric(18, 4).
 */
export function rowJsonSql(alias: string, model: JsonModel, extra: [string, Prisma.Sql][] = []): Prisma.Sql {
  const members = Object.keys(model.fields).map((field) => {
    const column = Prisma.raw(`${alias}."${field}"`);
    return Prisma.sql`${Prisma.raw(`'${field}'`)}, ${model.decimals?.includes(field) ? Prisma.sql`${column}::text` : column}`;
  });
  const relations = extra.map(([name, value]) => Prisma.sql`${Prisma.raw(`'${name}'`)}, ${value}`);
  return Prisma.sql`json_build_object(${Prisma.join([...members, ...relations])})`;
}

/** Turns a row read through rowJsonSql back into Prisma's types, in place. */
export function reviveRow<T>(row: Record<string, unknown>, model: JsonModel): T {
  for (const field of model.dates ?? []) if (row[field] != null) row[field] = new Date(row[field] as string);
  for (const field of model.decimals ?? []) if (row[field] != null) row[field] = new Prisma.Decimal(row[field] as string);
  return row as T;
}
