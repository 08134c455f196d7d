import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies } from "./client-address";

describe("client address behind proxies", () => {
  const loopback = parseTrustedProxies("loopback");

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1", loopback)).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9", null, parseTrustedProxies("none"))).toBe("203.0.113.9");
  });

  it("believes a trusted proxy, and only for the hops it vouches for", () => {
    expect(clientAddress("127.0.0.1", "198.51.100.1", loopback)).toBe("198.51.100.1");
    expect(clientAddress("::ffff:127.0.0.1", "198.51.100.1", loopback)).toBe("198.51.100.1");
    // A client that sends its own header through the proxy: the proxy appended the real address.
    expect(clientAddress("127.0.0.1", "6.6.6.6, 198.51.100.1", loopback)).toBe("198.51.100.1");
    const chain = parseTrustedProxies("loopback, 10.0.0.0/8");
    expect(clientAddress("127.0.0.1", "6.6.6.6, 198.51.100.1, 10.1.2.3", chain)).toBe("198.51.100.1");
    expect(clientAddress("127.0.0.1", "not an address", loopback)).toBe("127.0.0.1");
  });

  it("says which TRUST_PROXY entry is wrong", () => {
    expect(() => parseTrustedProxies("loopback, proxy.example")).toThrow(/TRUST_PROXY: "proxy.example"/);
    expect(() => parseTrustedProxies("10.0.0.0/x")).toThrow(/TRUST_PROXY/);
    expect(parseTrustedProxies("2001:db8::/32").trusts("2001:db8::1")).toBe(true);
  });
});
