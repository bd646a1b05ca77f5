import type { Prisma } from "@/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { measureWhereFor } from "@/lib/measures/measure-where";
import { visibleReportsWhere } from "@/lib/reports/report-where";

/**
 * The live attachments a user may open: on measures they may read, and a
 * report's files only where they may read the report (another unit's draft is
 * private, and so are its files). Removed files are never served.
 */
export function attachmentWhereFor(user: Pick<SessionUser, "role" | "unitId">): Prisma.AttachmentWhereInput {
  return {
    deletedAt: null,
    measure: measureWhereFor(user, "attachment.read"),
    OR: [{ reportId: null }, { report: visibleReportsWhere(user.unitId) }],
  };
}
