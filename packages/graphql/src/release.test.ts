// Dataset versions through the API: who may take one, what `dataset` and `releases` say of them.

import type { Viewer } from "@oess/app";
import { createTestDatabase, type TestDatabase } from "@oess/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, runner } from "./fixtures";

let db: TestDatabase;
let t: ReturnType<typeof runner>;
let admin: Viewer;
let editor: Viewer;
beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  t = runner(db);
  [admin, editor] = await Promise.all([t.viewerOf(DEMO.admin), t.viewerOf(DEMO.editorCan)]);
});
afterAll(() => db.dispose());

const TAKE = "mutation ($note: String) { createRelease(note: $note) { version note releasedAt dataPackageUrl citation changes { dataset added rows } } }";
const DATASET = "{ dataset { version releasedAt citation } }";

describe("dataset versions", () => {
  it("has none before the first: no version, no citation", async () => {
    expect((await t.run(DATASET)).data.dataset).toEqual({ version: null, releasedAt: null, citation: null });
    expect((await t.run("{ releases { version } }")).data.releases).toEqual([]);
  });

  it("lets only the coordination take a version, and takes none when nothing published changed", async () => {
    expect((await t.run(TAKE)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await t.run(TAKE, {}, editor)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await t.run(TAKE, { note: "x".repeat(501) }, admin)).errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "note" });

    const first = await t.run(TAKE, { note: "  Bilan 2025  " }, admin);
    expect(first.errors).toBeUndefined();
    const release = first.data.createRelease;
    expect(release).toMatchObject({ version: 1, note: "Bilan 2025", dataPackageUrl: "https://api.test/opendata/v/1/datapackage.json" });
    const published = await db.prisma.funding.count({ where: { status: "PUBLISHED" } });
    expect(release.changes.find((c: { dataset: string }) => c.dataset === "fundings")).toEqual({ dataset: "fundings", added: published, rows: published });
    expect(release.citation).toContain("(version 1 du ");
    expect(release.citation).toContain("https://api.test/opendata/v/1/datapackage.json");

    const again = await t.run(TAKE, {}, admin);
    expect(again.errors).toBeUndefined();
    expect(again.data.createRelease).toBeNull();
  });

  it("names the latest version in `dataset`, lists every version newest first, and refuses an odd page", async () => {
    await db.sql.query("UPDATE funding SET amount = amount + 1 WHERE id = (SELECT id FROM funding WHERE status = 'PUBLISHED' LIMIT 1)");
    expect((await t.run(TAKE, {}, admin)).data.createRelease.version).toBe(2);
    const { dataset } = (await t.run(DATASET)).data;
    expect(dataset.version).toBe(2);
    expect(dataset.citation).toContain("/opendata/v/2/datapackage.json");
    const [row] = await db.sql.query<{ released_at: Date | string }>("SELECT released_at FROM release WHERE number = 2");
    expect(Date.parse(dataset.releasedAt)).toBe(new Date(row?.released_at ?? 0).getTime());

    const list = (await t.run("{ releases { version changes { dataset corrected } } }")).data.releases;
    expect(list.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    expect(list[0].changes.find((c: { dataset: string }) => c.dataset === "fundings").corrected).toBe(1);
    expect((await t.run("{ releases(first: 1) { version } }")).data.releases).toEqual([{ version: 2 }]);
    expect((await t.run("{ releases(first: 0) { version } }")).errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "first" });
  });
});
