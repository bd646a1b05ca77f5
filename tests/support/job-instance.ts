// One app instance's job queue, as a separate process: exactly what the server
// process starts from instrumentation.ts (lib/jobs/start-jobs.ts), with the
// settings from the environment. Used by tests/db/jobs.test.ts.
import { startJobsFromEnv } from "@/lib/jobs/start-jobs";

async function main() {
  const keepAlive = setInterval(() => {}, 1 << 30);
  const runner = await startJobsFromEnv();
  if (!runner) {
    console.error("job queue did not start");
    process.exit(1);
  }
  console.log("JOBS-READY");
  process.once("SIGTERM", () => {
    clearInterval(keepAlive);
    void runner.stop().finally(() => process.exit(0));
  });
}

void main();
