// Sessions, CSRF and input fuzzing, through HTTP as browsers and scripts reach the API.
import { DEMO_PASSWORD } from "@oess/db";
import { createTestDatabase, type TestDatabase } from "@oess/db/testing";
import { loadTerritory } from "@oess/domain";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "./app";

let db: TestDatabase;
let app: App;
beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  app = createApp({ db, territory: loadTerritory(), urls: { openDataPage: "http://dashboard.test/donnees-ouvertes" } });
});
afterAll(() => db.dispose());

const CSRF = { "x-graphql-yoga-csrf": "1" };
async function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = CSRF, ip = "192.0.2.1") {
  const response = await app.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": ip, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    cookie: response.headers.get("set-cookie"),
    body: (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: any }> },
  };
}
const LOGIN = `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { name memberships { role partner { slug } } } }`;
async function signIn(email: string, ip = "192.0.2.10") {
  const result = await post(LOGIN, { e: email, p: DEMO_PASSWORD }, CSRF, ip);
  expect(result.body.errors).toBeUndefined();
  return (result.cookie ?? "").split(";")[0] as string;
}

describe("sessions", () => {
  it("signs in with a demo account: an HttpOnly, SameSite=Lax cookie that `me` then recognises; signs out", async () => {
    const result = await post(LOGIN, { e: "Editrice@Agglo-Niort.example ", p: DEMO_PASSWORD });
    expect(result.body.data.login).toEqual({ name: "Élise Éditrice (CAN)", memberships: [{ role: "EDITOR", partner: { slug: "can" } }] });
    expect(result.cookie).toMatch(/^oess_session=[\w-]{43}; Max-Age=1209600; Path=\/; HttpOnly; SameSite=Lax$/);
    const cookie = (result.cookie ?? "").split(";")[0] as string;
    expect((await post(`{ me { email } }`, {}, { cookie })).body.data.me).toEqual({ email: "editrice@agglo-niort.example" });
    expect((await post(`mutation { logout }`, {}, { ...CSRF, cookie })).body.data.logout).toBe(true);
    expect((await post(`{ me { email } }`, {}, { cookie })).body.data.me).toBeNull();
  });

  it("marks the cookie Secure when the browser reached the site over HTTPS (through the dashboard's proxy)", async () => {
    const result = await post(
      LOGIN,
      { e: "lecteur@agglo-niort.example", p: DEMO_PASSWORD },
      { ...CSRF, "x-forwarded-proto": "https", "x-forwarded-host": "observatoire.example" },
    );
    expect(result.cookie).toContain("; Secure");
  });

  it("refuses a wrong password and an unknown account alike, then stops the guessing address, not the account's owner", async () => {
    const wrong = await post(LOGIN, { e: "editeur@vivre-a-niort.example", p: "pas le bon" }, CSRF, "198.51.100.7");
    const unknown = await post(LOGIN, { e: "personne@nulle-part.example", p: "pas le bon" }, CSRF, "198.51.100.7");
    expect(wrong.body.errors?.[0]?.message).toBe("Adresse e-mail ou mot de passe incorrect.");
    expect(unknown.body.errors?.[0]?.message).toBe(wrong.body.errors?.[0]?.message);
    for (let i = 0; i < 4; i++) await post(LOGIN, { e: "editeur@vivre-a-niort.example", p: `essai ${i}` }, CSRF, "198.51.100.7");
    const blocked = await post(LOGIN, { e: "editeur@vivre-a-niort.example", p: DEMO_PASSWORD }, CSRF, "198.51.100.7");
    expect(blocked.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.retryAfter)).toBeGreaterThan(800); // the rest of the 15-minute window
    expect(blocked.cookie).toBeNull();
    // The owner, elsewhere, is not locked out by the guesser.
    const owner = await post(LOGIN, { e: "editeur@vivre-a-niort.example", p: DEMO_PASSWORD }, CSRF, "198.51.100.8");
    expect(owner.body.errors).toBeUndefined();
    expect(owner.cookie).toMatch(/^oess_session=/);
  });

  it("checks no more than 5 passwords when 40 guesses on one account arrive at once", async () => {
    const attempts = await Promise.all(
      Array.from({ length: 40 }, (_, i) => post(LOGIN, { e: "lectrice@vivre-a-niort.example", p: `devinette ${i}` }, CSRF, "198.51.100.20")),
    );
    const codes = attempts.map((a) => a.body.errors?.[0]?.extensions?.code);
    expect(codes.filter((c) => c === "UNAUTHENTICATED").length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === "RATE_LIMITED").length).toBeGreaterThanOrEqual(35);
  });
});

describe("CSRF", () => {
  it("refuses a mutation without the CSRF header, even with a valid session, and writes nothing", async () => {
    const cookie = await signIn("coordination@elan-niortais.example");
    const before = await db.prisma.comment.count();
    const attempt = await post(`mutation { addComment(viewPath: "/", body: "forgé") { databaseId } }`, {}, { cookie });
    expect(attempt.status).toBe(403);
    expect(attempt.body.errors?.[0]?.extensions?.code).toBe("CSRF");
    expect(await db.prisma.comment.count()).toBe(before);
    expect((await post(`mutation { addComment(viewPath: "/", body: "légitime") { databaseId } }`, {}, { ...CSRF, cookie })).body.errors).toBeUndefined();
  });

  it("refuses anonymous mutations, with a code that says to sign in, and writes nothing", async () => {
    const record = await db.prisma.enterprise.findFirstOrThrow({ select: { id: true, version: true } });
    const id = Buffer.from(`Enterprise:${record.id}`).toString("base64");
    const result = await post(`mutation ($id: ID!, $v: Int!) { submitRecord(id: $id, version: $v) { status } }`, { id, v: record.version });
    expect(result.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await db.prisma.enterprise.findUniqueOrThrow({ where: { id: record.id }, select: { version: true } })).version).toBe(record.version);
  });
});

// Every mutation's input, fuzzed: whatever arrives, the API answers without a server error, and
// an input it refuses leaves the database exactly as it was.
describe("fuzzing every mutation's input (fast-check)", () => {
  const footprint = async () =>
    (
      await db.sql.query<{
        n: string;
      }>(`SELECT concat_ws('/', (SELECT count(*) FROM audit_event), (SELECT count(*) FROM enterprise), (SELECT count(*) FROM incubation),
      (SELECT count(*) FROM job_record), (SELECT count(*) FROM funding), (SELECT count(*) FROM comment), (SELECT count(*) FROM app_user), (SELECT count(*) FROM membership),
      (SELECT sum(version) FROM enterprise), (SELECT sum(version) FROM funding)) AS n`)
    )[0]?.n;

  const anything = fc.oneof(
    fc.string(),
    fc.constant(""),
    fc.constant(null),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constantFrom("79191", "88.99B", "2024-02-30", "2025-01-15", "-1", "1e309", "W123456789", "73282932000074"),
  );
  const text = fc.oneof(fc.string(), fc.constantFrom("", " ", "/emplois", "RW50ZXJwcmlzZTox", "a".repeat(5000)));
  const year = fc.oneof(fc.integer({ min: 1990, max: 2110 }), fc.integer());
  const version = fc.oneof(fc.integer(), fc.constant(1));
  const enterprise = fc.record({
    name: anything,
    siret: anything,
    rna: anything,
    legalFamily: fc.constantFrom("ASSOCIATION", "COOPERATIVE", "MUTUAL", "nope"),
    cooperativeKind: fc.constantFrom(null, "SCOP", "SCIC"),
    nafCode: anything,
    communeCode: anything,
    foundedOn: anything,
    ceasedOn: anything,
    source: anything,
    dataYear: year,
  });
  const incubation = fc.record({
    enterpriseId: anything,
    supportingPartnerId: anything,
    startDate: anything,
    endDate: anything,
    outcome: fc.constantFrom("IN_PROGRESS", "CREATED", "ABANDONED"),
    source: anything,
    dataYear: year,
  });
  const jobs = fc.record({ enterpriseId: anything, year, jobsCreated: fc.integer(), fte: anything, source: anything, dataYear: year });
  const funding = fc.record({
    funderId: anything,
    beneficiaryEnterpriseId: anything,
    beneficiaryPartnerId: anything,
    amount: anything,
    year,
    decisionDate: anything,
    instrument: fc.constantFrom("GRANT", "LOAN", "X"),
    purpose: anything,
    decisionReference: anything,
    conventionDate: anything,
    fundingShare: anything,
    raeId: anything,
    source: anything,
    dataYear: year,
  });
  const inputs = { Enterprise: enterprise, Incubation: incubation, JobRecord: jobs, Funding: funding };
  // Partner and record ids: a real one, or anything.
  const partner = (can: string) => fc.oneof(fc.constant(can), text);
  const MUTATIONS: Array<[string, string, (can: string, record: string) => fc.Arbitrary<Record<string, unknown>>]> = [
    ...Object.entries(inputs).flatMap(
      ([kind, input]): Array<[string, string, (can: string, record: string) => fc.Arbitrary<Record<string, unknown>>]> => [
        [
          `create${kind}`,
          `mutation ($p: String!, $i: ${kind}Input!) { create${kind}(partnerId: $p, input: $i) { version } }`,
          (can) => fc.record({ p: partner(can), i: input }),
        ],
        [
          `update${kind}`,
          `mutation ($id: ID!, $v: Int!, $i: ${kind}Input!) { update${kind}(id: $id, version: $v, input: $i) { version } }`,
          (_can, record) => fc.record({ id: fc.oneof(fc.constant(record), text), v: version, i: input }),
        ],
      ],
    ),
    ...["submitRecord", "publishRecord", "deleteRecord"].map(
      (name): [string, string, (can: string, record: string) => fc.Arbitrary<Record<string, unknown>>] => [
        name,
        `mutation ($id: ID!, $v: Int!) { ${name}(id: $id, version: $v) { version } }`,
        (_can, record) => fc.record({ id: fc.oneof(fc.constant(record), text), v: version }),
      ],
    ),
    [
      "rejectRecord",
      "mutation ($id: ID!, $v: Int!, $r: String!) { rejectRecord(id: $id, version: $v, reason: $r) { version } }",
      (_can, record) => fc.record({ id: fc.oneof(fc.constant(record), text), v: version, r: text }),
    ],
    [
      "addComment",
      "mutation ($id: ID, $p: String, $b: String!) { addComment(recordId: $id, viewPath: $p, body: $b) { databaseId } }",
      (_can, record) => fc.record({ id: fc.option(fc.oneof(fc.constant(record), text)), p: fc.option(text), b: text }),
    ],
    ["hideComment", "mutation ($id: String!) { hideComment(id: $id) { hidden } }", () => fc.record({ id: text })],
    [
      "createUser",
      "mutation ($e: String!, $n: String!, $w: String!) { createUser(email: $e, name: $n, password: $w) { databaseId } }",
      () => fc.record({ e: fc.oneof(text, fc.emailAddress()), n: text, w: text }),
    ],
    [
      "setMembership",
      "mutation ($u: String!, $p: String!) { setMembership(userId: $u, partnerId: $p, role: ADMIN) { role } }",
      (can) => fc.record({ u: text, p: partner(can) }),
    ],
    [
      "removeMembership",
      "mutation ($u: String!, $p: String!) { removeMembership(userId: $u, partnerId: $p) }",
      (can) => fc.record({ u: text, p: partner(can) }),
    ],
    [
      "submitAllDrafts",
      "mutation ($p: String!) { submitAllDrafts(partnerId: $p) { changed } }",
      (can) => fc.record({ p: fc.oneof(text, fc.constant(can.replace(/.$/, "0"))) }),
    ],
    [
      "publishAllSubmitted",
      "mutation ($p: String!) { publishAllSubmitted(partnerId: $p) { changed } }",
      (can) => fc.record({ p: fc.oneof(text, fc.constant(can.replace(/.$/, "0"))) }),
    ],
    [
      "login",
      "mutation ($e: String!, $w: String!) { login(email: $e, password: $w) { name } }",
      () => fc.record({ e: fc.oneof(text, fc.emailAddress()), w: text }),
    ],
  ];

  for (const [name, query, variables] of MUTATIONS) {
    it(`${name}: no server error; a refused input writes nothing`, async () => {
      const cookie = await signIn("coordination@elan-niortais.example", "203.0.113.1");
      const can = (await db.prisma.partner.findUniqueOrThrow({ where: { slug: "can" } })).id;
      const record = Buffer.from(`Funding:${(await db.prisma.funding.findFirstOrThrow({ where: { status: "PUBLISHED" } })).id}`).toString("base64");
      await fc.assert(
        fc.asyncProperty(variables(can, record), async (vars) => {
          const before = await footprint();
          // login is fuzzed from many addresses, so as not to trip the rate limit on purpose.
          const result = await post(query, vars, { ...CSRF, cookie }, `203.0.113.${Math.floor(Math.random() * 250)}`);
          expect(result.status).toBeLessThan(500);
          if (result.body.errors) {
            for (const error of result.body.errors) expect(error.message).not.toBe("Unexpected error.");
            if (name !== "login") expect(await footprint()).toBe(before);
          }
        }),
        { numRuns: 40 },
      );
    });
  }
});
