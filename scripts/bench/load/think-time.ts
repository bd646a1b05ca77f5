import type { PlannedRequest } from "./mix";
import { prng } from "./mix";
import { requestHeaders, timeoutSeconds, typeRecorder, type StageFigures } from "./run-stage";

/**
 * People, not connections: `users` virtual users each send a request, read the
 * answer, then pause for a random think time (exponential, mean `thinkSeconds`)
 * before the next, for `seconds`. This is what "200 concurrent users" means for
 * an office application; autocannon's closed loop (no pauses) has no such mode,
 * so this stage uses fetch, with the same mix and the same per-type booking.
 */
export async function runThinkTimeStage(
  baseUrls: string[],
  { users, thinkSeconds, seconds, next, cookies }: { users: number; thinkSeconds: number; seconds: number; next: () => PlannedRequest; cookies: Map<string, string> },
): Promise<StageFigures> {
  const recorder = typeRecorder(timeoutSeconds * 1000);
  const random = prng(11);
  const end = performance.now() + seconds * 1000;
  let socketErrors = 0;
  let timeouts = 0;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(ms, end - performance.now()))));
  const user = async (index: number) => {
    // Each person stays with one instance, as a load balancer with sticky sessions would keep them.
    const baseUrl = baseUrls[index % baseUrls.length]!;
    const origin = new URL(baseUrl).origin;
    // Users arrive spread over the first think time, not all at once.
    await sleep(random.next() * thinkSeconds * 1000);
    while (performance.now() < end) {
      const planned = next();
      const ticket = recorder.send(planned.type);
      try {
        const response = await fetch(`${baseUrl}${planned.path}`, {
          method: planned.method,
          headers: requestHeaders(planned, cookies, origin),
          body: planned.body,
          redirect: "manual",
          signal: AbortSignal.timeout(timeoutSeconds * 1000),
        });
        await response.arrayBuffer();
        recorder.answer(ticket, response.status, performance.now() - ticket.sentAt);
      } catch (error) {
        if (error instanceof DOMException && error.name === "TimeoutError") timeouts++;
        else socketErrors++;
      }
      await sleep(-Math.log(1 - random.next()) * thinkSeconds * 1000);
    }
  };
  await Promise.all(Array.from({ length: users }, (_, index) => user(index)));
  const { seconds: elapsed, total, types } = recorder.summary();
  return {
    label: `${users} users, ${thinkSeconds} s think time`,
    connections: users,
    seconds: elapsed,
    total,
    perSecond: total / elapsed,
    socketErrors,
    timeouts,
    types,
  };
}
