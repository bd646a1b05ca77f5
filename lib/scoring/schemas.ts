import { z } from "zod";
import { isoDateString, isoDateTimeString, periodString, unitRefSchema } from "@/lib/api/common-schemas";
import { monthString } from "@/lib/validation/period";
import { formatPeriod, monthOf } from "@/lib/tracking/dates";
import type { MeasureScope } from "@/lib/measures/measure-sql";
import { SCORE_COMPONENTS, type UnitScores } from "./compute-unit-scores";

const optionalCode = z.preprocess((value) => (value === "" ? undefined : value), z.string().max(40).optional());

/** The ranking's query: a month (default: last month, the latest closed one) and the dashboard's scope filters. */
export const scoresQuerySchema = z.object({
  month: z
    .preprocess((value) => (value === "" ? undefined : value), monthString("monthFormat").optional())
    .meta({ description: "The month scored, YYYY-MM (default: last month). A future month is refused." }),
  programme: optionalCode.meta({ description: "Programme code." }),
  area: optionalCode.meta({ description: "Area code." }),
  city: optionalCode.meta({ description: "City code." }),
  leadUnit: optionalCode.meta({ description: "Lead unit code." }),
});
export type ScoresQuery = z.infer<typeof scoresQuerySchema>;

/** The month a ranking shows when none is asked for: last month, the latest one whose deadlines have all passed. */
export function defaultScoreMonth(today: Date): string {
  return formatPeriod(monthOf(today, -1));
}

export function scopeOf(query: ScoresQuery): MeasureScope {
  return { programme: query.programme, area: query.area, city: query.city, leadUnit: query.leadUnit };
}

/** The page's query: malformed values fall back (month to the default), as the dashboard's filters do. */
const scoresPageQuerySchema = z.object(
  Object.fromEntries(Object.entries(scoresQuerySchema.shape).map(([key, schema]) => [key, schema.catch(undefined)])) as {
    [K in keyof typeof scoresQuerySchema.shape]: z.ZodCatch<(typeof scoresQuerySchema.shape)[K]>;
  },
);

export function parseScoresPageQuery(searchParams: Record<string, string | string[] | undefined>, today: Date): ScoresQuery & { month: string } {
  const flat = Object.fromEntries(Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const query = scoresPageQuerySchema.parse(flat);
  const month = query.month && query.month <= formatPeriod(monthOf(today)) ? query.month : defaultScoreMonth(today);
  return { ...query, month };
}

const componentSchema = z.object({
  count: z.number().int(),
  of: z.number().int().nullable().meta({ description: "What the count is out of; null for plain counts." }),
  rate: z.number().nullable().meta({ description: "count / of; null when nothing was due (no points lost)." }),
  points: z.number().meta({ description: "Points this component cost (0 or negative)." }),
});

export const unitScoreSchema = z
  .object({
    unit: unitRefSchema,
    rank: z.number().int(),
    total: z.number(),
    list: z.enum(["red", "black"]).nullable().meta({ description: "红榜 (red, top) or 黑榜 (black, bottom)." }),
    components: z.object(Object.fromEntries(SCORE_COMPONENTS.map((key) => [key, componentSchema])) as Record<(typeof SCORE_COMPONENTS)[number], typeof componentSchema>),
    costs: z.array(
      z.object({
        component: z.enum(SCORE_COMPONENTS),
        reason: z.enum(["reportLate", "reportMissing", "offTrack", "overdue", "noticeLate", "noticeUnanswered", "returned"]),
        measure: z.object({ code: z.string(), titleZh: z.string(), titleEn: z.string(), isSample: z.boolean() }),
        light: z.string().nullable(),
        notice: z.string().nullable().meta({ description: "The notice, as year-number." }),
        at: isoDateTimeString.nullable().meta({ description: "When the late report or reply came, or the report was returned." }),
        dueDate: isoDateString.nullable(),
      }),
    ),
    hasSample: z.boolean().meta({ description: "The score draws on invented sample data." }),
  })
  .meta({ id: "UnitScore" });

export const scoresResponseSchema = z
  .object({
    month: periodString,
    rules: z.record(z.string(), z.number()).meta({ description: "The scoring rules applied (docs/scoring.md)." }),
    hasSample: z.boolean(),
    units: z.array(unitScoreSchema),
  })
  .meta({ id: "UnitScores" });

/** The scores as the JSON of the API. */
export function scoresJson(scores: UnitScores): z.input<typeof scoresResponseSchema> {
  return {
    month: scores.month,
    rules: { ...scores.rules },
    hasSample: scores.hasSample,
    units: scores.units.map((unit) => ({
      unit: { code: unit.unit.code, nameZh: unit.unit.nameZh, nameEn: unit.unit.nameEn },
      rank: unit.rank,
      total: unit.total,
      list: unit.list,
      components: unit.components,
      costs: unit.costs.map((cost) => ({
        component: cost.component,
        reason: cost.reason,
        measure: cost.measure,
        light: cost.light ?? null,
        notice: cost.notice ?? null,
        at: cost.at ? cost.at.toISOString() : null,
        dueDate: cost.dueDate ? cost.dueDate.toISOString().slice(0, 10) : null,
      })),
      hasSample: unit.hasSample,
    })),
  };
}
