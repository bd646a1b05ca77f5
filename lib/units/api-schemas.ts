import { UnitKind } from "@/generated/prisma/enums";
import { z } from "zod";

export const unitSchema = z
  .object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    kind: z.enum(UnitKind),
    city: z.string().nullable().meta({ description: "City code; null for provincial bodies." }),
    active: z.boolean(),
  })
  .meta({ id: "Unit" });

export const cityObjectSchema = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }).meta({ id: "City" });

/** Filters of GET /api/v1/units; without any, every unit is listed. */
export const listUnitsQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .meta({ description: "Part of the code, the Chinese or the English name (case-insensitive)." }),
  leading: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value === "true")
    .meta({ description: "`true`: only units that lead at least one measure (the ledger's lead-unit filter)." }),
  limit: z.coerce.number().int().min(1).max(500).optional().meta({ description: "At most this many items (1–500); `total` still counts all matches." }),
});
export type ListUnitsQuery = z.infer<typeof listUnitsQuerySchema>;

export const listUnitsResponseSchema = z
  .object({ items: z.array(unitSchema), total: z.number().int().meta({ description: "How many units match, beyond `limit` too." }) })
  .meta({ id: "UnitList" });
export const listCitiesResponseSchema = z.object({ items: z.array(cityObjectSchema) }).meta({ id: "CityList" });
