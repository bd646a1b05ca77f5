"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/errors/action-state";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/notifications/actions";

export function MarkReadButton({ notificationId }: { notificationId: string }) {
  const t = useTranslations("notifications.inbox");
  const [state, formAction, pending] = useActionState(markNotificationReadAction, idleState);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="notificationId" value={notificationId} />
      <SubmitButton pending={pending} variant="secondary">
        {t("markRead")}
      </SubmitButton>
      {state.status === "error" && <FormStatus state={state} />}
    </form>
  );
}

export function MarkAllReadButton() {
  const t = useTranslations("notifications.inbox");
  const [state, formAction, pending] = useActionState(markAllNotificationsReadAction, idleState);
  return (
    <form action={formAction} className="flex items-center gap-2" data-testid="mark-all-read">
      <SubmitButton pending={pending}>{t("markAllRead")}</SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
