"use client";

import { type RefObject, useEffect } from "react";
import type { ActionState } from "@/lib/errors/action-state";

/**
 * After a rejected submission, the first field of the form marked invalid takes
 * the focus, so keyboard and screen-reader users land on what to fix. Every
 * shared field calls this; only the first invalid one in its form acts.
 */
export function useFocusFirstError(
  ref: RefObject<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null>,
  state: ActionState | undefined,
  hasError: boolean,
) {
  useEffect(() => {
    const field = ref.current;
    if (!hasError || !field) return;
    const scope = field.form ?? document;
    if (scope.querySelector('[aria-invalid="true"]') === field) field.focus();
    // `state` is a new object after each submission: each rejection moves the focus again.
  }, [ref, state, hasError]);
}
