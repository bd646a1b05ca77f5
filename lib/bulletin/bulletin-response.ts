import type { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { contentDisposition } from "@/lib/api/content-disposition";
import { todayInChina } from "@/lib/tracking/dates";
import { getTrackingSettings } from "@/lib/tracking/settings";
import { bulletinDocument } from "./bulletin-document";
import { renderBulletinDocx } from "./bulletin-docx";
import { renderBulletinPdf } from "./bulletin-pdf";
import { loadBulletinData } from "./load-bulletin-data";
import { parseBulletinQuery, type BulletinFormat } from "./schemas";

const contentTypes: Record<BulletinFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

/** The bulletin download for a request's query string (month, scope, lang), as Word or PDF. */
export async function bulletinResponse(request: NextRequest, format: BulletinFormat): Promise<Response> {
  const query = parseBulletinQuery(request.nextUrl.searchParams);
  const today = todayInChina();
  const data = await loadBulletinData(db, query, today, await getTrackingSettings(db));
  const doc = bulletinDocument(data, query.lang);
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
