"use client";

import { useTranslations } from "next-intl";
import { reviewKinds, type ReviewQueueQuery } from "@/lib/reviews/schemas";
import { lights } from "@/lib/tracking/light";
import type { Navigate } from "./review-queue";

export type ReviewFilterOptions = {
  programmes: { code: string; label: string }[];
  areas: { code: string; programmeCode: string; label: string }[];
  units: { id: string; label: string }[];
};

const selectClass = "rounded border border-slate-300 bg-white px-2 py-2 md:py-1";

/** Kind, programme or area, unit and text: each choice goes into the URL at once; the text on Enter. */
export function ReviewFilters({ query, options, navigate }: { query: ReviewQueueQuery; options: ReviewFilterOptions; navigate: Navigate }) {
  const t = useTranslations("reviewQueue");
  const tLights = useTranslations("lights");
  const tCredibility = useTranslations("credibility");
  const scope = query.area ? `a:${query.area}` : query.programme ? `p:${query.programme}` : "";
  const filtered = Boolean(query.kind || query.area || query.programme || query.unit || query.q || query.light || query.period || query.flags);
  return (
    <form
      role="search"
      aria-label={t("filters")}
      className="mb-3 flex flex-wrap items-end gap-2 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        navigate({ q: String(new FormData(event.currentTarget).get("q") ?? "").trim() || undefined });
      }}
    >
      <label className="flex flex-col gap-1">
        {t("kind")}
        <select className={selectClass} value={query.kind ?? ""} onChange={(event) => navigate({ kind: event.target.value || undefined })}>
          <option value="">{t("kindAll")}</option>
          {reviewKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind_${kind}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        {t("scope")}
        <select
          className={`${selectClass} max-w-[16rem]`}
          value={scope}
          onChange={(event) => {
            const [level, code] = event.target.value.split(":");
            navigate({ programme: level === "p" ? code : undefined, area: level === "a" ? code : undefined });
          }}
        >
          <option value="">{t("scopeAll")}</option>
          {options.programmes.map((programme) => (
            <optgroup key={programme.code} label={programme.label}>
              <option value={`p:${programme.code}`}>{programme.label}</option>
              {options.areas
                .filter((area) => area.programmeCode === programme.code)
                .map((area) => (
                  <option key={area.code} value={`a:${area.code}`}>
                    {area.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        {t("unit")}
        <select className={`${selectClass} max-w-[14rem]`} value={query.unit ?? ""} onChange={(event) => navigate({ unit: event.target.value || undefined })}>
          <option value="">{t("unitAll")}</option>
          {options.units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        {t("col_light")}
        <select className={selectClass} value={query.light ?? ""} onChange={(event) => navigate({ light: event.target.value || undefined })}>
          <option value="">{t("kindAll")}</option>
          {lights.map((light) => (
            <option key={light} value={light}>
              {tLights(light)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        {tCredibility("flagFilter")}
        <select className={selectClass} value={query.flags ?? ""} onChange={(event) => navigate({ flags: event.target.value || undefined })} data-testid="flag-filter">
          <option value="">{tCredibility("filterAll")}</option>
          <option value="open">{tCredibility("filterFlagged")}</option>
        </select>
      </label>
      <label className="flex flex-col gap-1">
        {t("search")}
        <input
          key={query.q ?? ""}
          type="search"
          name="q"
          defaultValue={query.q ?? ""}
          placeholder={t("searchPlaceholder")}
          className="rounded border border-slate-300 px-2 py-2 md:py-1"
        />
      </label>
      <button type="submit" className="rounded border border-slate-400 bg-white px-3 py-2 md:py-1">
        {t("apply")}
      </button>
      {filtered && (
        <button
          type="button"
          className="px-2 py-2 text-red-900 underline md:py-1"
          onClick={() => navigate({ kind: undefined, programme: undefined, area: undefined, unit: undefined, q: undefined, light: undefined, period: undefined, flags: undefined })}
        >
          {t("clear")}
        </button>
      )}
    </form>
  );
}
