"use client";

import { useCallback } from "react";
import type { UnitChoice, UnitSource } from "./unit-picker";

/**
 * A unit picker's source over a list the page already has (every active unit):
 * searched here by code or name as the user types, so 1,500 units stay usable
 * without a menu of them all and without a request per key.
 */
export function useUnitListSource<C extends UnitChoice>(units: C[]): UnitSource<C> {
  return useCallback<UnitSource<C>>(
    async (q, limit) => {
      const needle = q.toLowerCase();
      const found = needle ? units.filter((unit) => [unit.code, unit.nameZh, unit.nameEn].some((text) => text.toLowerCase().includes(needle))) : units;
      return { items: found.slice(0, limit), total: found.length };
    },
    [units],
  );
}
