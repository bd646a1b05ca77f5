"use client";

import { useTranslations } from "next-intl";
import { FormStatus } from "@/components/forms/form-status";
import type { ActionState } from "@/lib/errors/action-state";

/** FormStatus, with the success messages of this domain (namespace "notices.success"). */
export function NoticeFormStatus({ state }: { state: ActionState }) {
  const t = useTranslations("notices.success");
  if (state.status === "success") {
    return (
      <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
        {t(state.messageKey, state.data ?? {})}
      </p>
    );
  }
  return <FormStatus state={state} />;
}
