import type { LoadFixtures } from "./fixtures";

export type RequestTypeName = "dashboard" | "ledger" | "measure" | "report" | "export";

export interface RequestType {
  name: RequestTypeName;
  label: string;
  /** Share of the requests, out of the sum of all weights. */
  weight: number;
  /** The status a correct answer has; anything else is an error (a 307 to /login included). */
  expected: number;
  /** Counted apart, not as an error: the report slot was taken (only when the slots run out). */
  conflict?: number;
  /** Pages and report submission have the p99 ≤ 300 ms target of issue 7. */
  target: boolean;
}

export const requestTypes: RequestType[] = [
  { name: "dashboard", label: "GET /dashboard (half with a scope)", weight: 15, expected: 200, target: true },
  { name: "ledger", label: "GET /ledger (filters, sort, page)", weight: 30, expected: 200, target: true },
  { name: "measure", label: "GET /measures/{code}", weight: 30, expected: 200, target: true },
  { name: "report", label: "POST /api/v1/reports (submit)", weight: 15, expected: 201, conflict: 409, target: true },
  { name: "export", label: "GET /api/v1/measures/export.csv (area + city)", weight: 10, expected: 200, target: false },
];

export interface PlannedRequest {
  type: RequestTypeName;
  method: "GET" | "POST";
  path: string;
  /** Who sends it (their session cookie goes with it). */
  loginName: string;
  body?: string;
}

/** A small deterministic PRNG (mulberry32), so two runs send the same sequence. */
export function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

const searchTerms = ["轨道交通", "园区", "rail", "health", "措施12", "L.004"];
const ledgerSorts = ["code", "title", "area", "leadUnit", "dueDate", "status", "percent", "light", "latestPeriod"];
const lights = ["RED", "YELLOW", "BLUE", "GREEN", "COMPLETED"];

/**
 * Draws the next request of the weighted mix: the type by weight, the user at
 * random (an official with a free report slot for a submission), and
 * parameters at random from the fixtures.
 */
export function requestPlanner(fixtures: LoadFixtures, { seed = 7, only = [] as string[] } = {}) {
  const random = prng(seed);
  const drawn = requestTypes.filter((type) => only.length === 0 || only.includes(type.name));
  const totalWeight = drawn.reduce((sum, type) => sum + type.weight, 0);
  const loginNames = fixtures.users.map((user) => user.loginName);
  let nextSlot = 0;
  const maybe = (share: number) => random.next() < share;

  const builders: Record<RequestTypeName, () => PlannedRequest> = {
    dashboard: () => {
      const params = new URLSearchParams();
      if (maybe(0.5)) {
        const scope = random.pick(["city", "area", "programme", "cityArea"] as const);
        if (scope === "city" || scope === "cityArea") params.set("city", random.pick(fixtures.cityCodes));
        if (scope === "area" || scope === "cityArea") params.set("area", random.pick(fixtures.areaCodes));
        if (scope === "programme") params.set("programme", random.pick(fixtures.programmeCodes));
      }
      return { type: "dashboard", method: "GET", path: withQuery("/dashboard", params), loginName: random.pick(loginNames) };
    },
    ledger: () => {
      const params = new URLSearchParams();
      if (maybe(0.3)) params.set("light", random.pick(lights));
      if (maybe(0.3)) params.set("area", random.pick(fixtures.areaCodes));
      if (maybe(0.3)) params.set("city", random.pick(fixtures.cityCodes));
      if (maybe(0.2)) params.set("q", random.pick(searchTerms));
      if (maybe(0.5)) params.set("sort", random.pick(ledgerSorts));
      if (maybe(0.3)) params.set("dir", "desc");
      if (maybe(0.3)) params.set("page", String(2 + Math.floor(random.next() * 4)));
      return { type: "ledger", method: "GET", path: withQuery("/ledger", params), loginName: random.pick(loginNames) };
    },
    measure: () => ({
      type: "measure",
      method: "GET",
      path: `/measures/${encodeURIComponent(random.pick(fixtures.measureCodes))}`,
      loginName: random.pick(loginNames),
    }),
    report: () => {
      // Past the last free slot, slots are reused and answer 409 (counted as conflicts).
      const slot = fixtures.reportSlots[nextSlot++ % fixtures.reportSlots.length]!;
      const body = {
        measureCode: slot.measureCode,
        period: slot.period,
        percentComplete: 10 + Math.floor(random.next() * 80),
        progress: "负载测试：本月按计划推进",
        problems: "",
        nextSteps: "继续推进",
        submit: true,
      };
      return { type: "report", method: "POST", path: "/api/v1/reports", loginName: slot.loginName, body: JSON.stringify(body) };
    },
    export: () => {
      const params = new URLSearchParams({ area: random.pick(fixtures.areaCodes), city: random.pick(fixtures.cityCodes) });
      return { type: "export", method: "GET", path: withQuery("/api/v1/measures/export.csv", params), loginName: random.pick(loginNames) };
    },
  };

  return {
    next(): PlannedRequest {
      let draw = random.next() * totalWeight;
      const type = drawn.find((candidate) => (draw -= candidate.weight) < 0) ?? drawn[0]!;
      return builders[type.name]();
    },
    /** One request of the given type (warm-up). */
    of: (type: RequestTypeName) => builders[type](),
    slotsUsed: () => nextSlot,
  };
}

function withQuery(pathname: string, params: URLSearchParams): string {
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}
