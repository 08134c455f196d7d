// The life of a record: entered, submitted, rejected with a reason, corrected, published, then
// public; every step traced; no lost update; comments.

import type { Viewer } from "@oess/app";
import { createTestDatabase, type TestDatabase } from "@oess/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, runner } from "./fixtures";

let db: TestDatabase;
let t: ReturnType<typeof runner>;
let admin: Viewer;
let editor: Viewer;
let viewer: Viewer;
beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  t = runner(db);
  [admin, editor, viewer] = await Promise.all([t.viewerOf(DEMO.admin), t.viewerOf(DEMO.editorCan), t.viewerOf(DEMO.viewerCan)]);
});
afterAll(() => db.dispose());

const CREATE_JOBS = `mutation ($p: String!, $i: JobRecordInput!) { createJobRecord(partnerId: $p, input: $i) { id status version } }`;
const UPDATE_JOBS = `mutation ($id: ID!, $v: Int!, $i: JobRecordInput!) { updateJobRecord(id: $id, version: $v, input: $i) { version } }`;
const step = (name: string, extra = "") => `mutation ($id: ID!, $v: Int!) { ${name}(id: $id, version: $v${extra}) { status version reviewNote } }`;

describe("workflow", () => {
  it("goes draft → submitted → rejected (with reason) → submitted → published, and only then is public", async () => {
    const input = await t.validInput("JobRecord", "can");
    const created = await t.run(CREATE_JOBS, { p: await t.partnerId("can"), i: input }, editor);
    expect(created.errors).toBeUndefined();
    const { id } = created.data.createJobRecord;
    // Jobs records are read by signed-in users only (statistical confidentiality): "public" is seen by a user of no organisation.
    const stranger = { userId: "stranger", memberships: [] };
    const isPublic = async () => (await t.run(`query ($id: ID!) { node(id: $id) { id } }`, { id }, stranger)).data?.node !== null;
    expect(created.data.createJobRecord).toMatchObject({ status: "DRAFT", version: 1 });
    expect(await isPublic()).toBe(false);

    expect((await t.run(step("submitRecord"), { id, v: 1 }, editor)).data.submitRecord.status).toBe("SUBMITTED");
    const queue = await t.run(`{ reviewQueue { kind version label } }`, {}, admin);
    expect(queue.data.reviewQueue).toContainEqual(expect.objectContaining({ kind: "JobRecord", version: 2 }));

    const rejected = await t.run(
      step("rejectRecord", ", reason: $r").replace("$v: Int!)", "$v: Int!, $r: String!)"),
      { id, v: 2, r: "L'ETP dépasse l'effectif déclaré à l'URSSAF." },
      admin,
    );
    expect(rejected.data.rejectRecord).toEqual({ status: "REJECTED", version: 3, reviewNote: "L'ETP dépasse l'effectif déclaré à l'URSSAF." });
    expect((await t.run(UPDATE_JOBS, { id, v: 3, i: { ...input, fte: "1.0" } }, editor)).errors).toBeUndefined();
    expect((await t.run(step("submitRecord"), { id, v: 4 }, editor)).data.submitRecord.status).toBe("SUBMITTED");
    expect((await t.run(step("publishRecord"), { id, v: 5 }, admin)).data.publishRecord.status).toBe("PUBLISHED");
    expect(await isPublic()).toBe(true);

    // Once published, the organisation's editor can no longer change it; the history tells it all.
    const late = await t.run(UPDATE_JOBS, { id, v: 6, i: input }, editor);
    expect(late.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const history = await t.run(`query ($id: ID!) { history(id: $id) { action actorName note before after } }`, { id }, viewer);
    expect(history.data.history.map((e: { action: string }) => e.action)).toEqual(["CREATE", "SUBMIT", "REJECT", "UPDATE", "SUBMIT", "PUBLISH"]);
    const update = history.data.history[3];
    expect([update.before.fte, update.after.fte]).toEqual(["1.5", "1"]);
    expect(history.data.history[2]).toMatchObject({ actorName: "Camille Coordination", note: "L'ETP dépasse l'effectif déclaré à l'URSSAF." });
  });

  it("refuses to publish what depends on an unpublished enterprise, or a public grant the SCDL could not export", async () => {
    const draftEnterprise = await t.makeRecord("Enterprise", "can", "SUBMITTED");
    const jobs = await db.prisma.jobRecord.create({
      data: {
        enterpriseId: draftEnterprise.id,
        year: 2024,
        jobsCreated: 1,
        fte: "1",
        status: "SUBMITTED",
        source: "t",
        dataYear: 2024,
        ownerPartnerId: draftEnterprise.ownerPartnerId,
      },
    });
    const result = await t.run(step("publishRecord"), { id: Buffer.from(`JobRecord:${jobs.id}`).toString("base64"), v: 1 }, admin);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", problems: [{ field: "enterpriseId" }] });

    const grant = await t.run(
      `mutation ($p: String!, $i: FundingInput!) { createFunding(partnerId: $p, input: $i) { id version } }`,
      { p: await t.partnerId("can"), i: { ...(await t.validInput("Funding", "can")), conventionDate: null } },
      editor,
    );
    const { id, version } = grant.data.createFunding;
    const refused = await t.run(step("publishRecord"), { id, v: version }, admin);
    expect(refused.errors?.[0]?.extensions?.problems).toEqual([
      { field: "conventionDate", message: "La date de convention est obligatoire pour publier une subvention d'un organisme public (SCDL)." },
    ]);
    expect((await db.prisma.funding.findUniqueOrThrow({ where: { id: Buffer.from(id, "base64").toString().split(":")[1] } })).status).toBe("DRAFT");
  });

  it("names every faulty field of an input, in French, and writes nothing", async () => {
    const before = await db.prisma.auditEvent.count();
    const result = await t.run(
      `mutation ($p: String!, $i: EnterpriseInput!) { createEnterprise(partnerId: $p, input: $i) { id } }`,
      {
        p: await t.partnerId("can"),
        i: {
          name: " ",
          siret: "732 829 320 00075",
          legalFamily: "COOPERATIVE",
          nafCode: "99.99Z",
          communeCode: "75056",
          foundedOn: "2025-02-30",
          source: "x",
          dataYear: 2025,
        },
      },
      editor,
    );
    expect(((result.errors?.[0]?.extensions?.problems ?? []) as Array<{ field: string }>).map((p) => p.field)).toEqual([
      "input.name",
      "input.cooperativeKind",
      "input.siret",
      "input.nafCode",
      "input.communeCode",
      "input.foundedOn",
    ]);
    expect(await db.prisma.auditEvent.count()).toBe(before);
  });

  it("records an INSEE legal category that exists and agrees with the family, and gives it back with its label", async () => {
    const create = async (changes: Record<string, unknown>) =>
      t.run(
        `mutation ($p: String!, $i: EnterpriseInput!) { createEnterprise(partnerId: $p, input: $i) { id } }`,
        {
          p: await t.partnerId("can"),
          i: {
            name: "Scop des Essais",
            siret: t.freshSiret(),
            legalFamily: "COOPERATIVE",
            cooperativeKind: "SCOP",
            nafCode: "88.99B",
            communeCode: "79191",
            foundedOn: "2024-05-02",
            source: "test",
            dataYear: 2024,
            ...changes,
          },
        },
        editor,
      );
    const fields = async (changes: Record<string, unknown>) =>
      ((await create(changes)).errors?.[0]?.extensions?.problems as Array<{ field: string }> | undefined)?.map((p) => p.field);
    expect(await fields({ legalCategory: "1234" })).toEqual(["input.legalCategory"]);
    expect(await fields({ legalCategory: "9220" })).toEqual(["input.legalFamily"]);
    expect(await fields({ legalCategory: "5558", cooperativeKind: "SCIC" })).toEqual(["input.cooperativeKind"]);

    const created = await create({ legalCategory: " 5458 " });
    expect(created.errors).toBeUndefined();
    const id = created.data.createEnterprise.id;
    const read = await t.run(`query ($id: ID!) { node(id: $id) { ... on Enterprise { legalCategory { code label } } } }`, { id }, editor);
    expect(read.data.node.legalCategory).toEqual({ code: "5458", label: "SARL coopérative ouvrière de production (SCOP)" });

    // Without a family, the category gives it (and the Scop kind); without either, the family is asked for.
    const derived = await create({ legalCategory: "5458", legalFamily: null, cooperativeKind: null });
    expect(derived.errors).toBeUndefined();
    const stored = await t.run(
      `query ($id: ID!) { node(id: $id) { ... on Enterprise { legalFamily cooperativeKind } } }`,
      { id: derived.data.createEnterprise.id },
      editor,
    );
    expect(stored.data.node).toEqual({ legalFamily: "COOPERATIVE", cooperativeKind: "SCOP" });
    const association = await create({ legalCategory: "9220", legalFamily: null, cooperativeKind: null, name: "Les Jardins d'Essai" });
    expect(association.errors).toBeUndefined();
    expect(await fields({ legalFamily: null, cooperativeKind: null })).toEqual(["input.legalFamily"]);
    expect(await fields({ legalCategory: "7210", legalFamily: null, cooperativeKind: null })).toEqual(["input.legalFamily"]);
  });
});

describe("bulk review", () => {
  it("submits all of an organisation's drafts, then publishes what may be, leaving the rest submitted", async () => {
    const ville = await t.partnerId("ville-niort");
    const editorVille = await t.viewerOf(DEMO.editorVille);
    const ready = await t.makeRecord("JobRecord", "ville-niort", "DRAFT");
    const blocked = await t.makeRecord("Enterprise", "ville-niort", "DRAFT");
    const child = await db.prisma.incubation.create({
      data: {
        enterpriseId: blocked.id,
        supportingPartnerId: ville,
        startDate: new Date("2024-01-01"),
        outcome: "IN_PROGRESS",
        status: "DRAFT",
        source: "t",
        dataYear: 2024,
        ownerPartnerId: ville,
      },
    });
    const submitted = await t.run(`mutation ($p: String!) { submitAllDrafts(partnerId: $p) { changed remaining } }`, { p: ville }, editorVille);
    expect(submitted.data.submitAllDrafts.remaining).toBe(0);
    // The enterprise is withheld by hand, so its incubation cannot be published with the rest.
    await db.prisma.enterprise.update({ where: { id: blocked.id }, data: { status: "REJECTED" } });
    const before = await db.prisma.auditEvent.count({ where: { action: "PUBLISH" } });
    const published = await t.run(`mutation ($p: String!) { publishAllSubmitted(partnerId: $p) { changed remaining } }`, { p: ville }, admin);
    expect(published.data.publishAllSubmitted.remaining).toBe(1);
    expect((await db.prisma.jobRecord.findUniqueOrThrow({ where: { id: ready.id } })).status).toBe("PUBLISHED");
    expect((await db.prisma.incubation.findUniqueOrThrow({ where: { id: child.id } })).status).toBe("SUBMITTED");
    expect(await db.prisma.auditEvent.count({ where: { action: "PUBLISH" } })).toBe(before + published.data.publishAllSubmitted.changed);
  });
});

describe("no lost update", () => {
  it("lets exactly one of two concurrent edits of the same version through; the other learns the current version", async () => {
    const record = await t.makeRecord("JobRecord", "can", "DRAFT");
    const input = await t.validInput("JobRecord", "can");
    const enterpriseId = (await db.prisma.jobRecord.findUniqueOrThrow({ where: { id: record.id } })).enterpriseId;
    const edits = await Promise.all(
      ["4", "5"].map((jobs) =>
        t.run(UPDATE_JOBS, { id: record.globalId, v: record.version, i: { ...input, enterpriseId, jobsCreated: Number(jobs), fte: "1" } }, editor),
      ),
    );
    const conflicts = edits.filter((e) => e.errors?.[0]?.extensions?.code === "CONFLICT");
    expect(edits.filter((e) => !e.errors)).toHaveLength(1);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.errors?.[0]?.extensions?.currentVersion).toBe(2);
    expect(conflicts[0]?.errors?.[0]?.message).toContain("sa version actuelle est 2, vous avez envoyé la version 1");
    expect(await db.prisma.auditEvent.count({ where: { entityId: record.id, action: "UPDATE" } })).toBe(1);
  });
});

describe("comments", () => {
  it("are written by signed-in users on records and views; a hidden one keeps its trace but loses its text", async () => {
    const view = "/emplois?commune=79191";
    const added = await t.run(`mutation ($v: String!) { addComment(viewPath: $v, body: "Chiffre 2024 à confirmer") { databaseId } }`, { v: view }, viewer);
    const commentId = added.data.addComment.databaseId;
    expect((await t.run(`mutation ($v: String!) { addComment(viewPath: $v, body: "x") { databaseId } }`, { v: view })).errors?.[0]?.extensions?.code).toBe(
      "UNAUTHENTICATED",
    );
    expect(
      (await t.run(`mutation { addComment(viewPath: "https://ailleurs.example/", body: "x") { databaseId } }`, {}, viewer)).errors?.[0]?.extensions?.code,
    ).toBe("BAD_USER_INPUT");
    expect((await t.run(`mutation ($id: String!) { hideComment(id: $id) { hidden } }`, { id: commentId }, admin)).data.hideComment.hidden).toBe(true);
    const read = (who: Viewer) => t.run(`query ($v: String!) { comments(viewPath: $v) { body hidden authorName } }`, { v: view }, who);
    expect((await read(editor)).data.comments).toEqual([{ body: null, hidden: true, authorName: "Louis Lecteur (CAN)" }]);
    expect((await read(admin)).data.comments[0].body).toBe("Chiffre 2024 à confirmer");
    expect(await db.prisma.auditEvent.count({ where: { entityId: commentId } })).toBe(2);
  });
});
