import { loadTerritory } from "@oess/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "./prepare";
import { dataVersion } from "./queries/data-change";
import { createTestDatabase, type TestDatabase } from "./testing";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
});
afterAll(() => db.dispose());

/** The change counter: the data version without its latest release number. */
const counter = async () => Number((await dataVersion(db.prisma)).version.split(".")[0]);
const rules = { minContributors: 3, dominancePercent: 85 };

// The data version keys every cache and ETag, and a dataset version compares every dataset
// when it has moved: a start-up that changes nothing must leave it where it was.
describe("a start-up", () => {
  it("on the same territory and thresholds leaves the data version as it was", async () => {
    await prepareDatabase(db, { demoData: "off", secrecyRules: rules });
    const before = await counter();
    await prepareDatabase(db, { demoData: "off", secrecyRules: rules });
    await prepareDatabase(db, { demoData: "off" });
    expect(await counter()).toBe(before);
  });

  it("puts back a commune that differs from the official list, as a data change", async () => {
    const [commune] = loadTerritory().communes;
    if (!commune) throw new Error("the territory lists no commune");
    await db.sql.query("UPDATE commune SET name = 'Renommée', population = 1 WHERE code = $1", [commune.code]);
    const before = await counter();
    await prepareDatabase(db, { demoData: "off" });
    const [row] = await db.sql.query<{ name: string; population: number }>("SELECT name, population FROM commune WHERE code = $1", [commune.code]);
    expect(row).toEqual({ name: commune.name, population: commune.population });
    expect(await counter()).toBeGreaterThan(before);
  });

  it("with new thresholds of confidentiality counts them as a data change", async () => {
    const before = await counter();
    await prepareDatabase(db, { demoData: "off", secrecyRules: { minContributors: 4, dominancePercent: 85 } });
    expect(await counter()).toBeGreaterThan(before);
  });
});
