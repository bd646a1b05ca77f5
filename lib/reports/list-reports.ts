import type { Prisma } from "@/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { reportWhereFor } from "./report-where";
import { reportJsonSelect, toReportJson } from "./report-json";
import type { ListReportsQuery } from "./api-schemas";
import { parsePeriod } from "@/lib/tracking/dates";

/** One page of the reports the user may read, newest month first. */
export async function listReports(db: PrismaClient, user: SessionUser, query: ListReportsQuery) {
  const where: Prisma.ProgressReportWhereInput = {
    AND: [
      reportWhereFor(user),
      query.measure ? { measure: { code: query.measure } } : {},
      query.period ? { period: parsePeriod(query.period) } : {},
      query.state ? { state: query.state } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.progressReport.findMany({
      where,
      orderBy: [{ period: "desc" }, { measure: { code: "asc" } }, { unit: { code: "asc" } }, { id: "asc" }],
      skip: (query.page - 1) * query.perPage,
      take: query.perPage,
      select: reportJsonSelect,
    }),
    db.progressReport.count({ where }),
  ]);
  return { items: rows.map(toReportJson), total, page: query.page, perPage: query.perPage };
}
