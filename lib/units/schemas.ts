import { UnitKind } from "@/generated/prisma/enums";
import { z } from "zod";
import { ADMIN_PAGE_SIZE } from "@/lib/users/schemas";
import { lenient } from "@/lib/validation/lenient";
import { singleLineText } from "@/lib/validation/text";

const optionalCityIdSchema = z
  .string()
  .trim()
  .max(40)
  .transform((value) => value || null);

const unitFieldsSchema = z.object({
  nameZh: singleLineText(80),
  nameEn: singleLineText(160),
  kind: z.enum(UnitKind, "invalid"),
  cityId: optionalCityIdSchema,
});

export const createUnitInputSchema = unitFieldsSchema.extend({
  code: z
    .string()
    .trim()
    .toLowerCase()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9][a-z0-9-]*$/, "unitCodeFormat"),
});

/**
 * A group-robot webhook: an http(s) URL, or empty for none. Omitted (a form
 * without the field) leaves the unit's webhook as it is.
 */
export const webhookUrlSchema = z
  .string()
  .trim()
  .max(500, "tooLong")
  .refine((value) => {
    if (value === "") return true;
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "" && url.username === "" && url.password === "";
    } catch {
      return false;
    }
  }, "webhookUrlFormat")
  .transform((value) => value || null)
  .optional();

export const updateUnitInputSchema = unitFieldsSchema.extend({
  webhookUrl: webhookUrlSchema,
  unitId: z.string().trim().min(1).max(40),
  version: z.coerce.number().int().min(1),
  // A checkbox: present when checked.
  active: z
    .string()
    .optional()
    .transform((value) => value === "on" || value === "true"),
});

export type CreateUnitInput = z.infer<typeof createUnitInputSchema>;
export type UpdateUnitInput = z.infer<typeof updateUnitInputSchema>;

/** The /admin/units URL: search, page, filters; malformed values fall back to "all". */
export const listUnitsPageQuerySchema = z.object({
  q: lenient(z.string().trim().max(100), "").default(""),
  page: lenient(z.coerce.number().int().min(1).max(100_000), 1).default(1),
  perPage: lenient(z.coerce.number().int().min(10).max(200), ADMIN_PAGE_SIZE).default(ADMIN_PAGE_SIZE),
  kind: lenient(z.enum(UnitKind).optional(), undefined),
  active: lenient(z.enum(["true", "false"]).optional(), undefined),
});
export type ListUnitsPageQuery = z.infer<typeof listUnitsPageQuerySchema>;
