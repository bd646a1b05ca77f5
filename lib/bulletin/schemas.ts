import { z } from "zod";
import { monthString } from "@/lib/validation/period";
import { AppError } from "@/lib/errors/app-error";
import { zodFieldErrors } from "@/lib/errors/map-error";
import { locales } from "@/lib/i18n/config";
import { formatPeriod, monthOf, todayInChina } from "@/lib/tracking/dates";

const optionalCode = z.preprocess((value) => (value === "" ? undefined : value), z.string().max(40).optional());

/**
 * A monthly bulletin: the month, the dashboard's scope filters (plus lead unit)
 * and the language of the document. Unlike the dashboard's lenient URL parsing,
 * a bad value is refused: a download must not silently cover something else.
 */
export const bulletinQuerySchema = z.object({
  month: monthString("monthFormat")
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

const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const formDefaultsSchema = z.object({
  month: lenient(bulletinQuerySchema.shape.month),
  programme: lenient(optionalCode),
  area: lenient(optionalCode),
  city: lenient(optionalCode),
  leadUnit: lenient(optionalCode),
  lang: lenient(z.enum(locales)),
});

/** What the /bulletin form starts with: the link's values where valid, else last month and all measures. */
export function bulletinFormDefaults(searchParams: Record<string, string | string[] | undefined>, today: Date, locale: string) {
  const flat = Object.fromEntries(Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const parsed = formDefaultsSchema.parse(flat);
  return {
    ...parsed,
    month: parsed.month ?? formatPeriod(monthOf(today, -1)),
    lang: parsed.lang ?? (locale === "en" ? "en" : "zh-CN"),
  };
}
export type BulletinFormDefaults = ReturnType<typeof bulletinFormDefaults>;

/** The /bulletin form pre-filled with a dashboard view's scope and month. */
export function bulletinPageHref(scope: { programme?: string; area?: string; city?: string; leadUnit?: string }, month: string, lang: string): string {
  const params = new URLSearchParams({ month });
  for (const key of ["programme", "area", "city", "leadUnit"] as const) if (scope[key]) params.set(key, scope[key]);
  params.set("lang", lang);
  return `/bulletin?${params.toString()}`;
}
