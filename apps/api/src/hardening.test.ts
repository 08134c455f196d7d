// The failures found by probing the running API as an attacker would: CORS, headers, malformed
// input, error codes. Each case failed before its fix.
import http from "node:http";
import { parseTrustedProxies } from "@oess/auth";
import { DEMO_PASSWORD } from "@oess/db";
import { createTestDatabase, type TestDatabase } from "@oess/db/testing";
import { loadTerritory } from "@oess/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "./app";
import { DEFAULT_READS_PER_MINUTE } from "./config";
import { serveOnLoopback } from "./test-client";

let db: TestDatabase;
let app: App;
const DASHBOARD = "https://observatoire.example";
beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  app = createApp({
    db,
    territory: loadTerritory(),
    urls: { openDataPage: `${DASHBOARD}/donnees-ouvertes` },
    security: { trustedProxies: parseTrustedProxies("loopback"), corsOrigins: [DASHBOARD], readsPerMinute: DEFAULT_READS_PER_MINUTE },
  });
});
afterAll(() => db.dispose());

const JSON_HEADERS: Readonly<Record<string, string>> = { "content-type": "application/json", accept: "application/graphql-response+json" };
type Body = { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };

async function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await app.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { ...JSON_HEADERS, "x-graphql-yoga-csrf": "1", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { response, body: (await response.json()) as Body };
}

describe("CORS: credentials for the dashboard only", () => {
  it("refuses the CSRF header and credentials to another origin's preflight", async () => {
    const response = await app.fetch("http://localhost/graphql", {
      method: "OPTIONS",
      headers: {
        origin: "https://evil.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, x-graphql-yoga-csrf",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    expect(response.headers.get("access-control-allow-headers")).not.toMatch(/csrf/i);
  });

  it("lets another origin read anonymously, without credentials", async () => {
    const { response, body } = await post("{ dataset { isDemo } }", {}, { origin: "https://evil.example" });
    expect(body.data.dataset.isDemo).toBe(true);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("gives the configured dashboard origin credentials and the CSRF header", async () => {
    const response = await app.fetch("http://localhost/graphql", {
      method: "OPTIONS",
      headers: { origin: DASHBOARD, "access-control-request-method": "POST", "access-control-request-headers": "content-type, x-graphql-yoga-csrf" },
    });
    expect(response.headers.get("access-control-allow-origin")).toBe(DASHBOARD);
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(response.headers.get("access-control-allow-headers")).toMatch(/x-graphql-yoga-csrf/);
    expect(response.headers.get("vary")).toMatch(/Origin/);
  });

  it("serves open data to any origin with `*`, never credentials, and always varies on Accept-Encoding", async () => {
    const response = await app.fetch("http://localhost/opendata/partners.csv", { headers: { origin: "https://evil.example", "accept-encoding": "gzip" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(response.headers.get("vary")).toMatch(/Accept-Encoding/);
  });

  it("marks signed-in answers private and unstorable", async () => {
    const login = await post(`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { name } }`, {
      e: "editrice@agglo-niort.example",
      p: DEMO_PASSWORD,
    });
    expect(login.response.headers.get("cache-control")).toBe("private, no-store");
    const cookie = (login.response.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const me = await post("{ me { email } }", {}, { cookie });
    expect(me.body.data.me.email).toBe("editrice@agglo-niort.example");
    expect(me.response.headers.get("cache-control")).toBe("private, no-store");
  });
});

describe("security headers", () => {
  it("sends nosniff, a referrer policy and no framing on every kind of answer", async () => {
    for (const path of ["/graphql?query=%7B__typename%7D", "/opendata/communes.json", "/healthz"]) {
      const response = await app.fetch(`http://localhost${path}`);
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("content-security-policy"), path).toMatch(/frame-ancestors 'none'/);
    }
  });
});

describe("GraphiQL", () => {
  it("is served from the project's own files, with the guide's first example", async () => {
    const response = await app.fetch("http://localhost/graphql", { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("headlineFigures(fromYear: 2020, toYear: 2025)");
    expect(html).not.toMatch(/<script[^>]+src=["']https?:|<link[^>]+href=["']https?:|unpkg\.com|jsdelivr/);
    expect(html.length).toBeGreaterThan(100_000); // the bundle itself, not a loader
    expect(response.headers.get("content-security-policy")).toMatch(/script-src 'self' 'unsafe-inline'/);
  });
});

describe("malformed input gets a 400 with a code, never an unexpected error", () => {
  const cases: Array<[string, string, Record<string, unknown>, RegExp]> = [
    ["a non-UUID in an id filter", `{ fundings(first: 1, where: { funderId: { equals: "nope" } }) { totalCount } }`, {}, /identifier must be a UUID/],
    [
      "a NUL byte in a string",
      `query ($n: String!) { enterprises(first: 1, where: { name: { contains: $n } }) { totalCount } }`,
      { n: "a\u0000b" },
      /variables\.n contains a NUL/,
    ],
    [
      "a lone surrogate",
      `query ($n: String!) { enterprises(first: 1, where: { name: { contains: $n } }) { totalCount } }`,
      { n: "a\ud800b" },
      /variables\.n is not valid Unicode/,
    ],
    [
      "a NUL byte in a mutation, in French",
      `mutation ($b: String!) { addComment(body: $b, viewPath: "/") { id } }`,
      { b: "bonjour\u0000" },
      /variables\.b contient un caractère nul/,
    ],
  ];
  for (const [name, query, variables, message] of cases) {
    it(name, async () => {
      const { response, body } = await post(query, variables);
      expect(body.errors?.[0]?.message).toMatch(message);
      expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(response.status).toBe(400);
    });
  }

  it("a body announced over 12 MB is refused before it is read", async () => {
    const response = await app.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { ...JSON_HEADERS, "content-length": String(50 * 1024 * 1024) },
      body: "{}",
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as Body).errors?.[0]?.extensions?.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("a global ID whose UUID is not one", async () => {
    const { body } = await post(`{ node(id: "${Buffer.from("Funding:not-a-uuid").toString("base64")}") { id } }`);
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(body.errors?.[0]?.message).not.toBe("Unexpected error.");
  });

  it("JSON nested 100 000 deep", async () => {
    const response = await app.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { ...JSON_HEADERS }, // a copy: the request would add its content-length to the shared object
      body: `{"query":"{ dataset { isDemo } }","variables":{"x":${"[".repeat(100_000)}${"]".repeat(100_000)}}}`,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Body;
    expect(body.errors?.[0]?.extensions?.code).toMatch(/^BAD_(USER_INPUT|REQUEST)$/);
  });

  it("bad cursors, bad global IDs, complexity and alias limits carry a code; no limit calls itself a syntax error", async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: dataset { isDemo }`).join(" ");
    const probes: Array<[string, string]> = [
      [`{ fundings(first: 1, after: "bad-cursor") { totalCount } }`, "BAD_USER_INPUT"],
      [`{ node(id: "garbage!!") { id } }`, "BAD_USER_INPUT"],
      [
        `{ fundings(first: 100) { edges { node { funder { fundingsGiven(first: 100) { edges { node { funder { fundingsGiven(first: 100) { totalCount } } } } } } } } } }`,
        "QUERY_TOO_COMPLEX",
      ],
      [`{ ${aliases} }`, "QUERY_TOO_COMPLEX"],
    ];
    for (const [query, code] of probes) {
      const { body } = await post(query);
      expect(body.errors?.[0]?.extensions?.code, query.slice(0, 40)).toBe(code);
      expect(body.errors?.[0]?.message).not.toMatch(/^Syntax Error/);
    }
  });
});

describe("sign-in limits behind proxies", () => {
  /** The app on a real socket, so that the peer's address is the test's own (127.0.0.1). */
  async function serve(trustProxy: string) {
    const server = await serveOnLoopback(
      createApp({
        db,
        territory: loadTerritory(),
        urls: { openDataPage: `${DASHBOARD}/donnees-ouvertes` },
        security: { trustedProxies: parseTrustedProxies(trustProxy), corsOrigins: [], readsPerMinute: DEFAULT_READS_PER_MINUTE },
      }),
    );
    const url = `${server.url}/graphql`;
    const login = async (forwardedFor: string) => {
      const response = await fetch(url, {
        method: "POST",
        headers: { ...JSON_HEADERS, "x-graphql-yoga-csrf": "1", "x-forwarded-for": forwardedFor },
        body: JSON.stringify({ query: `mutation { login(email: "lecteur@agglo-niort.example", password: "pas le bon") { name } }` }),
      });
      return ((await response.json()) as Body).errors?.[0]?.extensions?.code;
    };
    return { login, close: server.close };
  }

  it("ignores X-Forwarded-For from a client that is not a trusted proxy: a new address per guess does not reset the count", async () => {
    const api = await serve("none");
    try {
      const codes = [];
      for (let i = 1; i <= 6; i++) codes.push(await api.login(`203.0.113.${i}`));
      expect(codes).toEqual(["UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "RATE_LIMITED"]);
    } finally {
      await api.close();
      await db.prisma.loginAttempt.deleteMany({});
    }
  });

  it("believes a trusted proxy's X-Forwarded-For: its clients are counted apart", async () => {
    const api = await serve("loopback");
    try {
      const codes = [];
      for (let i = 1; i <= 6; i++) codes.push(await api.login(`203.0.113.${i}`));
      expect(codes.every((c) => c === "UNAUTHENTICATED")).toBe(true);
    } finally {
      await api.close();
      await db.prisma.loginAttempt.deleteMany({});
    }
  });
});

describe("the catalogue's public URLs", () => {
  /** The app on a real socket (peer 127.0.0.1), with or without a configured public URL. */
  async function serve(options: { api?: string; trustProxy: string }) {
    const server = await serveOnLoopback(
      createApp({
        db,
        territory: loadTerritory(),
        urls: { openDataPage: `${DASHBOARD}/donnees-ouvertes`, api: options.api },
        security: { trustedProxies: parseTrustedProxies(options.trustProxy), corsOrigins: [], readsPerMinute: DEFAULT_READS_PER_MINUTE },
      }),
    );
    const { port } = server;
    /** GET with any headers, Host included (fetch would not send another Host). */
    const get = (path: string, headers: Record<string, string>) =>
      new Promise<{ headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
        http
          .get({ host: "127.0.0.1", port, path, headers }, (response) => {
            let body = "";
            response.setEncoding("utf8");
            response.on("data", (chunk: string) => (body += chunk));
            response.on("end", () => resolve({ headers: response.headers, body }));
          })
          .on("error", reject);
      });
    return { get, port, close: server.close };
  }

  it("come from PUBLIC_API_URL whatever the request says, and are cached publicly", async () => {
    const api = await serve({ api: "https://api.observatoire.example", trustProxy: "loopback" });
    try {
      const { headers, body } = await api.get("/opendata/catalog.ttl", { host: "evil.example", "x-forwarded-host": "evil.example" });
      expect(body).toContain("<https://api.observatoire.example/opendata/fundings.csv>");
      expect(body).not.toContain("evil.example");
      expect(headers["cache-control"]).toMatch(/^public/);
    } finally {
      await api.close();
    }
  });

  it("without it, believe a trusted proxy's X-Forwarded-* only, say so, and stay out of shared caches", async () => {
    const untrusting = await serve({ trustProxy: "none" });
    try {
      const spoofed = await untrusting.get("/opendata/catalog.ttl", { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
      expect(spoofed.body).toContain(`<http://127.0.0.1:${untrusting.port}/opendata/fundings.csv>`);
      expect(spoofed.body).not.toContain("evil.example");
      // A Host header is what the client asked for: it may appear, but never in a shared cache.
      const host = await untrusting.get("/opendata/datapackage.json", { host: "evil.example" });
      expect(host.body).toContain("http://evil.example/opendata/");
      expect(host.headers["cache-control"]).toBe("private, max-age=300");
      expect(JSON.parse(host.body).description).toContain("déduites de la requête");
      expect((await untrusting.get("/opendata/communes.csv", {})).headers["cache-control"]).toMatch(/^public/);
    } finally {
      await untrusting.close();
    }
    const proxied = await serve({ trustProxy: "loopback" });
    try {
      const { body } = await proxied.get("/opendata/catalog.jsonld", { "x-forwarded-host": "observatoire.example", "x-forwarded-proto": "https" });
      expect(body).toContain('"https://observatoire.example/opendata/fundings.csv"');
    } finally {
      await proxied.close();
    }
  });
});
