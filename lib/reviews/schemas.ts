import { z } from "zod";
import { lights } from "@/lib/tracking/light";
import { lenient } from "@/lib/validation/lenient";
import { isMonth } from "@/lib/validation/period";

export const reviewKinds = ["report", "extension"] as const;
export type ReviewKind = (typeof reviewKinds)[number];
export const reviewSorts = ["waiting", "code", "unit", "period", "light"] as const;
export type ReviewSort = (typeof reviewSorts)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value || undefined)
    .catch(undefined);

/** Rows a page of the review queue shows unless the URL says otherwise. */
export const REVIEW_PAGE_SIZE = 50;

/** The review queue's URL state: filters, sort, page, and the item open in the panel ("report:ID" / "extension:ID"). */
export const reviewQueueQuerySchema = z.object({
  kind: z.enum(reviewKinds).optional().catch(undefined),
  light: z.enum(lights).optional().catch(undefined),
  /** The report's month ("2026-11"): extension requests have none, so this filter leaves only reports. */
  period: z.string().refine(isMonth).optional().catch(undefined),
  programme: optionalText(40),
  area: optionalText(40),
  unit: optionalText(40),
  q: optionalText(100),
  /** "open": only reports with open credibility flags (lib/credibility). */
  flags: z.enum(["open"]).optional().catch(undefined),
  sort: z.enum(reviewSorts).default("waiting").catch("waiting"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: lenient(z.coerce.number().int().min(1).max(100_000), 1).default(1),
  perPage: lenient(z.coerce.number().int().min(10).max(200), REVIEW_PAGE_SIZE).default(REVIEW_PAGE_SIZE),
  open: z
    .string()
    .regex(/^(report|extension):[\w-]{1,40}$/)
    .optional()
    .catch(undefined),
});
export type ReviewQueueQuery = z.infer<typeof reviewQueueQuerySchema>;

/** Bulk approval: "reportId:version" pairs, comma-separated, as the queue's form sends them. */
export const approveReportsInputSchema = z.object({
  items: z
    .string()
    .trim()
    .max(20_000)
    .transform((value) => value.split(",").filter(Boolean))
    .pipe(
      z
        .array(
          z
            .string()
            .regex(/^[\w-]{1,40}:\d{1,9}$/)
            .transform((pair) => {
              const [reportId, version] = pair.split(":") as [string, string];
              return { reportId, version: Number(version) };
            }),
        )
        .min(1)
        .max(200),
    ),
});
export type ApproveReportsInput = z.infer<typeof approveReportsInputSchema>;
