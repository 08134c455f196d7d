// Read limits: an anonymous address gets its allowance, then 429 with the IETF draft's headers
// and Retry-After; signed-in partners, other addresses and the dashboard's server are not counted.
import { parseTrustedProxies } from "@oess/auth";
import { DEMO_PASSWORD } from "@oess/db";
import { createTestDatabase, type TestDatabase } from "@oess/db/testing";
import { loadTerritory } from "@oess/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "./app";
import { ReadRateLimiter } from "./plugins/rate-limit";
import { serveOnLoopback } from "./test-client";

const LIMIT = 5;
let db: TestDatabase;
let app: App;
beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  app = createApp({
    db,
    territory: loadTerritory(),
    urls: { openDataPage: "http://dashboard.test/donnees-ouvertes" },
    security: { trustedProxies: parseTrustedProxies("loopback"), corsOrigins: [], readsPerMinute: LIMIT },
  });
});
afterAll(() => db.dispose());

/** A request from `address` (in-process there is no socket: the last forwarded hop is the client). */
const graphql = (address: string, query: string, headers: Record<string, string> = {}) =>
  app.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address, "x-graphql-yoga-csrf": "1", ...headers },
    body: JSON.stringify({ query }),
  });

describe("ReadRateLimiter", () => {
  it("allows `limit` requests per window and address, then refuses until the window ends", () => {
    let now = 1_000_000;
    const limiter = new ReadRateLimiter(3, 60_000, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take("a"))).toMatchObject([
      { allowed: true, state: { remaining: 2 } },
      { allowed: true, state: { remaining: 1 } },
      { allowed: true, state: { remaining: 0 } },
      { allowed: false, state: { remaining: 0 } },
    ]);
    expect(limiter.take("b")).toMatchObject({ allowed: true, state: { remaining: 2, limit: 3, cost: 1 } });
    expect(limiter.take("a").state.resetAt.getTime()).toBe(1_060_000);
    now += 60_000;
    expect(limiter.take("a")).toMatchObject({ allowed: true, state: { remaining: 2 } });
  });
});

describe("anonymous reads", () => {
  it("counts each GraphQL read in the headers and in rateLimit, then answers 429 with Retry-After", async () => {
    const address = "203.0.113.7";
    for (let i = 1; i <= LIMIT; i++) {
      const response = await graphql(address, "{ rateLimit { limit remaining resetAt cost } }");
      expect(response.status).toBe(200);
      expect(response.headers.get("ratelimit-policy")).toBe(`"anonymous";q=${LIMIT};w=60`);
      expect(response.headers.get("ratelimit")).toMatch(new RegExp(`^"anonymous";r=${LIMIT - i};t=(60|59)$`));
      const { data } = (await response.json()) as { data: { rateLimit: { limit: number; remaining: number; resetAt: string; cost: number } } };
      expect(data.rateLimit).toMatchObject({ limit: LIMIT, remaining: LIMIT - i, cost: 1 });
      expect(Date.parse(data.rateLimit.resetAt) - Date.now()).toBeGreaterThan(58_000);
    }
    const refused = await graphql(address, "{ dataset { isDemo } }");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(55);
    expect(refused.headers.get("ratelimit")).toMatch(/^"anonymous";r=0;t=\d+$/);
    const body = (await refused.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe("RATE_LIMITED");
    expect(body.errors[0]?.message).toMatch(/5 a minute for anonymous reads/);

    const files = await app.fetch("http://localhost/opendata/communes.csv", { headers: { "x-forwarded-for": address } });
    expect(files.status).toBe(429);
    expect(files.headers.get("access-control-expose-headers")).toMatch(/RateLimit/);
    expect(((await files.json()) as { error: string }).error).toMatch(/Try again in \d+ s/);

    // Another address has its own allowance.
    expect((await graphql("203.0.113.8", "{ dataset { isDemo } }")).status).toBe(200);
  });

  it("counts open-data files too, and no cookie buys a pass: only a real session does", async () => {
    const address = "198.51.100.9";
    for (let i = 0; i < LIMIT; i++) {
      const response = await app.fetch("http://localhost/opendata/partners.csv", { headers: { "x-forwarded-for": address } });
      expect(response.status).toBe(200);
      await response.body?.cancel();
    }
    expect((await graphql(address, "{ dataset { isDemo } }", { cookie: "oess_session=forged" })).status).toBe(429);

    const login = await graphql("192.0.2.50", `mutation { login(email: "coordination@elan-niortais.example", password: "${DEMO_PASSWORD}") { email } }`);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(cookie).toMatch(/^oess_session=/);
    const signedIn = await graphql(address, "{ rateLimit { remaining } }", { cookie });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("ratelimit")).toBeNull();
    expect(((await signedIn.json()) as { data: { rateLimit: null } }).data.rateLimit).toBeNull();
  });

  it("does not count the dashboard's own server (a trusted proxy speaking for itself)", async () => {
    const server = await serveOnLoopback(app);
    try {
      const { url } = server;
      for (let i = 0; i < LIMIT + 2; i++) {
        const response = await fetch(`${url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: "{ dataset { isDemo } }" }),
        });
        expect(response.status).toBe(200);
        expect(response.headers.get("ratelimit")).toBeNull();
      }
      // A visitor it forwards is counted under the visitor's address.
      const forwarded = await fetch(`${url}/opendata/communes.csv`, { headers: { "x-forwarded-for": "203.0.113.99" } });
      await forwarded.body?.cancel();
      expect(forwarded.headers.get("ratelimit")).toBe(`"anonymous";r=${LIMIT - 1};t=60`);
    } finally {
      await server.close();
    }
  });
});
