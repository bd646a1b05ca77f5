"use client";

import { useSyncExternalStore } from "react";

// Tailwind's sm breakpoint (40rem): below it the ledger shows cards instead of the table.
const wide = "(min-width: 40rem)";

function subscribe(onChange: () => void) {
  const query = window.matchMedia(wide);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/**
 * True in a browser narrower than the sm breakpoint; false on the server, so
 * what only phones show is rendered in the browser alone (and not sent twice
 * in the HTML beside the desktop table).
 */
export function useIsPhone(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => !window.matchMedia(wide).matches,
    () => false,
  );
}
