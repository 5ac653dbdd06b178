import { describe, expect, it, vi } from "vitest";
import {
  allowedOriginsFrom,
  createHostGuard,
  isAllowedHost,
  isAllowedOrigin,
  requestedHost,
  requestOrigin,
  siteOriginFrom,
} from "../../../app/kernel/server/site.server";

describe("the site's origin comes from configuration only", () => {
  it.each([
    [{}, "http://localhost:3000"],
    [{ PORT: "4567" }, "http://localhost:4567"],
    [{ PUBLIC_URL: "https://prize.example.org" }, "https://prize.example.org"],
    [{ PUBLIC_URL: "https://prize.example.org/some/path?x=1" }, "https://prize.example.org"],
    [{ PUBLIC_URL: "https://Prize.Example.org:443/", PORT: "8080" }, "https://prize.example.org"],
    [{ PUBLIC_URL: "http://prize.example.org:8080" }, "http://prize.example.org:8080"],
    [{ PUBLIC_URL: "  " }, "http://localhost:3000"],
  ])("with %j the site's origin is %s", (env, expected) => {
    expect(siteOriginFrom(env)).toBe(expected);
  });

  it.each(["not a url", "ftp://prize.example.org", "javascript:alert(1)"])(
    "a PUBLIC_URL of %j is refused at start",
    (value) => {
      expect(() => siteOriginFrom({ PUBLIC_URL: value })).toThrow(/PUBLIC_URL/);
    },
  );
});

describe("only the configured host is served", () => {
  const none = {};
  const configured = { PUBLIC_URL: "https://prize.example.org", PORT: "3000" };
  it.each([
    [none, "localhost:3000", true],
    [none, "LOCALHOST:3000", true],
    [none, "127.0.0.1:3000", true],
    [none, "[::1]:3000", true],
    [none, "localhost:3001", false],
    [none, "localhost", false],
    [none, "evil.example", false],
    [none, "evil.example:3000", false],
    [none, "localhost:3000@evil.example", false],
    [none, "localhost:3000/evil", false],
    [none, "", false],
    [none, undefined, false],
    [none, "a b", false],
    [none, "localhost:abc", false],
    [{ PORT: "80" }, "localhost", true],
    [configured, "prize.example.org", true],
    [configured, "prize.example.org:443", true],
    [configured, "PRIZE.example.org", true],
    [configured, "localhost:3000", true],
    [configured, "prize.example.org.evil.example", false],
    [configured, "evil.example", false],
    [configured, "prize.example.org:8443", false],
  ])("with %j the host %j is allowed: %s", (env, host, expected) => {
    expect(isAllowedHost(host, env)).toBe(expected);
  });

  it("X-Forwarded-Host is read only behind a trusted proxy, and only its first value", () => {
    expect(requestedHost({ host: "localhost:3000", forwardedHost: "evil.example", trustProxy: false })).toBe(
      "localhost:3000",
    );
    expect(
      requestedHost({ host: "localhost:3000", forwardedHost: "prize.example.org, evil.example", trustProxy: true }),
    ).toBe("prize.example.org");
    expect(requestedHost({ host: "localhost:3000", forwardedHost: undefined, trustProxy: true })).toBe(
      "localhost:3000",
    );
  });

  it("a refused host is logged once, whatever the number of requests, with the advice to set PUBLIC_URL", () => {
    const log = vi.fn();
    const allowed = createHostGuard({ PORT: "3000" }, log);
    expect(allowed({ host: "evil.example" })).toBe(false);
    expect(allowed({ host: "other.example" })).toBe(false);
    expect(allowed({ host: "localhost:3000" })).toBe(true);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toMatch(/Set PUBLIC_URL/);
  });

  it("a forged X-Forwarded-Host neither passes nor fails the host check without TRUST_PROXY", () => {
    const allowed = createHostGuard({ PORT: "3000" }, () => {});
    expect(allowed({ host: "localhost:3000", forwardedHost: "evil.example" })).toBe(true);
    expect(allowed({ host: "evil.example", forwardedHost: "localhost:3000" })).toBe(false);
    const behindProxy = createHostGuard(
      { PORT: "3000", TRUST_PROXY: "1", PUBLIC_URL: "https://prize.example.org" },
      () => {},
    );
    expect(behindProxy({ host: "localhost:3000", forwardedHost: "prize.example.org", forwardedProto: "https" })).toBe(
      true,
    );
    expect(behindProxy({ host: "localhost:3000", forwardedHost: "evil.example", forwardedProto: "https" })).toBe(false);
  });
});

describe("the Origin check accepts only configured origins", () => {
  it.each([
    [{ origin: "http://localhost:3000" }, "http://localhost:3000"],
    [{ referer: "http://localhost:3000/login?x=1" }, "http://localhost:3000"],
    [{ origin: "https://evil.example", referer: "http://localhost:3000/" }, "https://evil.example"],
    [{ referer: "not a url" }, null],
    [{ referer: "http://[broken" }, null],
    [{ referer: "javascript:alert(1)" }, null],
    [{}, null],
  ])("%j comes from %j", (headers, expected) => {
    expect(requestOrigin(headers)).toBe(expected);
  });

  it.each([
    [{}, { origin: "http://localhost:3000" }, true],
    [{}, { origin: "http://127.0.0.1:3000" }, true],
    [{}, { origin: "http://localhost:3001" }, false],
    [{}, { origin: "http://evil.example" }, false],
    [{}, { origin: "null" }, false],
    [{}, { referer: "::::" }, false],
    [{ PUBLIC_URL: "https://prize.example.org" }, { origin: "https://prize.example.org" }, true],
    [{ PUBLIC_URL: "https://prize.example.org" }, { origin: "http://localhost:3000" }, false],
    [{ PUBLIC_URL: "https://prize.example.org" }, { origin: "http://prize.example.org" }, false],
  ])("with %j, a mutation with %j is accepted: %s", (env, headers, expected) => {
    expect(isAllowedOrigin(headers, env)).toBe(expected);
  });

  it("the accepted origins never depend on a request", () => {
    expect([...allowedOriginsFrom({ PORT: "4000" })]).toEqual([
      "http://localhost:4000",
      "http://127.0.0.1:4000",
      "http://[::1]:4000",
    ]);
  });
});
