// The authorization matrix: anonymous, viewer, editor and admin of partner A (CAN), the PTCE's
// coordination × every mutation × a record of A or of another organisation (Ville de Niort).
// Each case says allowed or refused; a refused case must have written nothing. Then what each
// of them reads of a record's history.

import type { Viewer } from "@oess/app";
import { createTestDatabase, type TestDatabase } from "@oess/db/testing";
import { RECORD_KINDS, type RecordKind } from "@oess/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, runner } from "./fixtures";

let db: TestDatabase;
let t: ReturnType<typeof runner>;
const viewers: Record<string, Viewer | null> = {};
beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  t = runner(db);
  viewers.anonymous = null;
  viewers.viewer = await t.viewerOf(DEMO.viewerCan);
  viewers.editor = await t.viewerOf(DEMO.editorCan);
  viewers.admin = await t.viewerOf(DEMO.admin);
  // An ADMIN of the CAN: administers the CAN, not the PTCE.
  const user = await db.prisma.user.create({ data: { email: "admin@agglo-niort.example", name: "Adèle Admin (CAN)" } });
  await db.prisma.membership.create({ data: { userId: user.id, partnerId: await t.partnerId("can"), role: "ADMIN" } });
  viewers.orgAdmin = await t.viewerOf("admin@agglo-niort.example");
});
afterAll(() => db.dispose());

/** `admin`: the PTCE's coordination; `orgAdmin`: an ADMIN of partner A only. */
type Role = "anonymous" | "viewer" | "editor" | "orgAdmin" | "admin";
type Side = "own" | "other";
const OWNER: Record<Side, string> = { own: "can", other: "ville-niort" };

interface Case {
  mutation: string;
  /** Prepares the state and returns the operation and its variables. */
  prepare: (side: Side) => Promise<{ query: string; variables: Record<string, unknown> }>;
  allowed: (role: Role, side: Side) => boolean;
  /** False for a mutation that writes nothing even when allowed (a preview). */
  writes?: false;
}

const editorOrAdmin = (role: Role, side: Side) => role === "admin" || ((role === "editor" || role === "orgAdmin") && side === "own");
const adminOnly = (role: Role) => role === "admin";
const adminOfOwner = (role: Role, side: Side) => role === "admin" || (role === "orgAdmin" && side === "own");
const CHANGE = "{ status version }";

const recordCases = (kind: RecordKind): Case[] => [
  {
    mutation: `create${kind}`,
    prepare: async (side) => ({
      query: `mutation ($partnerId: String!, $input: ${kind}Input!) { create${kind}(partnerId: $partnerId, input: $input) ${CHANGE} }`,
      variables: { partnerId: await t.partnerId(OWNER[side]), input: await t.validInput(kind, OWNER[side]) },
    }),
    allowed: editorOrAdmin,
  },
  {
    mutation: `update${kind}`,
    prepare: async (side) => {
      const record = await t.makeRecord(kind, OWNER[side], "DRAFT");
      return {
        query: `mutation ($id: ID!, $version: Int!, $input: ${kind}Input!) { update${kind}(id: $id, version: $version, input: $input) ${CHANGE} }`,
        variables: { id: record.globalId, version: record.version, input: await t.validInput(kind, OWNER[side]) },
      };
    },
    allowed: editorOrAdmin,
  },
  ...(
    [
      ["submitRecord", "DRAFT", editorOrAdmin, ""],
      ["publishRecord", "SUBMITTED", adminOnly, ""],
      ["rejectRecord", "SUBMITTED", adminOnly, ', reason: "Montant à vérifier"'],
      ["deleteRecord", "DRAFT", editorOrAdmin, ""],
    ] as const
  ).map(([mutation, status, allowed, extra]) => ({
    mutation: `${mutation} (${kind})`,
    prepare: async (side: Side) => {
      const record = await t.makeRecord(kind, OWNER[side], status);
      return {
        query: `mutation ($id: ID!, $version: Int!) { ${mutation}(id: $id, version: $version${extra}) ${CHANGE} }`,
        variables: { id: record.globalId, version: record.version },
      };
    },
    allowed,
  })),
];

const CASES: Case[] = [
  ...RECORD_KINDS.flatMap(recordCases),
  {
    mutation: "addComment (on a draft record)",
    prepare: async (side) => {
      const record = await t.makeRecord("JobRecord", OWNER[side], "DRAFT");
      return { query: `mutation ($id: ID!) { addComment(recordId: $id, body: "À vérifier") { databaseId } }`, variables: { id: record.globalId } };
    },
    // Whoever may see the draft: its organisation's members and the coordination.
    allowed: (role, side) => role === "admin" || (side === "own" && role !== "anonymous"),
  },
  {
    mutation: "hideComment",
    prepare: async (side) => {
      const author = await t.viewerOf(side === "own" ? DEMO.editorCan : DEMO.editorVille);
      const comment = await db.prisma.comment.create({ data: { authorId: author.userId, viewPath: "/emplois", body: "Remarque" } });
      return { query: `mutation ($id: String!) { hideComment(id: $id) { hidden } }`, variables: { id: comment.id } };
    },
    allowed: adminOnly,
  },
  {
    mutation: "createUser",
    prepare: async (side) => ({
      query: `mutation ($email: String!) { createUser(email: $email, name: "Nouvelle personne", password: "un mot de passe assez long") { databaseId } }`,
      variables: { email: `nouveau-${side}-${Math.random().toString(36).slice(2)}@exemple.fr` },
    }),
    allowed: adminOnly,
  },
  {
    mutation: "setMembership",
    prepare: async (side) => ({
      query: `mutation ($userId: String!, $partnerId: String!) { setMembership(userId: $userId, partnerId: $partnerId, role: EDITOR) { role } }`,
      variables: { userId: (await t.viewerOf(DEMO.viewerCan)).userId, partnerId: await t.partnerId(OWNER[side]) },
    }),
    allowed: adminOfOwner,
  },
  {
    mutation: "removeMembership",
    prepare: async (side) => {
      const user = await db.prisma.user.create({ data: { email: `membre-${Math.random().toString(36).slice(2)}@exemple.fr`, name: "Membre" } });
      const partnerId = await t.partnerId(OWNER[side]);
      await db.prisma.membership.create({ data: { userId: user.id, partnerId, role: "VIEWER" } });
      return {
        query: `mutation ($userId: String!, $partnerId: String!) { removeMembership(userId: $userId, partnerId: $partnerId) }`,
        variables: { userId: user.id, partnerId },
      };
    },
    allowed: adminOfOwner,
  },
];

const importCase = (name: "previewImport" | "runImport"): Case => ({
  mutation: name,
  prepare: async (side) => {
    const enterprise = await t.makeRecord("Enterprise", OWNER[side], "PUBLISHED");
    const { siret } = await db.prisma.enterprise.findUniqueOrThrow({ where: { id: enterprise.id } });
    return {
      query: `mutation ($p: String!, $f: File!) { ${name}(partnerId: $p, kind: JOBS, file: $f) { applied problems { message } } }`,
      variables: { p: await t.partnerId(OWNER[side]), f: new File([`siret;annee;emplois_crees;etp\n${siret};2025;2;1.5\n`], "emplois.csv") },
    };
  },
  allowed: editorOrAdmin,
  ...(name === "previewImport" ? { writes: false as const } : {}),
});
CASES.push(importCase("previewImport"), importCase("runImport"));
for (const [name, status, allowed] of [
  ["submitAllDrafts", "DRAFT", editorOrAdmin],
  ["publishAllSubmitted", "SUBMITTED", adminOnly],
] as const) {
  CASES.push({
    mutation: name,
    prepare: async (side) => {
      await t.makeRecord("JobRecord", OWNER[side], status);
      return { query: `mutation ($p: String!) { ${name}(partnerId: $p) { changed } }`, variables: { p: await t.partnerId(OWNER[side]) } };
    },
    allowed,
  });
}

const ROLES: Role[] = ["anonymous", "viewer", "editor", "orgAdmin", "admin"];
const SIDES: Side[] = ["own", "other"];
const REFUSALS = new Set(["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"]);

/** Everything a write could touch, to prove a refusal wrote nothing. */
const footprint = async () =>
  (
    await db.sql.query<{ n: string }>(
      `SELECT concat_ws('/', (SELECT count(*) FROM audit_event), (SELECT count(*) FROM comment WHERE hidden_at IS NOT NULL), (SELECT count(*) FROM app_user),
        (SELECT count(*) FROM membership), (SELECT string_agg(role::text, ',' ORDER BY user_id, partner_id) FROM membership),
        (SELECT sum(version) FROM enterprise), (SELECT sum(version) FROM incubation), (SELECT sum(version) FROM job_record), (SELECT sum(version) FROM funding),
        (SELECT count(*) FROM enterprise), (SELECT count(*) FROM funding), (SELECT count(*) FROM job_record), (SELECT count(*) FROM incubation)) AS n`,
    )
  )[0]?.n;

describe(`authorization matrix: ${ROLES.length} roles × ${CASES.length} mutations × ${SIDES.length} organisations = ${ROLES.length * CASES.length * SIDES.length} cases`, () => {
  for (const c of CASES) {
    for (const role of ROLES) {
      for (const side of SIDES) {
        const expected = c.allowed(role, side);
        it(`${c.mutation} by ${role} on ${side} organisation's record: ${expected ? "allowed" : "refused"}`, async () => {
          const { query, variables } = await c.prepare(side);
          const before = await footprint();
          const result = await t.run(query, variables, viewers[role] ?? null);
          if (expected) {
            expect(result.errors).toBeUndefined();
            if (c.writes === false) expect(await footprint()).toBe(before);
            else expect(await footprint()).not.toBe(before);
          } else {
            expect(result.errors?.length).toBe(1);
            expect(REFUSALS).toContain(result.errors?.[0]?.extensions?.code);
            expect(await footprint()).toBe(before);
          }
        });
      }
    }
  }
});

describe("a record's history: in full for its organisation and the coordination, published versions only for anyone else", () => {
  const HISTORY = `query ($id: ID!) { history(id: $id) { action actorName note before after } }`;
  /** A funding drafted, submitted, rejected with a note, corrected, resubmitted and published. */
  async function publishedAfterRejection(side: Side) {
    const record = await t.makeRecord("Funding", OWNER[side], "DRAFT");
    const steps: Array<[string, string]> = [
      ["submitRecord", ""],
      ["rejectRecord", ', reason: "Note interne : montant douteux"'],
      ["submitRecord", ""],
      ["publishRecord", ""],
    ];
    let version = record.version;
    for (const [mutation, extra] of steps) {
      const result = await t.run(
        `mutation ($id: ID!, $v: Int!) { ${mutation}(id: $id, version: $v${extra}) { version } }`,
        { id: record.globalId, v: version },
        viewers.admin,
      );
      expect(result.errors).toBeUndefined();
      version = result.data[mutation].version;
    }
    return record;
  }

  for (const role of ROLES) {
    for (const side of SIDES) {
      const full = role === "admin" || (side === "own" && role !== "anonymous");
      it(`${role} on ${side} organisation's published record: ${full ? "every change" : "published versions only"}`, async () => {
        const record = await publishedAfterRejection(side);
        const result = await t.run(HISTORY, { id: record.globalId }, viewers[role] ?? null);
        expect(result.errors).toBeUndefined();
        const events: Array<{ action: string; actorName: string | null; note: string | null; before: any; after: any }> = result.data.history;
        if (full) {
          expect(events.map((e) => e.action)).toEqual(["SUBMIT", "REJECT", "SUBMIT", "PUBLISH"]);
          expect(events[1]?.note).toBe("Note interne : montant douteux");
          expect(events[3]?.actorName).toBe("Camille Coordination");
        } else {
          expect(events.map((e) => e.action)).toEqual(["PUBLISH"]);
          const [published] = events;
          expect(published?.after.status).toBe("PUBLISHED");
          expect(published?.before).toBeNull();
          expect(published?.actorName).toBeNull();
          expect(published?.note).toBeNull();
          expect(JSON.stringify(events)).not.toMatch(/montant douteux|updatedById|createdById|reviewNote/);
        }
        const node = await t.run(`query ($id: ID!) { node(id: $id) { ... on Funding { status reviewNote } } }`, { id: record.globalId }, viewers[role] ?? null);
        expect(node.data.node).toEqual({ status: "PUBLISHED", reviewNote: null });
      });
    }
  }
});

describe("viewerCanChange tells each role what the update mutation will allow", () => {
  for (const role of ROLES) {
    for (const side of SIDES) {
      it(`${role} on ${side} organisation's draft and published record`, async () => {
        for (const status of ["DRAFT", "PUBLISHED"] as const) {
          const record = await t.makeRecord("JobRecord", OWNER[side], status);
          const result = await t.run(
            `query ($id: ID!) { node(id: $id) { ... on JobRecord { viewerCanChange } } }`,
            { id: record.globalId },
            viewers[role] ?? null,
          );
          // Other organisations cannot even see a draft; anonymous callers see no job record at all (statistical confidentiality).
          const visible = role !== "anonymous" && (status === "PUBLISHED" || role === "admin" || side === "own");
          const expected = status === "DRAFT" ? editorOrAdmin(role, side) : role === "admin";
          expect(result.data?.node ?? null, status).toEqual(visible ? { viewerCanChange: expected } : null);
        }
      });
    }
  }
});
