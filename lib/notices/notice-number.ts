import { Prisma } from "@/generated/prisma/client";

/** Advisory-lock class of the notice serial numbers (the second key is the year). */
export const NOTICE_NUMBER_LOCK = 0x4e4f5449; // "NOTI"
/** Advisory-lock class of the automatic notice rules run. */
export const NOTICE_RULES_LOCK = 0x4e4f5452; // "NOTR"

/**
 * Serial numbers restart each year. Whoever allocates takes the year's
 * transaction-scoped advisory lock first, so two issuers never read the same
 * maximum; the unique (year, number) index is the backstop.
 */
export async function lockNoticeNumbers(tx: Prisma.TransactionClient, year: number): Promise<number> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${NOTICE_NUMBER_LOCK}::int4, ${year}::int4)`;
  const [row] = await tx.$queryRaw<{ max: number }[]>`SELECT COALESCE(MAX(number), 0)::int AS max FROM "Notice" WHERE year = ${year}`;
  return row?.max ?? 0;
}

/** 督办〔2026〕12号 in Chinese; "Notice 2026/12" in English. */
export function noticeLabel(notice: { year: number; number: number }, locale: string): string {
  return locale === "en" ? `Notice ${notice.year}/${notice.number}` : `督办〔${notice.year}〕${notice.number}号`;
}
