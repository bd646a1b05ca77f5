import type { NextRequest } from "next/server";
import type { SessionUser } from "@/lib/auth/session-user";
import { contentDisposition } from "@/lib/api/content-disposition";
import { renderBulletinDocx } from "./bulletin-docx";
import { renderBulletinPdf } from "./bulletin-pdf";
import { loadBulletinDocument } from "./load-bulletin-document";
import { parseBulletinQuery, type BulletinFormat } from "./schemas";

const contentTypes: Record<BulletinFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

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
