"use client";

import { useState, useTransition } from "react";
import { TextAreaField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { type ActionState, idleState } from "@/lib/errors/action-state";

/**
 * A decision at the foot of the review panel: a comment and large buttons
 * (approve first). The version it was opened with goes along, so a report
 * changed meanwhile is refused with the conflict message rather than decided.
 */
export function DecisionForm({ hidden, commentLabel, choices, onSubmit }: {
  hidden: Record<string, string>;
  commentLabel: string;
  choices: { decision: string; label: string; primary?: boolean }[];
  onSubmit: (formData: FormData) => Promise<ActionState>;
}) {
  const [state, setState] = useState<ActionState>(idleState);
  const [pending, startTransition] = useTransition();
  return (
    <form
      data-testid="panel-decision"
      className="flex flex-col gap-2 border-t border-slate-200 bg-slate-50 p-3"
      onSubmit={(event) => {
        event.preventDefault();
        const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
        startTransition(async () => setState(await onSubmit(formData)));
      }}
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextAreaField name="comment" label={commentLabel} state={state} rows={2} />
      <FormStatus state={state.status === "error" ? state : idleState} />
      <div className="grid grid-cols-2 gap-2">
        {choices.map((choice) => (
          <button
            key={choice.decision}
            type="submit"
            name="decision"
            value={choice.decision}
            disabled={pending}
            className={`rounded px-4 py-3 text-base font-medium disabled:opacity-60 md:py-2 md:text-sm ${
              choice.primary ? "bg-emerald-800 text-white hover:bg-emerald-900" : "border border-red-800 bg-white text-red-900 hover:bg-red-50"
            }`}
          >
            {choice.label}
          </button>
        ))}
      </div>
    </form>
  );
}
