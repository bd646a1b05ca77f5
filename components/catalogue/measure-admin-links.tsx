import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { MeasureStatus } from "@/generated/prisma/enums";

/** The measure page's entries to the catalogue editor, for admins: edit, and suspend or resume. */
export async function MeasureAdminLinks({ code, status }: { code: string; status: MeasureStatus }) {
  const t = await getTranslations("catalogueEditor");
  const href = `/measures/${encodeURIComponent(code)}/edit`;
  const link = "rounded border border-slate-300 bg-white px-2 py-0.5 hover:bg-slate-100";
  return (
    <p className="mb-4 flex flex-wrap gap-2 text-sm">
      <Link href={href} className={link} data-testid="edit-measure">
        {t("edit")}
      </Link>
      {status !== "COMPLETED" && (
        <Link href={`${href}#suspend`} className={link} data-testid="suspend-measure">
          {status === "SUSPENDED" ? t("resume") : t("suspend")}
        </Link>
      )}
    </p>
  );
}

/** Why a suspended measure is suspended, for everyone who opens it. */
export async function SuspendedNote({ reason }: { reason: string }) {
  const t = await getTranslations("catalogueEditor");
  return (
    <p role="note" className="mb-4 rounded border border-zinc-300 bg-zinc-100 p-2 text-sm text-zinc-800" data-testid="suspended-note">
      {t("suspendedReason", { reason })}
    </p>
  );
}
