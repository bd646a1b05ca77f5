import { UnitKind } from "@/generated/prisma/enums";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { firstValues } from "@/components/admin/admin-href";
import { PagedTableShell } from "@/components/admin/paged-table-shell";
import { CreateUnitForm, UnitEditForm } from "@/components/admin/unit-forms";
import { unitsTable } from "@/components/admin/units-table";
import { requirePageUser } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { localized } from "@/lib/i18n/localized";
import { listCities } from "@/lib/units/list-units";
import { getUnitForEdit, listUnitsPage } from "@/lib/units/list-units-page";
import { listUnitsPageQuerySchema } from "@/lib/units/schemas";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminUnits"))("title") };
}

const PATH = "/admin/units";

export default async function AdminUnitsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("unit.manage");
  const raw = firstValues(await searchParams);
  const query = listUnitsPageQuerySchema.parse(raw);
  const [result, editing, cities, locale, t, tTables, tKinds] = await Promise.all([
    listUnitsPage(db, user, query),
    raw.edit ? getUnitForEdit(db, user, raw.edit) : null,
    listCities(db),
    getLocale(),
    getTranslations("adminUnits"),
    getTranslations("adminTables"),
    getTranslations("unitKinds"),
  ]);
  const params = { q: query.q, kind: query.kind, active: query.active, perPage: query.perPage, page: result.page };
  const kindOptions = Object.values(UnitKind).map((kind) => ({ value: kind, label: tKinds(kind) }));
  const cityOptions = cities.map((city) => ({ value: city.id, label: localized(city, "name", locale) }));
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <CreateUnitForm kindOptions={kindOptions} cityOptions={cityOptions} />
      <PagedTableShell
        path={PATH}
        params={params}
        search={tTables("searchUnits")}
        filters={[
          { name: "kind", label: tTables("kind"), value: query.kind, options: kindOptions },
          {
            name: "active",
            label: tTables("state"),
            value: query.active,
            options: [
              { value: "true", label: tTables("activeOnly") },
              { value: "false", label: tTables("inactiveOnly") },
            ],
          },
        ]}
        paging={result}
        table={await unitsTable(result.rows, params)}
        drawer={
          raw.edit
            ? {
                title: editing ? tTables("editUnit", { name: localized(editing, "name", locale) }) : tTables("editMissing"),
                form: editing && (
                  <UnitEditForm
                    key={editing.id}
                    unit={{ ...editing, users: editing._count.users, measures: editing._count.ledMeasures }}
                    kindOptions={kindOptions}
                    cityOptions={cityOptions}
                  />
                ),
              }
            : null
        }
      />
    </div>
  );
}
