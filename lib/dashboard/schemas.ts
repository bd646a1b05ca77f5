import { z } from "zod";
import { asOfSchema } from "@/lib/tracking/as-of";

const optionalCode = z.preprocess((value) => (value === "" ? undefined : value), z.string().max(40).optional()).catch(undefined);

/** The dashboard's scope filters, as they stand in the URL. */
export const dashboardQuerySchema = z.object({
  programme: optionalCode,
  area: optionalCode,
  city: optionalCode,
  leadUnit: optionalCode,
  /** The picture at the end of this month (YYYY-MM), rebuilt from the report history. */
  asOf: asOfSchema,
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

export function parseDashboardQuery(searchParams: Record<string, string | string[] | undefined>): DashboardQuery {
  const flat = Object.fromEntries(Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return dashboardQuerySchema.parse(flat);
}
