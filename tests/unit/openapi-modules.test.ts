import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiModulesSource } from "@/scripts/lib/openapi-modules.mjs";

const root = path.resolve(import.meta.dirname, "..", "..");

describe("the OpenAPI document collects every domain's openapi.ts", () => {
  it("lib/api/openapi-modules.ts is what the generator writes now (run `npm test` or `node scripts/openapi-modules.mjs`)", () => {
    expect(fs.readFileSync(path.join(root, "lib", "api", "openapi-modules.ts"), "utf8")).toBe(openApiModulesSource());
  });

  it("imports each lib/<folder>/openapi.ts, and nothing else", () => {
    const folders = fs.readdirSync(path.join(root, "lib")).filter((folder) => fs.existsSync(path.join(root, "lib", folder, "openapi.ts")));
    const imported = [...openApiModulesSource().matchAll(/from "@\/lib\/([\w-]+)\/openapi"/g)].map((match) => match[1]);
    expect(imported.sort()).toEqual(folders.sort());
    expect(folders).toEqual(expect.arrayContaining(["api", "measures", "reports", "units"]));
  });
});
