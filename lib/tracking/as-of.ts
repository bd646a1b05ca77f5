import { z } from "zod";
import { lenient } from "@/lib/validation/lenient";
import { monthString } from "@/lib/validation/period";
import { isoDate, monthEnd } from "./dates";

/** "As of" a past month, from the URL: YYYY-MM; anything else means "now". */
const monthSchema = monthString().meta({ description: "As it stood at the end of this month (YYYY-MM)." });
export const asOfSchema = lenient(
  z.preprocess((value) => (value === "" ? undefined : value), monthSchema.optional()),
  undefined,
  monthSchema,
);

/** The day a view is computed for: the last day of the as-of month, or today if that is earlier. */
export function asOfDay(asOf: string | undefined, today: Date): Date {
  if (!asOf) return today;
  const end = monthEnd(isoDate(`${asOf}-01`));
  return end < today ? end : today;
}
