import { describe, expect, it } from "vitest";
import { safeCallbackUrl, safeRedirectUrl } from "@/lib/auth/safe-callback-url";

const origin = "http://localhost:3530";

// Each as the login page receives it (already URL-decoded once by Next.js) and raw.
const offSite = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/ /evil.example",
  "//evil.example",
  "//evil.example/path",
  "/\\evil.example",
  "/\\/evil.example",
  "\\\\evil.example",
  "https://evil.example",
  "http://evil.example/",
  "javascript:alert(1)",
  "evil.example",
  " /evil",
  "/.//evil.example",
  "/./\\evil.example",
  "/%2F%2Fevil.example",
  "/%2f/evil.example",
  "/%5Cevil.example",
  "/%5c%5cevil.example",
  "/\u3000/evil.example",
  "/\u200b/evil.example",
  "/\u00a0/evil.example",
  "",
];

describe("[LOGIN] callbackUrl after login", () => {
  it.each(offSite)("%j goes to /", (value) => {
    expect(safeCallbackUrl(value, origin)).toBe("/");
    expect(safeCallbackUrl(value)).toBe("/");
    // The raw query value, if something forgets to decode it, is just as safe.
    expect(safeCallbackUrl(encodeURIComponent(value), origin)).toBe("/");
    expect(safeRedirectUrl({ url: value, baseUrl: origin })).toBe(`${origin}/`);
  });

  it("the encoded tab of the report: /%09/evil.example", () => {
    const query = new URLSearchParams("callbackUrl=/%09/evil.example");
    expect(safeCallbackUrl(query.get("callbackUrl"), origin)).toBe("/");
    // Not decoded, it is a harmless path on this site.
    expect(new URL(safeCallbackUrl("/%09/evil.example", origin), origin).origin).toBe(origin);
    expect(new URL(safeRedirectUrl({ url: "/%09/evil.example", baseUrl: origin })).origin).toBe(origin);
  });

  it("keeps this site's paths with their query and fragment", () => {
    expect(safeCallbackUrl("/measures/A.1?tab=history#r2", origin)).toBe("/measures/A.1?tab=history#r2");
    expect(safeCallbackUrl(["/ledger", "//evil"], origin)).toBe("/ledger");
    expect(safeCallbackUrl("/", origin)).toBe("/");
    expect(safeCallbackUrl("/a/../ledger", origin)).toBe("/ledger");
    expect(safeCallbackUrl("/台账", origin)).toBe("/%E5%8F%B0%E8%B4%A6");
    expect(safeCallbackUrl(undefined)).toBe("/");
    expect(safeCallbackUrl(null)).toBe("/");
  });

  it("never returns to the login page itself", () => {
    expect(safeCallbackUrl("/login", origin)).toBe("/");
    expect(safeCallbackUrl("/login?callbackUrl=//evil", origin)).toBe("/");
    expect(safeCallbackUrl("/loginhelp", origin)).toBe("/loginhelp");
  });

  it("next-auth's redirect callback: same-origin URLs kept, others → the site's root", () => {
    expect(safeRedirectUrl({ url: "/login", baseUrl: origin })).toBe(`${origin}/login`);
    expect(safeRedirectUrl({ url: `${origin}/ledger?x=1`, baseUrl: origin })).toBe(`${origin}/ledger?x=1`);
    expect(safeRedirectUrl({ url: "http://localhost:3531/ledger", baseUrl: origin })).toBe(`${origin}/`);
    expect(safeRedirectUrl({ url: `${origin}//evil.example`, baseUrl: origin })).toBe(`${origin}/`);
    expect(safeRedirectUrl({ url: `http://localhost:3530@evil.example/`, baseUrl: origin })).toBe(`${origin}/`);
    expect(safeRedirectUrl({ url: "https://evil.example/?next=http://localhost:3530", baseUrl: origin })).toBe(`${origin}/`);
  });
});
