import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UserRow } from "@/components/admin/user-row";
import { requirePageUser } from "@/lib/auth/page-guard";
import { roles } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { localized } from "@/lib/i18n/localized";
import { listUnits } from "@/lib/units/list-units";
import { listUsers } from "@/lib/users/list-users";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminUsers"))("title") };
}

export default async function AdminUsersPage() {
  await requirePageUser("user.manage");
  const [users, units, locale, t, tRoles] = await Promise.all([
    listUsers(db),
    listUnits(db),
    getLocale(),
    getTranslations("adminUsers"),
    getTranslations("roles"),
  ]);
  const roleOptions = roles.map((role) => ({ value: role, label: tRoles(role) }));
  const unitOptions = units.filter((unit) => unit.active).map((unit) => ({ value: unit.id, label: localized(unit, "name", locale) }));
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <CreateUserForm roleOptions={roleOptions} unitOptions={unitOptions} />
      <p className="text-sm text-slate-600">{t("count", { count: users.length })}</p>
      <ul className="flex flex-col gap-3">
        {users.map((user) => (
          <UserRow
            key={user.id}
            user={{ ...user, unitId: user.unit?.id ?? null }}
            roleOptions={roleOptions}
            unitOptions={unitOptions}
          />
        ))}
      </ul>
    </div>
  );
}
