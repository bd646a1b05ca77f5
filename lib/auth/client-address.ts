/** Set by scripts/serve.mjs (scripts/lib/client-address.mjs) on every request; any incoming one is replaced. */
export const CLIENT_ADDRESS_HEADER = "x-luoshi-client-ip";
