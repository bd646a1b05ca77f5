"use client";

import { type RefObject, useEffect } from "react";

/**
 * For forms that build their own fields (bulletin, notices, import, report
 * collection): after a rejected submission the focus moves to the first field
 * marked invalid within `scope`, or, when no field is (a form-level error such
 * as a version conflict or a refused file), to the error message itself: the
 * scope's `[role=alert]`, which must carry tabIndex={-1}. `failure` is null
 * while nothing failed and a new value at each failure, so each one moves the
 * focus again. (Forms of the shared fields get this from useFocusFirstError.)
 */
export function useFocusFormError(scope: RefObject<HTMLElement | null>, failure: object | null) {
  useEffect(() => {
    const root = scope.current;
    if (!failure || !root) return;
    const target = root.querySelector<HTMLElement>('[aria-invalid="true"]') ?? root.querySelector<HTMLElement>('[role="alert"]');
    target?.focus();
  }, [scope, failure]);
}
