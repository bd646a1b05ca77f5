import { createHash } from "node:crypto";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { writeOpenApiModules } from "./openapi-modules.mjs";
import { StartupError } from "./startup-error.mjs";

const root = path.resolve(import.meta.dirname, "..", "..");
const inputs = [
  "app",
  "components",
  "lib",
  "messages",
  "public",
  "generated",
  "next.config.js",
  "tsconfig.json",
  "postcss.config.mjs",
  "package-lock.json",
];
const stampFile = path.join(root, ".next", "luoshi-build-stamp");

/** A hash of everything the production build is made from. */
export function sourceFingerprint() {
  const hash = createHash("sha256");
  const visit = (relative) => {
    const full = path.join(root, relative);
    if (!fs.existsSync(full)) return;
    if (fs.statSync(full).isDirectory()) {
      for (const entry of fs.readdirSync(full).sort()) visit(path.join(relative, entry));
    } else {
      hash.update(relative).update("\0").update(fs.readFileSync(full)).update("\0");
    }
  };
  inputs.forEach(visit);
  return hash.digest("hex");
}

/** True when there is no production build or the sources changed since it was made. */
export function needsBuild() {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) return true;
  const stamp = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : "";
  return stamp !== sourceFingerprint();
}

/** Runs `next build` with its output shown, then records what it was built from. */
export async function build() {
  writeOpenApiModules();
  const fingerprint = sourceFingerprint();
  const code = await new Promise((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules", ".bin", "next"), ["build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) throw new StartupError("The production build failed; see the output above.");
  fs.writeFileSync(stampFile, fingerprint);
}
