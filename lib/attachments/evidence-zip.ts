import { once } from "node:events";
import { Readable } from "node:stream";
import archiver from "archiver";
import { createTranslator } from "next-intl";
import type { Prisma } from "@/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors/app-error";
import type { Locale } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/localized";
import { measureWhereFor } from "@/lib/measures/measure-where";
import { StorageNotFoundError, type ObjectStore } from "@/lib/storage/object-store";
import { isoDay, parsePeriod, todayInChina } from "@/lib/tracking/dates";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { auditOf } from "./attachment-audit";
import { attachmentWhereFor } from "./attachment-where";
import { zipEntryNames } from "./zip-entry-names";
import { logError } from "@/lib/observability/logger.mjs";

const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * A month's files: those of the month's reports, and the files added in that
 * month (China time) to the measure, its milestones and extension requests.
 */
function periodWhere(period: string): Prisma.AttachmentWhereInput {
  const start = parsePeriod(period);
  const next = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  const china = (date: Date) => new Date(date.getTime() - CHINA_OFFSET_MS);
  return { OR: [{ report: { period: start } }, { reportId: null, createdAt: { gte: china(start), lt: china(next) } }] };
}

const include = {
  report: { select: { period: true, unit: { select: { nameZh: true, nameEn: true } } } },
  milestone: { select: { titleZh: true, titleEn: true } },
  extensionRequest: { select: { createdAt: true } },
} as const;
type Row = Prisma.AttachmentGetPayload<{ include: typeof include }>;

/** The folder a file goes in: what it is evidence for, worded as on the 附件 tab. */
function folderOf(row: Row, lang: Locale): string {
  const t = createTranslator({ locale: lang, messages: lang === "en" ? en : zh, namespace: "attachments.groups" });
  if (row.report) return t("report", { period: row.report.period.toISOString().slice(0, 7), unit: localized(row.report.unit, "name", lang) });
  if (row.milestone) return t("milestone", { title: localized(row.milestone, "title", lang) });
  if (row.extensionRequest) return t("extension", { date: isoDay(todayInChina(row.extensionRequest.createdAt)) });
  return t("measure");
}

/**
 * The files of a measure the user may open (of one month, or all), to be
 * zipped: NOT_FOUND for a measure the user may not read. `recordDownloads`
 * records every file as an `attachment.download`, in one transaction: the
 * caller runs it once the store has answered (evidenceZipStream) and before
 * any byte is sent, so a store that is down records no download.
 */
export async function prepareEvidenceZip(db: PrismaClient, user: SessionUser, code: string, period: string | undefined, lang: Locale) {
  const measure = await db.measure.findFirst({ where: { AND: [measureWhereFor(user, "attachment.read"), { code }] }, select: { id: true, code: true } });
  if (!measure) throw new AppError("NOT_FOUND");
  const rows = await db.attachment.findMany({
    where: { AND: [attachmentWhereFor(user), { measureId: measure.id }, period ? periodWhere(period) : {}] },
    include,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const names = zipEntryNames(rows.map((row) => ({ folder: folderOf(row, lang), name: row.originalName })));
  const recordDownloads = async () => {
    if (rows.length === 0) return;
    await db.$transaction(async (tx) => {
      for (const row of rows) await recordAuditEvent(tx, auditOf("attachment.download", user, row));
    });
  };
  return { measure, files: rows.map((row, index) => ({ name: names[index]!, key: row.storageKey, date: row.createdAt })), recordDownloads };
}

export type EvidenceZipFile = Awaited<ReturnType<typeof prepareEvidenceZip>>["files"][number];

/**
 * The files as one zip, streamed: each file is fetched from the store only when
 * the previous one is written, so memory and open handles stay at one file
 * whatever the count. Stored, not compressed: photos, PDFs and Office files are
 * compressed already. A file whose bytes are missing is left out (logged). The
 * first file is fetched before the download starts, so a store that is down
 * gives STORAGE_UNAVAILABLE (503) rather than a broken zip; the store failing
 * later ends the download with an error.
 */
export async function evidenceZipStream(store: ObjectStore, files: EvidenceZipFile[]): Promise<Readable> {
  const fetch = async (file: EvidenceZipFile): Promise<Readable | null> => {
    try {
      return await store.get(file.key);
    } catch (error) {
      if (!(error instanceof StorageNotFoundError)) throw error;
      logError(undefined, "evidence zip: no stored bytes", { key: file.key });
      return null;
    }
  };
  let first: Readable | null = null;
  let start = 0;
  try {
    while (!first && start < files.length) first = await fetch(files[start++]!);
  } catch (error) {
    logError(error, "evidence zip: the store failed");
    throw new AppError("STORAGE_UNAVAILABLE");
  }
  const archive = archiver("zip", { store: true });
  /** False when the download went away (the archive destroyed): stop there rather than wait for an entry that never ends. */
  const append = async (file: EvidenceZipFile, body: Readable) => {
    const written = Promise.race([once(archive, "entry"), once(archive, "close")]);
    archive.append(body, { name: file.name, date: file.date });
    await written;
    if (archive.destroyed) body.destroy();
    return !archive.destroyed;
  };
  void (async () => {
    try {
      if (first && !(await append(files[start - 1]!, first))) return;
      for (const file of files.slice(start)) {
        const body = await fetch(file);
        if (body && !(await append(file, body))) return;
      }
      await archive.finalize();
    } catch (error) {
      logError(error, "evidence zip failed");
      archive.destroy(error as Error);
    }
  })();
  return archive;
}
