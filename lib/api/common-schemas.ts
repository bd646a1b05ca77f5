import { z } from "zod";
import { appErrorCodes } from "@/lib/errors/app-error";

/** The JSON error body of every API route (lib/auth/api-route.ts errorResponse). */
export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z
        .enum(appErrorCodes)
        .meta({ description: "Stable error code; the UI translates it under `errors`." }),
      values: z.record(z.string(), z.string()).meta({ description: "Values for the message, e.g. who changed a record and when." }),
      fieldErrors: z
        .record(z.string(), z.object({ key: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])).optional() }))
        .meta({ description: "Per-field problems: message keys under `fieldErrors`." }),
    }),
  })
  .meta({ id: "ApiError" });

export const isoDateString = z.string().meta({ format: "date", example: "2026-12-31" });
export const isoDateTimeString = z.string().meta({ format: "date-time", example: "2026-11-28T04:00:00.000Z" });
export const periodString = z.string().meta({ description: "A month, YYYY-MM.", example: "2026-11" });

export const unitRefSchema = z
  .object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })
  .meta({ id: "UnitRef", description: "A unit by its stable code and names." });

/** Paging of API lists: page from 1, up to 200 per page. */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).meta({ description: "Page, from 1." }),
  perPage: z.coerce.number().int().min(1).max(200).default(50).meta({ description: "Items per page (1–200)." }),
});
