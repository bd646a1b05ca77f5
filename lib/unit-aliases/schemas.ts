import { z } from "zod";
import { singleLineText } from "@/lib/validation/text";

export const createUnitAliasInputSchema = z.object({
  alias: singleLineText(100),
  unitCode: z.string().trim().min(1).max(50),
});
export type CreateUnitAliasInput = z.infer<typeof createUnitAliasInputSchema>;

export const deleteUnitAliasInputSchema = z.object({ id: z.string().min(1).max(50) });

export const unitAliasListQuerySchema = z.object({
  q: z.string().trim().max(100).catch("").default(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type UnitAliasListQuery = z.infer<typeof unitAliasListQuerySchema>;
