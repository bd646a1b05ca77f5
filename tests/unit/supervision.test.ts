import { describe, expect, it } from "vitest";
import { supervisionSettingsFromEnv } from "@/scripts/lib/supervision.mjs";

describe("[START] supervision settings of the web server's restarts", () => {
  it("reads the restart delays from the environment and refuses nonsense with a clear message", () => {
    expect(supervisionSettingsFromEnv({})).toEqual({ initialDelayMs: 1_000, maxDelayMs: 30_000, stableAfterMs: 60_000 });
    expect(supervisionSettingsFromEnv({ LUOSHI_RESTART_DELAY_MS: "200", LUOSHI_RESTART_MAX_DELAY_MS: "5000" })).toMatchObject({ initialDelayMs: 200, maxDelayMs: 5_000 });
    // The longest delay is never shorter than the first.
    expect(supervisionSettingsFromEnv({ LUOSHI_RESTART_DELAY_MS: "40000" })).toMatchObject({ initialDelayMs: 40_000, maxDelayMs: 40_000 });
    expect(() => supervisionSettingsFromEnv({ LUOSHI_RESTART_DELAY_MS: "0" })).toThrow(/LUOSHI_RESTART_DELAY_MS must be a whole number of at least 1 \(got "0"\)/);
  });
});
