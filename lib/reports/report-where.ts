import type { Prisma } from "@/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { measureWhereFor } from "@/lib/measures/measure-where";

/**
 * The reports a user may read, as a Prisma `where`: reports on the measures
 * they may read (measureWhereFor), except drafts, which are work in progress
 * of their unit (dashboards, exports and lights ignore drafts too).
 */
export function reportWhereFor(user: Pick<SessionUser, "role" | "unitId">): Prisma.ProgressReportWhereInput {
  const ownDrafts: Prisma.ProgressReportWhereInput[] = user.unitId ? [{ state: "DRAFT", unitId: user.unitId }] : [];
  return { measure: measureWhereFor(user, "measure.read"), OR: [{ state: { not: "DRAFT" } }, ...ownDrafts] };
}
