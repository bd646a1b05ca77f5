import type { NextRequest } from "next/server";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db";
import { contentDisposition } from "@/lib/api/content-disposition";
import { todayInChina } from "@/lib/tracking/dates";
import { getTrackingSettings } from "@/lib/tracking/settings";
import { bulletinDocument } from "./bulletin-document";
import { renderBulletinDocx } from "./bulletin-docx";
import { renderBulletinPdf } from "./bulletin-pdf";
import { bulletinNumber, issueBulletin } from "./issue-bulletin";
import { loadBulletinData } from "./load-bulletin-data";
import { parseBulletinQuery, type BulletinFormat, type BulletinQuery } from "./schemas";
import { getBulletinSettings } from "./settings";

const contentTypes: Record<BulletinFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

/** The 通报 for a query as text: its data, 期号 and issuing office. */
export async function loadBulletinDocument(query: BulletinQuery, options: { issuedBy?: SessionUser } = {}) {
  const today = todayInChina();
  // Issuing comes first: a bulletin issued now carries its number even if loading the data is slow.
  const number = options.issuedBy ? await issueBulletin(db, options.issuedBy, query, today) : await bulletinNumber(db, query, today);
  const [data, settings] = await Promise.all([loadBulletinData(db, query, today, await getTrackingSettings(db)), getBulletinSettings(db)]);
  return bulletinDocument(data, query.lang, number, settings.bulletinIssuer);
}

/**
 * The 通报 download for a request's query string (month, scope, lang), as Word
 * or PDF. A GET is a preview (期号 marked 预览, nothing reserved) unless the
 * bulletin was issued before; a POST (`issuedBy`) issues it as final first.
 */
export async function bulletinResponse(request: NextRequest, format: BulletinFormat, issuedBy?: SessionUser): Promise<Response> {
  const query = parseBulletinQuery(request.nextUrl.searchParams);
  const doc = await loadBulletinDocument(query, { issuedBy });
  const body = format === "docx" ? await renderBulletinDocx(doc) : await renderBulletinPdf(doc);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": contentTypes[format],
      "Content-Disposition": contentDisposition(`${doc.fileName}.${format}`, `bulletin-${query.month}.${format}`),
      "Content-Length": String(body.length),
      "Cache-Control": "no-store",
    },
  });
}
