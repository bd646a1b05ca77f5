import { describe, expect, it } from "vitest";
import { defaultLedgerColumns, parseLedgerColumns } from "@/lib/ledger/ledger-columns";
import { shownLedgerRows, type LedgerViewRow } from "@/lib/ledger/ledger-view-rows";

const row: LedgerViewRow = {
  id: "m1",
  code: "1.1",
  title: "Title",
  area: "1 Area",
  leadUnit: "Unit",
  cooperatingUnits: "—",
  responsiblePerson: "Person",
  cities: "—",
  dueDate: "Dec 31, 2026",
  ongoing: false,
  status: "In progress",
  percent: 40,
  expectedPercent: "50%",
  light: "YELLOW",
  forecast: { class: "ON_COURSE", finish: "Nov 2026" },
  latestPeriod: "Nov 2026",
  latestState: "Approved",
  kpi: "—",
  investmentPlanned: "—",
  investmentCompleted: "—",
  progress: "Long progress text",
  problems: "—",
  nextSteps: "—",
  notices: "—",
};

describe("[LEDGER] rows sent to the browser", () => {
  it("keep the shown columns and the phone card's fields, nothing else", () => {
    const [shown] = shownLedgerRows([row], { cols: [...defaultLedgerColumns] });
    expect(Object.keys(shown!).sort()).toEqual(
      ["id", "code", "title", "area", "leadUnit", "dueDate", "ongoing", "status", "percent", "light", "forecast", "latestPeriod"].sort(),
    );
    expect(shown).toMatchObject({ title: "Title", percent: 40, forecast: row.forecast, area: "1 Area" });
  });

  it("keep a column once it is chosen, and the grouping column even when hidden", () => {
    const [shown] = shownLedgerRows([row], { cols: parseLedgerColumns("progress"), group: "area" });
    expect(shown).toMatchObject({ progress: "Long progress text", area: "1 Area" });
    expect(shown).not.toHaveProperty("status");
    expect(shown).not.toHaveProperty("problems");
  });
});
