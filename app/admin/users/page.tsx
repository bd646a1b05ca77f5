import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { firstValues } from "@/components/admin/admin-href";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { PagedTableShell } from "@/components/admin/paged-table-shell";
import { UserEditForms } from "@/components/admin/user-row";
import { usersTable } from "@/components/admin/users-table";
import { requirePageUser } from "@/lib/auth/page-guard";
import { roles } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { listUnitOptions } from "@/lib/units/list-units";
import { getUserForEdit, listUsersPage } from "@/lib/users/list-users-page";
import { listUsersQuerySchema } from "@/lib/users/schemas";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminUsers"))("title") };
}

const PATH = "/admin/users";

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("user.manage");
  const raw = firstValues(await searchParams);
  const query = listUsersQuerySchema.parse(raw);
  const [result, editing, units, format, t, tTables, tRoles] = await Promise.all([
    listUsersPage(db, user, query),
    raw.edit ? getUserForEdit(db, user, raw.edit) : null,
    listUnitOptions(db),
    getFormatter(),
    getTranslations("adminUsers"),
    getTranslations("adminTables"),
    getTranslations("roles"),
  ]);
  const params = { q: query.q, role: query.role, active: query.active, perPage: query.perPage, page: result.page };
  const roleOptions = roles.map((role) => ({ value: role, label: tRoles(role) }));
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <CreateUserForm roleOptions={roleOptions} units={units} />
      <PagedTableShell
        path={PATH}
        params={params}
        search={tTables("searchUsers")}
        filters={[
          { name: "role", label: tTables("role"), value: query.role, options: roleOptions },
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
        table={await usersTable(result.rows, params)}
        drawer={
          raw.edit
            ? {
                title: editing ? tTables("editUser", { name: editing.displayName }) : tTables("editMissing"),
                form: editing && (
                  <UserEditForms
                    key={editing.id}
                    user={{
                      ...editing,
                      unitId: editing.unit?.id ?? null,
                      lastSignIn: editing.lastSignInAt ? format.dateTime(editing.lastSignInAt, { dateStyle: "medium", timeStyle: "short" }) : null,
                    }}
                    roleOptions={roleOptions}
                    units={units}
                  />
                ),
              }
            : null
        }
      />
    </div>
  );
}
