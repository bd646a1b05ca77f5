import { OpenAPIRegistry, OpenApiGeneratorV3 } from "@asteasolutions/zod-to-openapi";
import { openApiPathModules } from "./openapi-modules";
import { apiTags, registerSecuritySchemes } from "./openapi-registry";

type OpenApiDocument = ReturnType<OpenApiGeneratorV3["generateDocument"]>;
let cached: OpenApiDocument | undefined;

/** The OpenAPI 3.0 document of /api/v1, generated from the zod schemas the routes parse with. */
export function openApiDocument(): OpenApiDocument {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  registerSecuritySchemes(registry);
  for (const register of openApiPathModules) register(registry);
  cached = new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: "3.0.3",
    info: {
      title: "Luoshi API",
      version: "1.0.0",
      description:
        "Measures, progress reports, units and cities of Luoshi. Authenticate with the session cookie or a personal API token (`Authorization: Bearer`). Errors are JSON: `{ error: { code, values, fieldErrors } }`.",
    },
    tags: Object.entries(apiTags).map(([name, description]) => ({ name, description })),
  });
  return cached;
}
