// The address of the client behind a request, for login throttling and per-client
// limits. `X-Forwarded-For` is believed only when the request comes from a trusted
// proxy (LUOSHI_TRUSTED_PROXIES), and then only up to the first hop that is not
// itself a trusted proxy: anything further left was written by the client.
import net from "node:net";

/** The header serve.mjs sets (after removing any incoming one) for the app to read. */
export const CLIENT_ADDRESS_HEADER = "x-luoshi-client-ip";

/** `::ffff:10.0.0.1` → `10.0.0.1`, lower-case IPv6, no zone, no port; "" if not an IP. */
export function normalizeAddress(value) {
  let address = String(value ?? "").trim();
  // "[::1]:1234" and "10.0.0.1:1234" (some proxies add the port)
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  address = address.replace(/%.*$/, "").toLowerCase();
  if (address.startsWith("::ffff:") && net.isIPv4(address.slice(7))) address = address.slice(7);
  return net.isIP(address) ? address : "";
}

/** LUOSHI_TRUSTED_PROXIES: a comma-separated list of proxy IP addresses (empty: none). */
export function parseTrustedProxies(value) {
  const list = String(value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  const addresses = list.map(normalizeAddress);
  const invalid = list.filter((_, index) => !addresses[index]);
  if (invalid.length > 0) throw new Error(`LUOSHI_TRUSTED_PROXIES: not an IP address: ${invalid.join(", ")}`);
  return new Set(addresses);
}

/**
 * The client's address: the socket's peer, or, when the peer is a trusted proxy,
 * the right-most `X-Forwarded-For` hop that is not a trusted proxy.
 * `trustedProxies`: a Set (or array) of normalized addresses.
 */
export function clientAddress(req, trustedProxies = new Set()) {
  const trusted = trustedProxies instanceof Set ? trustedProxies : new Set([...trustedProxies].map(normalizeAddress));
  let address = normalizeAddress(req.socket?.remoteAddress) || "unknown";
  if (!trusted.has(address)) return address;
  const header = req.headers?.["x-forwarded-for"];
  const hops = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  while (hops.length > 0 && trusted.has(address)) {
    const hop = normalizeAddress(hops.pop());
    // A garbled hop: stop at the last address we can vouch for.
    if (!hop) break;
    address = hop;
  }
  return address;
}

/**
 * Replaces whatever the client sent as CLIENT_ADDRESS_HEADER with the address
 * computed here, so the app can rely on it (serve.mjs calls this first).
 */
export function setClientAddressHeader(req, trustedProxies) {
  const address = clientAddress(req, trustedProxies);
  req.headers[CLIENT_ADDRESS_HEADER] = address;
  // Next.js reads `headers`, but keep the raw list consistent for anything reading it.
  if (Array.isArray(req.rawHeaders)) {
    const raw = [];
    for (let index = 0; index < req.rawHeaders.length; index += 2) {
      if (req.rawHeaders[index].toLowerCase() !== CLIENT_ADDRESS_HEADER) raw.push(req.rawHeaders[index], req.rawHeaders[index + 1]);
    }
    raw.push(CLIENT_ADDRESS_HEADER, address);
    req.rawHeaders.splice(0, req.rawHeaders.length, ...raw);
  }
  return address;
}
