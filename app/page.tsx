import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MyWorkList } from "@/components/my-work/my-work-list";
import { requirePageUser } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { loadMyWorkPage } from "@/lib/my-work/list-my-work";

export const dynamic = "force-dynamic";

// The layout's title template serves only the segments below it: the home page spells it out.
export async function generateMetadata(): Promise<Metadata> {
  const [t, tApp] = await Promise.all([getTranslations("myWork"), getTranslations("app")]);
  return { title: { absolute: `${t("title")} · ${tApp("name")}` } };
}

/** The home page: My work of the signed-in person. The catalogue is at /catalogue. */
export default async function MyWorkPage() {
  const user = await requirePageUser();
  const page = await loadMyWorkPage(db, user);
  return <MyWorkList {...page} />;
}
