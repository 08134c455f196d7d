// The worklist: what each signed-in user must act on, counted and paged by the database. Its
// totals are checked against the tables themselves, its pages against each other.

import type { Viewer } from "@oess/app";
import { createTestDatabase, type TestDatabase } from "@oess/db/testing";
import type { RecordStatus } from "@oess/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, runner } from "./fixtures";

let db: TestDatabase;
let t: ReturnType<typeof runner>;
let admin: Viewer;
let editor: Viewer;
let reader: Viewer;
beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  t = runner(db);
  [admin, editor, reader] = await Promise.all([t.viewerOf(DEMO.admin), t.viewerOf(DEMO.editorCan), t.viewerOf(DEMO.viewerCan)]);
  // A few records of every kind and status for two organisations, on top of the demo's.
  for (const owner of ["can", "ville-niort"])
    for (const kind of ["Enterprise", "Incubation", "JobRecord", "Funding"] as const)
      for (const status of ["DRAFT", "SUBMITTED", "REJECTED", "PUBLISHED"] as const) await t.makeRecord(kind, owner, status);
});
afterAll(() => db.dispose());

const LIST = `query ($kinds: [RecordKind!], $statuses: [RecordStatus!], $partnerId: String, $orderBy: WorklistOrder, $descending: Boolean, $offset: Int, $limit: Int) {
  worklist(kinds: $kinds, statuses: $statuses, partnerId: $partnerId, orderBy: $orderBy, descending: $descending, offset: $offset, limit: $limit) {
    totalCount offset
    items { id databaseId kind label status ownerName ownerPartnerId updatedAt reviewNote }
    groups { ownerName kind status count }
  } }`;

/** What the four tables hold, counted without the worklist's SQL. */
async function counted(statuses: readonly RecordStatus[], ownerPartnerId?: string): Promise<number> {
  const where = { status: { in: [...statuses] }, ...(ownerPartnerId ? { ownerPartnerId } : {}) };
  const counts = await Promise.all([
    db.prisma.enterprise.count({ where }),
    db.prisma.incubation.count({ where }),
    db.prisma.jobRecord.count({ where }),
    db.prisma.funding.count({ where }),
  ]);
  return counts.reduce((a, b) => a + b, 0);
}

describe("worklist", () => {
  it("lists every unpublished record of the member's organisations, and nothing of others", async () => {
    const can = await t.partnerId("can");
    for (const who of [editor, reader]) {
      const result = await t.run(LIST, { limit: 200 }, who);
      expect(result.errors).toBeUndefined();
      const list = result.data.worklist;
      expect(list.totalCount).toBe(await counted(["DRAFT", "SUBMITTED", "REJECTED"], can));
      expect(list.items).toHaveLength(list.totalCount);
      expect(new Set(list.items.map((i: { ownerPartnerId: string }) => i.ownerPartnerId))).toEqual(new Set([can]));
      expect(list.items.every((i: { status: string }) => i.status !== "PUBLISHED")).toBe(true);
    }
  });

  it("gives the coordination every organisation's, with totals by organisation, kind and status", async () => {
    const list = (await t.run(LIST, { limit: 1 }, admin)).data.worklist;
    expect(list.totalCount).toBe(await counted(["DRAFT", "SUBMITTED", "REJECTED"]));
    expect(list.items).toHaveLength(1);
    const byGroups = list.groups.reduce((n: number, g: { count: number }) => n + g.count, 0);
    expect(byGroups).toBe(list.totalCount);
    const ville = list.groups.filter((g: { ownerName: string }) => g.ownerName === "Ville de Niort");
    expect(ville.length).toBeGreaterThanOrEqual(12);
  });

  it("pages without losing or repeating a record, in the order asked", async () => {
    const submitted = await counted(["SUBMITTED"]);
    const seen: Array<{ databaseId: string; updatedAt: string; label: string }> = [];
    for (let offset = 0; offset < submitted; offset += 3) {
      const page = (await t.run(LIST, { statuses: ["SUBMITTED"], offset, limit: 3 }, admin)).data.worklist;
      expect(page).toMatchObject({ totalCount: submitted, offset });
      seen.push(...page.items);
    }
    expect(new Set(seen.map((i) => i.databaseId)).size).toBe(submitted);
    const times = seen.map((i) => Date.parse(i.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const byName = (await t.run(LIST, { orderBy: "NAME", limit: 200 }, editor)).data.worklist.items.map((i: { label: string }) => i.label.toLowerCase());
    expect(byName).toEqual([...byName].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("filters by kind, status and organisation, and shows a rejection's reason", async () => {
    const rejected = await t.makeRecord("JobRecord", "can", "DRAFT");
    await t.run(`mutation ($id: ID!) { submitRecord(id: $id, version: 1) { status } }`, { id: rejected.globalId }, editor);
    await t.run(`mutation ($id: ID!) { rejectRecord(id: $id, version: 2, reason: "ETP à vérifier") { status } }`, { id: rejected.globalId }, admin);
    const list = (await t.run(LIST, { kinds: ["JobRecord"], statuses: ["REJECTED"], partnerId: await t.partnerId("can") }, admin)).data.worklist;
    expect(list.items.every((i: { kind: string; status: string }) => i.kind === "JobRecord" && i.status === "REJECTED")).toBe(true);
    expect(list.items).toContainEqual(expect.objectContaining({ databaseId: rejected.id, reviewNote: "ETP à vérifier" }));
    expect(list.items[0].label).toMatch(/— 3 emplois en 2024$/);
  });

  it("says what « Tout publier » would leave submitted, and why", async () => {
    const can = await t.partnerId("can");
    const create = async (enterpriseId: string) =>
      (
        await t.run(
          `mutation ($p: String!, $i: JobRecordInput!) { createJobRecord(partnerId: $p, input: $i) { databaseId } }`,
          { p: can, i: { enterpriseId, year: 2025, jobsCreated: 1, fte: "1", source: "test", dataYear: 2025 } },
          editor,
        )
      ).data.createJobRecord.databaseId;
    // One waits for a draft enterprise: it stays. One waits for a submitted enterprise of its own
    // organisation: published first by the same step, it goes with it.
    const draft = await t.makeRecord("Enterprise", "can", "DRAFT");
    const submitted = await t.makeRecord("Enterprise", "can", "SUBMITTED");
    const [stays, goes] = [await create(draft.id), await create(submitted.id)];
    const problems = async () => {
      const items = (await t.run(`{ worklist(kinds: [JobRecord], statuses: [DRAFT], limit: 200) { items { databaseId publicationProblems } } }`, {}, admin))
        .data.worklist.items;
      return Object.fromEntries(items.map((i: { databaseId: string; publicationProblems: string[] }) => [i.databaseId, i.publicationProblems]));
    };
    const before = await problems();
    expect(before[stays]).toEqual([expect.stringContaining("Publiez d'abord l'entreprise")]);
    expect(before[goes]).toEqual([]);
    // And the step itself agrees.
    for (const id of [stays, goes]) await db.prisma.jobRecord.update({ where: { id }, data: { status: "SUBMITTED" } });
    await t.run(`mutation ($p: String!) { publishAllSubmitted(partnerId: $p) { changed } }`, { p: can }, admin);
    const statuses = await db.prisma.jobRecord.findMany({ where: { id: { in: [stays, goes] } }, select: { id: true, status: true } });
    expect(Object.fromEntries(statuses.map((r) => [r.id, r.status]))).toEqual({ [stays]: "SUBMITTED", [goes]: "PUBLISHED" });
  });

  it("refuses an anonymous caller and a page size out of bounds", async () => {
    expect((await t.run(LIST, {}, null)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const tooMany = await t.run(LIST, { limit: 500, offset: -1 }, admin);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(tooMany.errors?.[0]?.extensions?.problems.map((p: { field: string }) => p.field)).toEqual(["limit", "offset"]);
  });
});
