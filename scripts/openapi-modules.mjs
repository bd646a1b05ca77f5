import { writeOpenApiModules } from "./lib/openapi-modules.mjs";

if (writeOpenApiModules()) console.log("lib/api/openapi-modules.ts updated");
