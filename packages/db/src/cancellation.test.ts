// A request's statements stop on the server when the request is abandoned; the others run on.
// PostgreSQL only: PGlite runs in the process, one statement at a time, and has nothing to cancel.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelledWith } from "./cancellation";
import { createTestDatabase, type TestDatabase } from "./testing";

const onPostgres = Boolean(process.env.DATABASE_URL);
let db: TestDatabase;
beforeAll(async () => {
  if (onPostgres) db = await createTestDatabase({ migrate: false, maxConnections: 3 });
});
afterAll(async () => {
  await db?.dispose();
});

const sleeping = async () =>
  (
    await db.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE 'SELECT pg_sleep%'",
    )
  )[0]?.n ?? 0;

describe.runIf(onPostgres)("statements of an abandoned request", () => {
  it("are cancelled on the server, through the SQL driver and through Prisma, and the pool goes on", async () => {
    const controller = new AbortController();
    const started = performance.now();
    const driver = cancelledWith(controller.signal, () => db.sql.query("SELECT pg_sleep(30)"));
    const prisma = cancelledWith(controller.signal, async () => await db.prisma.$queryRawUnsafe("SELECT pg_sleep(30)::text"));
    for (let i = 0; i < 100 && (await sleeping()) < 2; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await sleeping()).toBe(2);
    controller.abort();
    const [byDriver, byPrisma] = await Promise.allSettled([driver, prisma]);
    expect(byDriver).toMatchObject({ status: "rejected", reason: { code: "57014" } });
    expect(byPrisma).toMatchObject({ status: "rejected", reason: { message: expect.stringMatching(/canceling statement/) } });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(await sleeping()).toBe(0);
    // Every connection went back to the pool (of 3) in working order.
    const answers = await Promise.all([1, 2, 3].map((n) => db.sql.query<{ n: number }>("SELECT $1::int AS n", [n])));
    expect(answers.map(([row]) => row?.n)).toEqual([1, 2, 3]);
  });

  it("leaves alone what was sent outside the scope, and what ended before the abort", async () => {
    const controller = new AbortController();
    const done = await cancelledWith(controller.signal, () => db.sql.query<{ n: number }>("SELECT 3 AS n"));
    const outside = db.sql.query<{ slept: string }>("SELECT pg_sleep(0.5)::text AS slept");
    for (let i = 0; i < 100 && (await sleeping()) < 1; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    expect(done).toEqual([{ n: 3 }]);
    expect(await outside).toEqual([{ slept: "" }]);
  });

  it("sends nothing for a request gone before it started, or while it waited for a connection", async () => {
    await expect(cancelledWith(AbortSignal.abort(), () => db.sql.query("CREATE TABLE sent_when_gone ()"))).rejects.toThrow(/abort/i);
    // Every connection of the pool busy: the statement waits for one; its client leaves meanwhile.
    let free = () => {};
    const gate = new Promise<void>((resolve) => {
      free = resolve;
    });
    const busy = [1, 2, 3].map(() => db.sql.transaction(() => gate));
    const controller = new AbortController();
    const waiting = cancelledWith(controller.signal, () => db.sql.query("CREATE TABLE sent_after_leaving ()")).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    free();
    await Promise.all(busy);
    expect(await waiting).toMatchObject({ name: "AbortError" });
    const [tables] = await db.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE tablename LIKE 'sent_%'");
    expect(tables?.n).toBe(0);
  });
});
