// The little of autocannon 9's programmatic API this tool uses (it ships no types).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  interface RequestData {
    hostname?: string;
    port?: number | string;
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  }
  interface RequestSpec extends RequestData {
    setupRequest?: (request: RequestData, context: Record<string, unknown>) => RequestData;
  }
  interface Options {
    url: string | string[];
    connections?: number;
    duration?: number;
    timeout?: number;
    requests?: RequestSpec[];
  }
  interface Result {
    requests: { total: number; average: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
  }
  interface Client {
    requestIterator: { context: Record<string, unknown> };
  }
  interface Instance extends EventEmitter {
    on(event: "response", listener: (client: Client, statusCode: number, bytes: number, responseTimeMs: number) => void): this;
    on(event: "done", listener: (result: Result) => void): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
  function autocannon(options: Options, callback: (error: Error | null, result: Result) => void): Instance;
  export default autocannon;
  export type { Client, Instance, Options, Result };
}
