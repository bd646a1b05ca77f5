// The route pattern of a request path ("/measures/[code]" for "/measures/2.1.1"),
// for log lines and metric labels: ids in raw paths would make a metric series
// per record. Patterns come from the build's own route table
// (.next/routes-manifest.json), so they are exactly the app's routes.
import fs from "node:fs";
import path from "node:path";

/** Paths outside the app's routes share one label, so a scanner cannot create series at will. */
export const UNMATCHED = "(unmatched)";

/**
 * @typedef {{ page: string, regex: string }} ManifestRoute
 * @typedef {{ staticRoutes?: ManifestRoute[], dynamicRoutes?: ManifestRoute[] }} RouteManifest
 */

/** The build's route table, or null when there is no build (next dev, tests). */
export function loadRouteManifest(distDir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(distDir, "routes-manifest.json"), "utf8"));
  } catch {
    return null;
  }
}

/**
 * A function from a request URL ("/measures/2.1.1?tab=x") to its route pattern.
 * Static routes are matched first, then dynamic ones in the manifest's order
 * (Next.js sorts them most specific first). Next's own files get one label
 * each ("/_next/static", "/_next/image"); `extra` adds routes the server
 * answers itself (e.g. "/metrics").
 * @param {RouteManifest | null} manifest
 * @param {{ extra?: string[] }} [options]
 */
export function createRouteMatcher(manifest, { extra = [] } = {}) {
  const exact = new Set([...extra, ...(manifest?.staticRoutes ?? []).map((route) => route.page)]);
  const dynamic = (manifest?.dynamicRoutes ?? []).flatMap((route) => {
    try {
      return [{ page: route.page, regex: new RegExp(route.regex) }];
    } catch {
      return [];
    }
  });
  return (url) => {
    const raw = String(url ?? "/").split(/[?#]/)[0] || "/";
    let pathname = raw;
    if (pathname.startsWith("/_next/")) {
      const area = pathname.split("/")[2];
      return ["static", "image", "data"].includes(area) ? `/_next/${area}` : "/_next";
    }
    // A page's React Server Component payloads (client navigation, prefetch) count as the page.
    pathname = pathname.replace(/\.segments\/.*$/, "").replace(/\.rsc$/, "");
    if (pathname.length > 1 && pathname.endsWith("/")) pathname = pathname.slice(0, -1);
    if (exact.has(pathname)) return pathname;
    for (const route of dynamic) if (route.regex.test(pathname)) return route.page;
    return UNMATCHED;
  };
}
