import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The measure import's modules form no import cycle, type-only imports
 * included: each step imports the shared types from import-types.ts rather
 * than from another step.
 */
const root = path.resolve(import.meta.dirname, "..", "..");
const folder = path.join(root, "lib", "measure-import");

function importsOf(file: string): string[] {
  const source = fs.readFileSync(path.join(folder, file), "utf8");
  const found: string[] = [];
  for (const match of source.matchAll(/from\s+["']([^"']+)["']/g)) {
    const target = match[1]!;
    const local = target.startsWith("./") ? target.slice(2) : target.startsWith("@/lib/measure-import/") ? target.slice("@/lib/measure-import/".length) : null;
    if (local !== null) found.push(`${local}.ts`);
  }
  return found;
}

function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === "done") return null;
    if (state.get(node) === "visiting") return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, "visiting");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe("[INPUT] measure import modules", () => {
  it("have no import cycle (type imports included)", () => {
    const files = fs.readdirSync(folder).filter((file) => file.endsWith(".ts"));
    const graph = new Map(files.map((file) => [file, importsOf(file)]));
    expect(graph.get("read-import-row.ts")).not.toContain("plan-measure-import.ts");
    expect(findCycle(graph)).toBeNull();
  });
});
