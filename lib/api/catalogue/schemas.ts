import { z } from "zod";

export const unitSchema = z
  .object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    kind: z.enum(["CITY_GOVERNMENT", "PROVINCIAL_DEPARTMENT", "MUNICIPAL_DEPARTMENT", "OTHER"]),
    city: z.string().nullable().meta({ description: "City code; null for provincial bodies." }),
    active: z.boolean(),
  })
  .meta({ id: "Unit" });

export const cityObjectSchema = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }).meta({ id: "City" });

export const listUnitsResponseSchema = z.object({ items: z.array(unitSchema) }).meta({ id: "UnitList" });
export const listCitiesResponseSchema = z.object({ items: z.array(cityObjectSchema) }).meta({ id: "CityList" });
