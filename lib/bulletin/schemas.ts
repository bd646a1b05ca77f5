import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { zodFieldErrors } from "@/lib/errors/map-error";
import { locales } from "@/lib/i18n/config";
import { formatPeriod, todayInChina } from "@/lib/tracking/dates";

const optionalCode = z.preprocess((value) => (value === "" ? undefined : value), z.string().max(40).optional());

/**
 * A monthly bulletin: the month, the dashboard's scope filters (plus lead unit)
 * and the language of the document. Unlike the dashboard's lenient URL parsing,
 * a bad value is refused: a download must not silently cover something else.
 */
export const bulletinQuerySchema = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "monthFormat")
    // A bulletin reports on a month that has begun; a later one would show today's figures under a future date.
    .refine((month) => month <= formatPeriod(todayInChina()), "monthInFuture"),
  programme: optionalCode,
  area: optionalCode,
  city: optionalCode,
  leadUnit: optionalCode,
  lang: z.enum(locales).default("zh-CN"),
});
export type BulletinQuery = z.infer<typeof bulletinQuerySchema>;
export type BulletinFormat = "docx" | "pdf";

/** Parses a request's query string; a bad one becomes a 400 with the fields at fault. */
export function parseBulletinQuery(searchParams: URLSearchParams): BulletinQuery {
  const parsed = bulletinQuerySchema.safeParse(Object.fromEntries(searchParams));
  if (!parsed.success) throw new AppError("BAD_REQUEST", {}, zodFieldErrors(parsed.error));
  return parsed.data;
}

/** The bulletin's scope as the dashboard's query, as of the bulletin's month. */
export function dashboardScope(query: BulletinQuery) {
  return { programme: query.programme, area: query.area, city: query.city, leadUnit: query.leadUnit, asOf: query.month };
}
