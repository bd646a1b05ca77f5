import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";

// Wire-protocol request codes sent in place of a startup message.
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
const STARTUP_TIMEOUT_MS = 5_000;
/** Connections still proving their password; beyond it new ones are closed at once. */
const MAX_PENDING = 50;
const MAX_STARTUP_BYTES = 10_000;

/**
 * The embedded database's password: random, generated once into `file`
 * (mode 0600) and read back on later starts. Without a file (an in-memory
 * database) a fresh one per start.
 */
export function resolveEmbeddedPassword(file) {
  if (file && fs.existsSync(file)) {
    const saved = fs.readFileSync(file, "utf8").trim();
    if (saved) {
      // An older, laxer file mode is tightened: only the app's user may read it.
      fs.chmodSync(file, 0o600);
      return saved;
    }
  }
  const password = randomBytes(24).toString("base64url");
  if (file) fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * pglite-socket accepts any user and password. This puts PostgreSQL's own MD5
 * password authentication in front of it: each new connection must answer the
 * password challenge before its startup message reaches PGlite; a wrong or
 * missing password gets FATAL 28P01 and the connection is closed.
 */
export function requirePassword(server, password) {
  const attach = server.handleConnection.bind(server);
  let pending = 0;
  server.handleConnection = async (socket) => {
    if (pending >= MAX_PENDING) {
      socket.destroy();
      return;
    }
    pending += 1;
    const startup = await authenticateConnection(socket, password)
      .catch(() => null)
      .finally(() => (pending -= 1));
    if (!startup || socket.destroyed) {
      socket.destroy();
      return;
    }
    // PGlite answers the startup message itself (AuthenticationOk, parameters, ReadyForQuery).
    socket.unshift(startup);
    const attached = attach(socket);
    // Paused while authenticating: a new 'data' listener alone would not resume it.
    socket.resume();
    await attached;
  };
}

/** Resolves with the client's startup message once its password checked out, or null. */
function authenticateConnection(socket, password) {
  return new Promise((resolve) => {
    let buffer = Buffer.alloc(0);
    let startup = null;
    let salt = null;
    const finish = (result) => {
      clearTimeout(timer);
      socket.off("data", onData);
      socket.off("error", onClose);
      socket.off("close", onClose);
      socket.pause();
      resolve(result);
    };
    const onClose = () => finish(null);
    const refuse = (code, message) => {
      socket.end(errorResponse(code, message));
      finish(null);
    };
    const timer = setTimeout(() => refuse("08P01", "startup timed out"), STARTUP_TIMEOUT_MS);

    const onData = (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (buffer.length > MAX_STARTUP_BYTES) return refuse("08P01", "startup message too long");
      while (true) {
        if (!startup) {
          // Untyped messages: Int32 length (itself included), then the request code.
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          if (length < 8 || length > MAX_STARTUP_BYTES) return refuse("08P01", "invalid startup packet");
          if (buffer.length < length) return;
          const message = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          const code = message.readInt32BE(4);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
            socket.write("N");
            continue;
          }
          if (code === CANCEL_REQUEST) return refuse("08P01", "cancel requests are not supported");
          if (code !== PROTOCOL_3) return refuse("08P01", "unsupported frontend protocol");
          startup = Buffer.from(message);
          salt = randomBytes(4);
          const challenge = Buffer.alloc(13);
          challenge.write("R", 0);
          challenge.writeInt32BE(12, 1);
          challenge.writeInt32BE(5, 5); // AuthenticationMD5Password
          salt.copy(challenge, 9);
          socket.write(challenge);
          continue;
        }
        // Typed message: Byte1 type, Int32 length (without the type byte).
        if (buffer.length < 5) return;
        const length = buffer.readInt32BE(1);
        if (buffer[0] !== 0x70 || length < 5) return refuse("08P01", "expected a password message");
        if (buffer.length < 1 + length) return;
        const answer = buffer.subarray(5, 1 + length - 1).toString("utf8"); // without the trailing NUL
        const user = startupParameter(startup, "user") ?? "";
        if (!sameText(answer, md5Answer(password, user, salt))) {
          return refuse("28P01", `password authentication failed for user "${user}"`);
        }
        if (buffer.length > 1 + length) socket.unshift(buffer.subarray(1 + length));
        return finish(startup);
      }
    };
    socket.on("data", onData);
    socket.on("error", onClose);
    socket.on("close", onClose);
  });
}

/** What libpq sends for MD5: "md5" + md5(md5(password + user) + salt). */
export function md5Answer(password, user, salt) {
  const inner = createHash("md5").update(password + user).digest("hex");
  return `md5${createHash("md5").update(Buffer.concat([Buffer.from(inner), salt])).digest("hex")}`;
}

function sameText(a, b) {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function startupParameter(startup, name) {
  const fields = startup.subarray(8).toString("utf8").split("\0");
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}

function errorResponse(code, message) {
  const body = Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0\0`, "utf8");
  const head = Buffer.alloc(5);
  head.write("E", 0);
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}

/**
 * pglite-socket sets its socket server's own cap to its session limit, so
 * clients that never answer the password challenge would fill it. Call after
 * start(): the sessions stay capped by pglite-socket, the pending ones here.
 */
export function widenSocketCap(server, sessions) {
  if (server.server) server.server.maxConnections = sessions + MAX_PENDING;
}
