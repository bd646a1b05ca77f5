import { UnitKind } from "@/generated/prisma/enums";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { CreateUnitForm, UnitRow } from "@/components/admin/unit-forms";
import { requirePageUser } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { localized } from "@/lib/i18n/localized";
import { listCities, listUnits } from "@/lib/units/list-units";

export const dynamic = "force-dynamic";


export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminUnits"))("title") };
}

export default async function AdminUnitsPage() {
  await requirePageUser("unit.manage");
  const [units, cities, locale, t, tKinds] = await Promise.all([
    listUnits(db),
    listCities(db),
    getLocale(),
    getTranslations("adminUnits"),
    getTranslations("unitKinds"),
  ]);
  const kindOptions = Object.values(UnitKind).map((kind) => ({ value: kind, label: tKinds(kind) }));
  const cityOptions = cities.map((city) => ({ value: city.id, label: localized(city, "name", locale) }));
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <CreateUnitForm kindOptions={kindOptions} cityOptions={cityOptions} />
      <p className="text-sm text-slate-600">{t("count", { count: units.length })}</p>
      <ul className="flex flex-col gap-3">
        {units.map((unit) => (
          <UnitRow
            key={unit.id}
            unit={{ ...unit, users: unit._count.users, measures: unit._count.ledMeasures }}
            kindOptions={kindOptions}
            cityOptions={cityOptions}
          />
        ))}
      </ul>
    </div>
  );
}
