"use client";

import { useTranslations } from "next-intl";
import { fieldValue } from "@/components/forms/field";
import { UnitPicker, type UnitChoice } from "@/components/forms/unit-picker";
import { useUnitListSource } from "@/components/forms/unit-list-source";
import type { ActionState } from "@/lib/errors/action-state";

export type UnitOption = UnitChoice & { id: string };

/**
 * An account's unit as a type-ahead (posting `unitId`): every active unit, the
 * page's list searched here by code or name as the user types, so 1,500 units
 * stay usable without a menu of them all. Emptied, the account has no unit.
 */
export function UserUnitField({ state, units, initialId }: { state: ActionState; units: UnitOption[]; initialId?: string | null }) {
  const t = useTranslations("adminUsers");
  const source = useUnitListSource(units);
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
