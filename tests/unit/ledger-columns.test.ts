import { describe, expect, it } from "vitest";
import { defaultLedgerColumns, ledgerColumnsParam, parseLedgerColumns } from "@/lib/ledger/ledger-columns";
import { ledgerQuerySchema, ledgerSearchParams } from "@/lib/ledger/schemas";

describe("[LEDGER] column chooser in the URL", () => {
  it("shows the default columns without a cols value, or when it names no known column", () => {
    expect(parseLedgerColumns(undefined)).toEqual(defaultLedgerColumns);
    expect(parseLedgerColumns("")).toEqual(defaultLedgerColumns);
    expect(parseLedgerColumns("nonsense,<script>")).toEqual(defaultLedgerColumns);
  });

  it("keeps the known columns in the ledger's order, adds code and title, ignores the rest", () => {
    expect(parseLedgerColumns("kpi,nonsense,responsiblePerson,kpi, percent")).toEqual(["code", "title", "responsiblePerson", "percent", "kpi"]);
    expect(parseLedgerColumns("investmentCompleted,investmentPlanned,expectedPercent,latestState,cities,cooperatingUnits")).toEqual([
      "code",
      "title",
      "cooperatingUnits",
      "cities",
      "expectedPercent",
      "latestState",
      "investmentPlanned",
      "investmentCompleted",
    ]);
  });

  it("parses through the query schema without failing, and writes back only what differs from the default", () => {
    expect(ledgerQuerySchema.parse({ cols: "status,bogus" }).cols).toEqual(["code", "title", "status"]);
    expect(ledgerQuerySchema.parse({ cols: ["a"] }).cols).toEqual(defaultLedgerColumns);
    expect(ledgerQuerySchema.parse({}).cols).toEqual(defaultLedgerColumns);
    expect(ledgerColumnsParam(defaultLedgerColumns)).toBeUndefined();
    expect(ledgerColumnsParam(["code", "title", "kpi"])).toBe("code,title,kpi");
    expect(ledgerSearchParams(ledgerQuerySchema.parse({ cols: "kpi,light" })).get("cols")).toBe("code,title,light,kpi");
    expect(ledgerSearchParams(ledgerQuerySchema.parse({})).has("cols")).toBe(false);
  });

  it("sorts only by sortable columns: a list column falls back to the code", () => {
    expect(ledgerQuerySchema.parse({ sort: "expectedPercent" }).sort).toBe("expectedPercent");
    expect(ledgerQuerySchema.parse({ sort: "cities" }).sort).toBe("code");
  });
});
