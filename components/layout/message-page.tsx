import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** A page that only says something went nowhere (not found, not allowed) and links home. */
export async function MessagePage({ namespace }: { namespace: "notFound" | "forbidden" }) {
  const t = await getTranslations(namespace);
  return (
    <div>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="my-3">{t("body")}</p>
      <Link href="/catalogue" className="text-red-900 hover:underline">
        {t("back")}
      </Link>
    </div>
  );
}
