"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { localized } from "@/lib/i18n/localized";
import type { OfficeMapping } from "@/lib/measure-import/import-types";
import type { OfficeChoice } from "@/lib/measure-import/schemas";
import { ALL_CITIES_CHOICE } from "@/lib/measure-import/match-unit-name";
import { LAYOUT_FIELDS } from "@/lib/measure-import/sheet-layout";
import { TITLE_RULES } from "@/lib/measure-import/sheet-records";

export interface AreaOption {
  code: string;
  title: string;
}

const selectClass = "rounded border border-slate-300 px-1 py-0.5";
/** The section select's value for "create a new area". */
const NEW_AREA = "__new__";

/**
 * How an office's table was read, editable: each column's field, the title rule,
 * the code prefix, each section's area. Applying previews again with the choices;
 * the confirm sends them too, and they are remembered for the next file with this header.
 */
export function OfficeMappingEditor({ mapping, areas, programmes, disabled, onApply }: {
  mapping: OfficeMapping;
  areas: AreaOption[];
  programmes: AreaOption[];
  disabled: boolean;
  onApply: (choice: OfficeChoice) => void;
}) {
  const t = useTranslations("measureImport");
  const locale = useLocale();
  const [columns, setColumns] = useState(() => Object.fromEntries(mapping.columns.map((column) => [String(column.column), column.field ?? "ignore"])));
  const [titleRule, setTitleRule] = useState(mapping.titleRule);
  const [codePrefix, setCodePrefix] = useState(mapping.choice.codePrefix ?? "");
  const tNew = useTranslations("importNewArea");
  const [sectionAreas, setSectionAreas] = useState(() =>
    Object.fromEntries(mapping.sections.map((section) => [section.name, mapping.choice.newAreas?.[section.name] ? NEW_AREA : (section.area ?? "")])),
  );
  // A new area's fields start from the section: its title, the proposed code, the first programme.
  const [newAreas, setNewAreas] = useState(() =>
    Object.fromEntries(
      mapping.sections.map((section) => {
        const chosen = mapping.choice.newAreas?.[section.name];
        return [section.name, chosen ?? { code: section.proposedCode ?? "", titleZh: section.name, titleEn: "", programme: programmes[0]?.code ?? "" }];
      }),
    ),
  );
  const [defaultArea, setDefaultArea] = useState(mapping.choice.defaultArea ?? "");
  const [unitChoices, setUnitChoices] = useState(() => ({ ...mapping.choice.units, ...Object.fromEntries(mapping.unitNames.map((name) => [name.name, name.chosen ?? ""])) }));

  const apply = () => {
    const chosenAreas = Object.fromEntries(Object.entries(sectionAreas).filter(([, code]) => code !== "" && code !== NEW_AREA));
    const chosenNewAreas = Object.fromEntries(
      Object.entries(sectionAreas)
        .filter(([, code]) => code === NEW_AREA)
        .map(([section]) => {
          const { titleEn, ...area } = newAreas[section]!;
          return [section, { ...area, ...(titleEn?.trim() && { titleEn }) }];
        }),
    );
    const chosenUnits = Object.fromEntries(Object.entries(unitChoices).filter(([, code]) => code !== ""));
    onApply({
      columns: columns as OfficeChoice["columns"],
      titleRule,
      ...(codePrefix && { codePrefix }),
      ...(Object.keys(chosenAreas).length > 0 && { areas: chosenAreas }),
      ...(Object.keys(chosenNewAreas).length > 0 && { newAreas: chosenNewAreas }),
      ...(defaultArea && { defaultArea }),
      ...(Object.keys(chosenUnits).length > 0 && { units: chosenUnits }),
    });
  };
  const areaSelect = (value: string, onChange: (code: string) => void, label: string, offerNew: boolean) => (
    <select aria-label={label} className={selectClass} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)}>
      <option value="">{t("areaUnknown")}</option>
      {areas.map((area) => (
        <option key={area.code} value={area.code}>
          {area.code} {area.title}
        </option>
      ))}
      {offerNew && <option value={NEW_AREA}>{tNew("option")}</option>}
    </select>
  );
  const newAreaFields = (section: string) => {
    const area = newAreas[section]!;
    const set = (field: keyof typeof area, value: string) => setNewAreas({ ...newAreas, [section]: { ...area, [field]: value } });
    return (
      <span className="flex flex-wrap items-center gap-1" data-testid="import-new-area">
        <input aria-label={tNew("code")} placeholder={tNew("code")} className={`${selectClass} w-24`} value={area.code} maxLength={20} disabled={disabled} onChange={(event) => set("code", event.target.value)} />
        <input aria-label={tNew("titleZh")} placeholder={tNew("titleZh")} className={selectClass} value={area.titleZh} maxLength={200} disabled={disabled} onChange={(event) => set("titleZh", event.target.value)} />
        <input aria-label={tNew("titleEn")} placeholder={tNew("titleEn")} className={selectClass} value={area.titleEn ?? ""} maxLength={200} disabled={disabled} onChange={(event) => set("titleEn", event.target.value)} />
        <select aria-label={tNew("programme")} className={selectClass} value={area.programme} disabled={disabled} onChange={(event) => set("programme", event.target.value)}>
          {programmes.map((programme) => (
            <option key={programme.code} value={programme.code}>
              {programme.title}
            </option>
          ))}
        </select>
      </span>
    );
  };

  return (
    <fieldset className="flex flex-col gap-2 rounded border border-slate-200 p-2 text-sm" data-testid="import-mapping">
      <legend className="px-1 font-medium">{t("mappingTitle")}</legend>
      <p>{t("officeFormat", { rows: mapping.headerRows.join("–") })}</p>
      <div className="flex flex-wrap gap-x-4 gap-y-2">
        {mapping.columns.map((column) => (
          <label key={column.column} className="flex items-center gap-1">
            <span>{column.header} →</span>
            <select
              className={selectClass}
              value={columns[String(column.column)]}
              disabled={disabled}
              onChange={(event) => setColumns({ ...columns, [String(column.column)]: event.target.value as (typeof LAYOUT_FIELDS)[number] | "ignore" })}
            >
              {LAYOUT_FIELDS.map((field) => (
                <option key={field} value={field}>
                  {t(`layoutFields.${field}`)}
                </option>
              ))}
              <option value="ignore">{t("mappingIgnored")}</option>
            </select>
          </label>
        ))}
      </div>
      <div className="flex flex-wrap gap-x-4 gap-y-2">
        <label className="flex items-center gap-1">
          {t("titleRuleLabel")}
          <select className={selectClass} value={titleRule} disabled={disabled} onChange={(event) => setTitleRule(event.target.value as OfficeMapping["titleRule"])}>
            {TITLE_RULES.map((rule) => (
              <option key={rule} value={rule}>
                {t(`titleRules.${rule}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1">
          {t("codePrefix")}
          <input className={`${selectClass} w-28`} value={codePrefix} maxLength={20} disabled={disabled} onChange={(event) => setCodePrefix(event.target.value)} />
        </label>
      </div>
      {(mapping.sections.length > 0 || mapping.hasRowsWithoutSection) && (
        <div className="flex flex-col gap-1">
          <span>{t("sectionAreas")}</span>
          {mapping.sections.map((section) => (
            <div key={section.name} className="flex flex-wrap items-center gap-1">
              <span>{section.name} →</span>
              {areaSelect(sectionAreas[section.name] ?? "", (code) => setSectionAreas({ ...sectionAreas, [section.name]: code }), section.name, true)}
              {sectionAreas[section.name] === NEW_AREA && newAreaFields(section.name)}
            </div>
          ))}
          {mapping.hasRowsWithoutSection && (
            <label className="flex items-center gap-1">
              <span>{t("rowsWithoutSection")} →</span>
              {areaSelect(defaultArea, setDefaultArea, t("rowsWithoutSection"), false)}
            </label>
          )}
        </div>
      )}
      {mapping.unitNames.length > 0 && (
        <div className="flex flex-col gap-1" data-testid="import-unit-names">
          <span>{t("unitNamesTitle")}</span>
          <span className="text-slate-600">{t("unitNamesHint")}</span>
          {mapping.unitNames.map((unitName) => (
            <label key={unitName.name} className="flex flex-wrap items-center gap-1">
              <span>{unitName.name} →</span>
              <select
                aria-label={unitName.name}
                className={selectClass}
                value={unitChoices[unitName.name] ?? ""}
                disabled={disabled}
                onChange={(event) => setUnitChoices({ ...unitChoices, [unitName.name]: event.target.value })}
              >
                <option value="">{t("unitNameChoose")}</option>
                {unitName.allCities && <option value={ALL_CITIES_CHOICE}>{t("unitNameAllCities")}</option>}
                {unitName.suggestions.map((suggestion) => (
                  <option key={suggestion.code} value={suggestion.code}>
                    {localized(suggestion, "name", locale)} ({t("unitNameScore", { score: suggestion.score })})
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      )}
      <div>
        <button type="button" disabled={disabled} onClick={apply} className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100 disabled:opacity-60">
          {t("applyMapping")}
        </button>
      </div>
    </fieldset>
  );
}
