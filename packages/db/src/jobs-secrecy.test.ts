import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "./prepare";
import { jobsProtection, secrecyRules } from "./queries/jobs-secrecy";
import { createTestDatabase, type TestDatabase } from "./testing";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
});
afterAll(() => db.dispose());

const secretCells = async () => [...(await jobsProtection(db.sql)).protection.cells()].filter((c) => c.secret !== null).length;

describe("thresholds of statistical confidentiality", () => {
  it("are the usual ones by default, are stored at start-up for every process, and rebuild the protected table", async () => {
    expect(await secrecyRules(db.sql)).toEqual({ minContributors: 3, dominancePercent: 85 });
    const byDefault = await secretCells();
    expect(byDefault).toBeGreaterThan(0);

    // One contributor is enough and no dominance rule: nothing is secret any more.
    await prepareDatabase(db, { demoData: "off", secrecyRules: { minContributors: 1, dominancePercent: 100 } });
    expect(await secrecyRules(db.sql)).toEqual({ minContributors: 1, dominancePercent: 100 });
    expect(await secretCells()).toBe(0);

    await prepareDatabase(db, { demoData: "off", secrecyRules: { minContributors: 5, dominancePercent: 85 } });
    expect(await secretCells()).toBeGreaterThan(byDefault);
  });
});
