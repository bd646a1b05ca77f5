import { getLocale, getTranslations } from "next-intl/server";
import { contentDisposition } from "@/lib/api/content-disposition";
import { withApiRoute } from "@/lib/auth/api-route";
import { db } from "@/lib/db";
import { buildImportTemplate } from "@/lib/measure-import/build-import-template";

export const dynamic = "force-dynamic";

/** The import template in the user's language: header row, an example row, and a sheet of explanations. */
export const GET = withApiRoute("catalogue.manage", async () => {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("measureImport")]);
  const file = await buildImportTemplate(db, locale === "en" ? "en" : "zh", (key, values) => t(key as never, values as never));
  const name = `${t("template.file")}.xlsx`;
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": contentDisposition(name, "import-template.xlsx"),
      "Cache-Control": "no-store",
    },
  });
});
