/** The table's state in the URL (q, page, filters, edit), so every view can be linked and rendered on the server. */
export type TableParams = Record<string, string | number | undefined>;

/** `path` with `params` and `changes` applied; empty values, defaults (page 1, 50 a page) and undefined are left out. */
export function adminHref(path: string, params: TableParams, changes: TableParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...changes })) {
    if (value === undefined || value === "" || (key === "page" && Number(value) === 1) || (key === "perPage" && Number(value) === 50)) continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** The first value of each search parameter (Next.js gives arrays for repeated ones). */
export function firstValues(searchParams: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(searchParams).flatMap(([key, value]) => {
      const first = Array.isArray(value) ? value[0] : value;
      return first === undefined ? [] : [[key, first]];
    }),
  );
}
