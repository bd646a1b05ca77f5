import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { isoDate, todayInChina } from "@/lib/tracking/dates";
import type { BulletinQuery } from "./schemas";

/** Advisory-lock class of the bulletin 期号 (the second key is the year). */
const BULLETIN_NUMBER_LOCK = 0x42554c4c; // "BULL"

export interface BulletinNumber {
  year: number;
  number: number;
  /** Whether the number is taken (issued), or only the one the next issue would get (a preview). */
  issued: boolean;
  /** The day of issue (China); for a preview, today. */
  date: Date;
}

/** One bulletin = one month and one scope, whatever the language or file format. */
export function bulletinScopeKey(query: Pick<BulletinQuery, "programme" | "area" | "city" | "leadUnit">): string {
  return [query.programme, query.area, query.city, query.leadUnit].map((code) => code ?? "").join("|");
}

const identity = (query: BulletinQuery) => ({ month: isoDate(`${query.month}-01`), scopeKey: bulletinScopeKey(query) });

/**
 * The bulletin's 期号: the one it was issued with, else the number the next
 * issue this year would get, marked as a preview (nothing is reserved).
 */
export async function bulletinNumber(db: PrismaClient, query: BulletinQuery, today: Date): Promise<BulletinNumber> {
  const issued = await db.bulletinIssue.findUnique({ where: { month_scopeKey: identity(query) } });
  if (issued) return { year: issued.year, number: issued.number, issued: true, date: todayInChina(issued.issuedAt) };
  const year = today.getUTCFullYear();
  const last = await db.bulletinIssue.aggregate({ where: { year }, _max: { number: true } });
  return { year, number: (last._max.number ?? 0) + 1, issued: false, date: today };
}

/**
 * Issues the bulletin as final: takes the year's next 期号, or keeps the one it
 * already has. The year's advisory lock serialises issuers, so two never read
 * the same maximum; the unique (year, number) and (month, scope) indexes are
 * the backstop. `today` is the calendar day in China.
 */
export async function issueBulletin(db: PrismaClient, user: Pick<SessionUser, "id">, query: BulletinQuery, today: Date): Promise<BulletinNumber> {
  const year = today.getUTCFullYear();
  const where = identity(query);
  const row = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${BULLETIN_NUMBER_LOCK}::int4, ${year}::int4)`;
    const existing = await tx.bulletinIssue.findUnique({ where: { month_scopeKey: where } });
    if (existing) return existing;
    const last = await tx.bulletinIssue.aggregate({ where: { year }, _max: { number: true } });
    return tx.bulletinIssue.create({ data: { ...where, year, number: (last._max.number ?? 0) + 1, issuedById: user.id } });
  });
  return { year: row.year, number: row.number, issued: true, date: todayInChina(row.issuedAt) };
}
