import net from "node:net";
import { describe, expect, it } from "vitest";
import { checkAppSettings } from "@/scripts/lib/app-settings.mjs";
import { parseDatabaseUrl, redactDatabaseUrl } from "@/scripts/lib/database.mjs";
import { assertPortFree, parsePort } from "@/scripts/lib/port.mjs";
import { StartupError } from "@/scripts/lib/startup-error.mjs";

describe("[START] configuration checks", () => {
  it("accepts PostgreSQL URLs and names what is wrong with others", () => {
    expect(parseDatabaseUrl("postgresql://u:p@db.example:5432/luoshi").hostname).toBe("db.example");
    expect(parseDatabaseUrl("postgres://u@localhost/luoshi").pathname).toBe("/luoshi");
    expect(() => parseDatabaseUrl("not a url")).toThrow(/DATABASE_URL is not a valid URL/);
    expect(() => parseDatabaseUrl("mysql://u@localhost/luoshi")).toThrow(/must start with postgresql:\/\/ \(got mysql:\/\/\)/);
    expect(() => parseDatabaseUrl("postgresql://u@localhost")).toThrow(/must name a host and a database/);
    expect(() => parseDatabaseUrl("nope")).toThrow(StartupError);
  });

  it("never prints the password of a URL", () => {
    expect(redactDatabaseUrl("postgresql://luoshi:s3cret@db:5432/luoshi")).toBe("postgresql://luoshi:***@db:5432/luoshi");
    expect(redactDatabaseUrl("::")).toBe("(unparseable)");
  });

  it("refuses bad proxy, session and token settings before the server starts", () => {
    expect(() => checkAppSettings({ LUOSHI_TRUSTED_PROXIES: "10.0.0.1, ::1", LUOSHI_SESSION_MAX_HOURS: "8" })).not.toThrow();
    expect(() => checkAppSettings({ LUOSHI_TRUSTED_PROXIES: "10.0.0.1, proxy.example" })).toThrow(/LUOSHI_TRUSTED_PROXIES: not an IP address: proxy.example/);
    for (const name of ["LUOSHI_SESSION_MAX_HOURS", "LUOSHI_SESSION_IDLE_MINUTES", "LUOSHI_API_TOKEN_DAYS"]) {
      for (const bad of ["0", "abc", "1.5", "-3"]) expect(() => checkAppSettings({ [name]: bad }), `${name}=${bad}`).toThrow(StartupError);
    }
  });

  it("parses PORT strictly", () => {
    expect(parsePort("3000")).toBe(3000);
    for (const bad of ["0", "65536", "abc", "30.5", "-1", ""]) expect(() => parsePort(bad)).toThrow(/PORT must be a number/);
  });

  it("says clearly when the port is taken", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const { port } = blocker.address() as net.AddressInfo;
    await expect(assertPortFree(port)).rejects.toThrow(`Port ${port} is already in use`);
    await new Promise((resolve) => blocker.close(resolve));
    await expect(assertPortFree(port)).resolves.toBeUndefined();
  });
});
