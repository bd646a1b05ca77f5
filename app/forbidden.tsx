import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return (
    <div>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="my-3">{t("body")}</p>
      <Link href="/" className="text-red-900 hover:underline">
        {t("back")}
      </Link>
    </div>
  );
}
