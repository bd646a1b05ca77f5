"use client";

import { useEffect } from "react";

/** Opens the timeline scrolled so that today is in view (the data starts years back). */
export function ScrollToToday({ containerTestId, offset }: { containerTestId: string; offset: number }) {
  useEffect(() => {
    const container = document.querySelector<HTMLElement>(`[data-testid="${containerTestId}"]`);
    if (container) container.scrollLeft = Math.max(0, offset - container.clientWidth / 2);
  }, [containerTestId, offset]);
  return null;
}
