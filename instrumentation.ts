/**
 * Runs once when the Next.js server process boots (dev and production): starts
 * the job queue (lib/jobs) inside the app's own process. Not during `next build`.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startJobsFromEnv } = await import("./lib/jobs/start-jobs");
  void startJobsFromEnv();
}
