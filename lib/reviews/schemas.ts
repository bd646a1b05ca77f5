import { z } from "zod";

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

/** The review queue's URL state: filters, sort, and the item open in the panel ("report:ID" / "extension:ID"). */
export const reviewQueueQuerySchema = z.object({
  kind: z.enum(reviewKinds).optional().catch(undefined),
  programme: optionalText(40),
  area: optionalText(40),
  unit: optionalText(40),
  q: optionalText(100),
  sort: z.enum(reviewSorts).default("waiting").catch("waiting"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
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
