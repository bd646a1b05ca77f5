import type { OpenAPIRegistry, ResponseConfig, RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import type { appErrorStatus } from "@/lib/errors/app-error";
import { apiErrorSchema } from "./common-schemas";

/** What each lib/<folder>/openapi.ts exports: it adds that folder's routes to the document (collected in openapi-modules.ts). */
export type RegisterApiPaths = (registry: OpenAPIRegistry) => void;

export const apiTags = {
  Measures: "The measure catalogue and ledger.",
  Reports: "Monthly progress reports.",
  Catalogue: "Units and cities.",
  Bulletins: "Monthly progress bulletins (Word, PDF).",
  Scoring: "Unit scores and the ranking (红黑榜).",
  Notices: "催办 notices (督办单): issued, replied, decided, escalated.",
  System: "Health, identity and this document.",
  Comments: "A measure's discussion (讨论): the people a comment may mention.",
  Attachments: "佐证材料: files attached to reports, milestones, extension requests and measures.",
} as const;
export type ApiTag = keyof typeof apiTags;

/** Either credential works on every authenticated route. */
export function registerSecuritySchemes(registry: OpenAPIRegistry): void {
  registry.registerComponent("securitySchemes", "sessionCookie", {
    type: "apiKey",
    in: "cookie",
    name: "next-auth.session-token",
    description: "The browser session after signing in at /login. State-changing requests must come from this site (Origin header).",
  });
  registry.registerComponent("securitySchemes", "bearerToken", {
    type: "http",
    scheme: "bearer",
    description:
      "A personal API token made at /account/tokens: `Authorization: Bearer lsk_…`. A READ token may only read; POST, PUT, PATCH and DELETE need a WRITE token (else 403 INSUFFICIENT_SCOPE).",
  });
}

type DocumentedStatus = Exclude<(typeof appErrorStatus)[keyof typeof appErrorStatus], 500>;

/** What each error status means; every status of the error table (but 500) must be described. */
const errorDescriptions: Record<DocumentedStatus, string> = {
  400: "A bad query, or a path or query parameter, form field or JSON string holding a NUL character or half a surrogate pair; `fieldErrors` says which parameter or field.",
  401: "No valid session or token (unknown, revoked or expired token; disabled user).",
  403: "Signed in, but not allowed (role, unit scope, a cross-site cookie request, or a READ token on a write).",
  404: "No such record, or not one the caller may see.",
  408: "The request body arrived too slowly (REQUEST_TIMEOUT, from the request gate); nothing was changed.",
  409: "Conflict: changed meanwhile, or not allowed in the record's state.",
  413: "The upload or JSON body is larger than allowed (JSON: 1 MB), or the workbook expands past the import's limits.",
  422: "Invalid input; `fieldErrors` says which field.",
  429: "Another import is running on this server (IMPORT_BUSY); retry when it is done.",
  503: "The server is busy (too many requests waiting, or no database connection free in time), the database cannot be reached just now (DB_UNAVAILABLE: restarting, connection dropped), or the file store cannot be reached (STORAGE_UNAVAILABLE); nothing was changed. Retry after the `Retry-After` seconds.",
  415: "An attachment whose bytes are not an allowed type (UNSUPPORTED_FILE_TYPE), whatever its name.",
};

function errorResponses(statuses: DocumentedStatus[]): Record<string, ResponseConfig> {
  return Object.fromEntries(
    statuses.map((status) => [status, { description: errorDescriptions[status], content: { "application/json": { schema: apiErrorSchema } } }]),
  );
}

type ApiRoute = Omit<RouteConfig, "tags" | "security"> & {
  tag: ApiTag;
  /** Error statuses besides 400, 401 and 403, which every authenticated route may answer (400: a parameter the database cannot store). */
  errors?: DocumentedStatus[];
  /** Public routes need no credential. */
  isPublic?: boolean;
};

/** A file download's response content (xlsx, csv, docx, pdf). */
export const binaryFile = (mediaType: string) => ({ content: { [mediaType]: { schema: z.string().meta({ format: "binary" }) } } });

/** Registers one route with its tag, security and documented error answers. */
export function registerApiRoute(registry: OpenAPIRegistry, { tag, errors = [], isPublic = false, responses, ...route }: ApiRoute): void {
  registry.registerPath({
    ...route,
    tags: [tag],
    security: isPublic ? [] : [{ sessionCookie: [] }, { bearerToken: [] }],
    // A route's own description of a status (the health check's 503) wins over the generic error.
    // Any request with a body may be cut by the request gate for arriving too slowly (408).
    responses: { ...errorResponses([...(isPublic ? [] : ([400, 401, 403] as const)), ...errors, ...(route.request?.body ? ([408] as const) : []), 503]), ...responses },
  });
}
