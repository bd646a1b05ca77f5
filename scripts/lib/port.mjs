import net from "node:net";
import { StartupError } from "./startup-error.mjs";

/** Parses PORT, refusing anything that is not a TCP port number. */
export function parsePort(raw) {
  const port = Number(raw);
  if (!/^\d+$/.test(String(raw)) || port < 1 || port > 65535) {
    throw new StartupError(`PORT must be a number between 1 and 65535 (got "${raw}").`);
  }
  return port;
}

/** Fails with a clear message when something already listens on the port (on that host's address). */
export async function assertPortFree(port, host) {
  await new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error) => {
      if (error.code === "EADDRINUSE") {
        reject(
          new StartupError(
            `Port ${port} is already in use. Stop the program using it, or choose another port: PORT=${port + 1} npm start`,
          ),
        );
      } else if (error.code === "EACCES") {
        reject(new StartupError(`Port ${port} needs more privileges; choose a port above 1023, e.g. PORT=3000 npm start`));
      } else {
        reject(error);
      }
    });
    probe.listen(port, host, () => probe.close(resolve));
  });
}
