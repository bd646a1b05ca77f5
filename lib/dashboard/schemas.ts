import { z } from "zod";

const optionalCode = z.preprocess((value) => (value === "" ? undefined : value), z.string().max(40).optional()).catch(undefined);

/** The dashboard's scope filters, as they stand in the URL. */
export const dashboardQuerySchema = z.object({
  programme: optionalCode,
  area: optionalCode,
  city: optionalCode,
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

export function parseDashboardQuery(searchParams: Record<string, string | string[] | undefined>): DashboardQuery {
  const flat = Object.fromEntries(Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return dashboardQuerySchema.parse(flat);
}
