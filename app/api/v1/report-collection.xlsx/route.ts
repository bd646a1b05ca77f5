import { getLocale, getTranslations } from "next-intl/server";
import { contentDisposition } from "@/lib/api/content-disposition";
import { withApiRoute } from "@/lib/auth/api-route";
import { db } from "@/lib/db";
import { buildCollectionWorkbook } from "@/lib/report-collection/build-collection-workbook";
import { collectionDownloadQuerySchema } from "@/lib/report-collection/schemas";

export const dynamic = "force-dynamic";

/** A unit's report sheet for a month: inspectors for any unit, officials for their own. */
export const GET = withApiRoute("report.collect", async (request, { user }) => {
  const query = collectionDownloadQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const [locale, t] = await Promise.all([getLocale(), getTranslations("reportCollection")]);
  const file = await buildCollectionWorkbook(db, user, query.unit, query.period, locale, (key, values) => t(key as never, values as never));
  const name = `${t("fileName", { unit: file.unitName, period: query.period })}.xlsx`;
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": contentDisposition(name, `report-sheet-${file.unitCode.replace(/[^\w.-]/g, "_")}-${query.period}.xlsx`),
      "Cache-Control": "no-store",
    },
  });
});
