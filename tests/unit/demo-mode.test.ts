import { describe, expect, it } from "vitest";
import { isDemoMode } from "@/lib/demo/mode";
import { demoModeFromEnv as fromEnv } from "@/scripts/lib/demo-mode.mjs";

const demoModeFromEnv = (env: Record<string, string>) => fromEnv(env as NodeJS.ProcessEnv);

describe("[DEMO] demo mode", () => {
  it("is the embedded quick start, or LUOSHI_DEMO=1; LUOSHI_DEMO=0 turns it off", () => {
    expect(demoModeFromEnv({})).toBe(true);
    expect(demoModeFromEnv({ DATABASE_URL: "postgresql://u:p@db:5432/luoshi" })).toBe(false);
    expect(demoModeFromEnv({ DATABASE_URL: "postgresql://u:p@db:5432/luoshi", LUOSHI_DEMO: "1" })).toBe(true);
    expect(demoModeFromEnv({ LUOSHI_DEMO: "0" })).toBe(false);
    expect(demoModeFromEnv({ LUOSHI_DEMO: "" })).toBe(true);
  });

  it("refuses any other value with one clear line", () => {
    expect(() => demoModeFromEnv({ LUOSHI_DEMO: "yes" })).toThrow('LUOSHI_DEMO must be 1 (demo mode) or 0 (no demo accounts), got "yes".');
  });

  it("the web server reads only the start script's decision", () => {
    expect(isDemoMode({ LUOSHI_DEMO: "1" })).toBe(true);
    expect(isDemoMode({ LUOSHI_DEMO: "0" })).toBe(false);
    expect(isDemoMode({})).toBe(false);
  });
});
