import { parseArgs } from "node:util";

export interface LoadOptions {
  /** A running server to test; otherwise one is started. */
  url?: string;
  /** The database the server uses (to pick users, measures and free report months). */
  database?: string;
  port: number;
  /** Next.js instances started side by side (ports port, port+1, …), sharing the database. */
  instances: number;
  /** Concurrent connections of each stage. */
  stages: number[];
  /** Seconds per stage. */
  duration: number;
  /** Distinct signed-in users (0 = as many as the largest stage has connections). */
  users: number;
  /** Mean think time of the last stage's virtual users, in seconds (0 = no such stage). */
  think: number;
  /** Requests of each type sent alone first, measuring CPU per request (0 = no such profile). */
  cpuProfile: number;
  /** Connections of the CPU profile (1: one request at a time). */
  profileConnections: number;
  /** Node.js binary the server runs on (default: the one running this script). */
  serverNode?: string;
  /** Only these request types (profiling one at a time); all when empty. */
  only: string[];
  embedded: boolean;
  smoke: boolean;
  /** Where to write the report as JSON too. */
  json?: string;
}

const help = `npm run bench:load -- [options]
  --url URL          test a running server instead of starting one (give its database with --database)
  --database URL     the PostgreSQL database to test (default: luoshi_load of BENCH_DATABASE_URL's server)
  --port N           port of the server started here (default 3610)
  --instances N      start N Next.js instances on port, port+1, … sharing the database (connections spread over them)
  --stages 50,100,200  concurrent connections per stage (default 50,100,200; 20 with --embedded; 5 with --smoke; none = no stages)
  --cpu-profile N    first, for each request type alone, N requests with CPU per request, bytes and bare SQL (default 0; 5 with --smoke)
  --profile-connections N  connections of the CPU profile (default 1: one request at a time)
  --server-node PATH run the server on this Node.js binary (default: the one running the benchmark)
  --duration S       seconds per stage (default 30; 4 with --smoke)
  --users N          distinct signed-in users (default: the largest stage's connections)
  --think S          then a stage of that many users pausing S s (mean) between requests (default 10; 0 = none)
  --only a,b         only these request types (dashboard, ledger, measure, report, export), to profile one
  --embedded         embedded PGlite in /tmp/load-embedded (generated at a smaller volume on first use)
  --smoke            a few seconds on a small generated volume in a scratch database (CI)
  --json FILE        also write the report as JSON`;

export function parseLoadOptions(argv: string[]): LoadOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: "string" },
      database: { type: "string" },
      port: { type: "string", default: "3610" },
      instances: { type: "string", default: "1" },
      stages: { type: "string" },
      duration: { type: "string" },
      users: { type: "string", default: "0" },
      think: { type: "string" },
      only: { type: "string", default: "" },
      "cpu-profile": { type: "string" },
      "profile-connections": { type: "string", default: "1" },
      "server-node": { type: "string" },
      embedded: { type: "boolean", default: false },
      smoke: { type: "boolean", default: false },
      json: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(help);
    process.exit(0);
  }
  const defaultStages = values.smoke ? "5" : values.embedded ? "20" : "50,100,200";
  const stagesArgument = values.stages ?? defaultStages;
  const stages = stagesArgument === "none" ? [] : stagesArgument.split(",").map(Number);
  const cpuProfile = Number(values["cpu-profile"] ?? (values.smoke ? 5 : 0));
  const profileConnections = Number(values["profile-connections"]);
  if (!Number.isInteger(cpuProfile) || cpuProfile < 0 || !Number.isInteger(profileConnections) || profileConnections < 1) throw new Error(`Bad --cpu-profile or --profile-connections\n${help}`);
  if (stages.length === 0 && cpuProfile === 0) throw new Error(`--stages none needs --cpu-profile N\n${help}`);
  const duration = Number(values.duration ?? (values.smoke ? 4 : 30));
  if (values.embedded && Number(values.instances) > 1) throw new Error("The embedded PGlite serves one process: --instances needs PostgreSQL");
  if (stages.some((n) => !Number.isInteger(n) || n < 1) || !(duration > 0)) throw new Error(`Bad --stages or --duration\n${help}`);
  return {
    url: values.url,
    database: values.database,
    port: Number(values.port),
    instances: Number(values.instances),
    stages,
    duration,
    users: Number(values.users),
    only: values.only.split(",").filter(Boolean),
    think: stages.length === 0 ? 0 : Number(values.think ?? (values.smoke ? 0 : 10)),
    cpuProfile,
    profileConnections,
    serverNode: values["server-node"],
    embedded: values.embedded,
    smoke: values.smoke,
    json: values.json,
  };
}
