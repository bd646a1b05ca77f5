import { Readable } from "node:stream";
import { evidenceZipQuerySchema } from "@/lib/attachments/api-schemas";
import { evidenceZipStream, prepareEvidenceZip } from "@/lib/attachments/evidence-zip";
import { contentDisposition } from "@/lib/api/content-disposition";
import { withApiRoute } from "@/lib/auth/api-route";
import { db } from "@/lib/db";
import { defaultLocale, isLocale, localeCookieName } from "@/lib/i18n/config";
import { measureCodeParamsSchema } from "@/lib/measures/api-schemas";
import { objectStore } from "@/lib/storage/create-object-store";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

export const dynamic = "force-dynamic";

/** The measure's evidence files the caller may open (of one month, or all) as one zip, streamed; each file's download is audited. */
export const GET = withApiRoute<{ code: string }>("attachment.read", async (request, { user, params }) => {
  const { code } = measureCodeParamsSchema.parse(params);
  const query = evidenceZipQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const cookie = request.cookies.get(localeCookieName)?.value;
  const lang = query.lang ?? (isLocale(cookie) ? cookie : defaultLocale);
  const { measure, files, recordDownloads } = await prepareEvidenceZip(db, user, code, query.period, lang);
  const stem = `${measure.code}-${(lang === "en" ? en : zh).evidence.zipFile}${query.period ? `-${query.period}` : ""}`;
  const zip = await evidenceZipStream(objectStore(), files);
  await recordDownloads().catch((error) => {
    zip.destroy();
    throw error;
  });
  return new Response(Readable.toWeb(zip) as ReadableStream, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": contentDisposition(`${stem}.zip`, `evidence${query.period ? `-${query.period}` : ""}.zip`),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
});
