"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { fieldValue } from "@/components/forms/field";
import { UnitPicker, type UnitChoice, type UnitSource } from "@/components/forms/unit-picker";
import type { ActionState } from "@/lib/errors/action-state";

export type UnitOption = UnitChoice & { id: string };

/**
 * An account's unit as a type-ahead (posting `unitId`): every active unit, the
 * page's list searched here by code or name as the user types, so 1,500 units
 * stay usable without a menu of them all. Emptied, the account has no unit.
 */
export function UserUnitField({ state, units, initialId }: { state: ActionState; units: UnitOption[]; initialId?: string | null }) {
  const t = useTranslations("adminUsers");
  const source = useCallback<UnitSource<UnitOption>>(
    async (q, limit) => {
      const needle = q.toLowerCase();
      const found = needle ? units.filter((unit) => [unit.code, unit.nameZh, unit.nameEn].some((text) => text.toLowerCase().includes(needle))) : units;
      return { items: found.slice(0, limit), total: found.length };
    },
    [units],
  );
  // After a rejected submission, the unit that was sent.
  const id = fieldValue(state, "unitId", initialId ?? "");
  return (
    <UnitPicker
      key={id}
      name="unitId"
      label={t("unit")}
      selected={units.find((unit) => unit.id === id) ?? null}
      source={source}
      valueFor={(unit) => unit.id}
      state={state}
      placeholder={t("noUnit")}
    />
  );
}
