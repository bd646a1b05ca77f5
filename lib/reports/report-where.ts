import { Prisma } from "@/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { measureWhereFor } from "@/lib/measures/measure-where";

/**
 * The reports of a measure that a member of this unit may read: every report
 * except drafts, which are private work in progress of their own unit
 * (dashboards, exports and lights ignore drafts too). Without a unit: no drafts.
 */
export function visibleReportsWhere(unitId: string | null): Prisma.ProgressReportWhereInput {
  const ownDrafts: Prisma.ProgressReportWhereInput[] = unitId ? [{ state: "DRAFT", unitId }] : [];
  return { OR: [{ state: { not: "DRAFT" } }, ...ownDrafts] };
}

/**
 * The reports a user may read, as a Prisma `where`: reports on the measures
 * they may read (measureWhereFor), drafts only of their own unit (visibleReportsWhere).
 */
export function reportWhereFor(user: Pick<SessionUser, "role" | "unitId">): Prisma.ProgressReportWhereInput {
  return { measure: measureWhereFor(user, "measure.read"), ...visibleReportsWhere(user.unitId) };
}

/** visibleReportsWhere as SQL on the report alias: drafts only of the viewer's own unit (none without one). */
export function visibleReportsSql(alias: string, unitId: string | null): Prisma.Sql {
  const report = Prisma.raw(alias);
  return unitId ? Prisma.sql`(${report}.state <> 'DRAFT' OR ${report}."unitId" = ${unitId})` : Prisma.sql`${report}.state <> 'DRAFT'`;
}
