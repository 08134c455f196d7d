// The SIRENE register through the API: listed without the undisclosed, counted with them, and its
// counts equal to the register's rows.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { importSireneFiles } from "@oess/app";
import { createTestDatabase, type TestDatabase } from "@oess/db/testing";
import { establishment, FIXTURE_COMMUNES, FIXTURE_ESTABLISHMENTS, FIXTURE_UNITS, unit, writeFixtureFiles } from "@oess/sirene/fixtures";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runner } from "./fixtures";

let db: TestDatabase;
let t: ReturnType<typeof runner>;
let supportedSiret: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "register-api-"));
beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  t = runner(db);
  // One of the PTCE's published enterprises is also in the register.
  const supported = await db.prisma.enterprise.findFirstOrThrow({ where: { status: "PUBLISHED", siret: { not: null } }, orderBy: { seq: "asc" } });
  supportedSiret = supported.siret as string;
  const files = writeFixtureFiles(
    dir,
    [...FIXTURE_ESTABLISHMENTS, establishment(supportedSiret, { codeCommuneEtablissement: "79191" })],
    [...FIXTURE_UNITS, unit(supportedSiret.slice(0, 9), { denominationUniteLegale: supported.name, categorieJuridiqueUniteLegale: "5458" })],
  );
  await importSireneFiles(db.sql, files, { communes: FIXTURE_COMMUNES, extractDate: "2026-11-01" });
});
afterAll(async () => {
  await db.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("register API", () => {
  it("lists the diffusible establishments with their codes and labels, by stable id", async () => {
    const result =
      await t.run(`{ registerEstablishments(first: 10) { totalCount edges { node { id siret name communeName legalFamily legalCategory { code label }
      sector nafRev2 naf2025 staffBand staffBandLabel active ceasedOn headOffice } } } }`);
    expect(result.errors).toBeUndefined();
    const nodes = result.data.registerEstablishments.edges.map((e: { node: Record<string, unknown> }) => e.node);
    expect(result.data.registerEstablishments.totalCount).toBe(6);
    expect(nodes.map((n: { siret: string }) => n.siret)).not.toContain("33333333300011");
    expect(nodes.find((n: { siret: string }) => n.siret === "11111111100020")).toMatchObject({
      name: 'Association "Le Lien", Niort',
      communeName: "Chauray",
      legalFamily: "ASSOCIATION",
      legalCategory: { code: "9220", label: "Association déclarée" },
      sector: "Q",
      staffBand: "BAND_NN",
      staffBandLabel: "Non employeur",
      active: false,
      ceasedOn: "2021-06-30",
      headOffice: false,
    });
    const { id } = nodes[0];
    const again = await t.run(`query ($id: ID!) { node(id: $id) { ... on RegisterEstablishment { siret } } }`, { id });
    expect(again.data.node.siret).toBe(nodes[0].siret);
    // An undisclosed establishment is not found by its id either.
    const hidden = await t.run(`query ($id: ID!) { node(id: $id) { ... on RegisterEstablishment { siret } } }`, {
      id: encodeGlobalID("RegisterEstablishment", "33333333300011"),
    });
    expect(hidden.data?.node ?? null).toBeNull();
    // Filtered to the legal units the PTCE supports: the one in the fixture.
    const supported = await t.run(`{ registerEstablishments(first: 10, where: { supportedByPtce: true }) { totalCount edges { node { siret } } } }`);
    expect(supported.data.registerEstablishments).toEqual({ totalCount: 1, edges: [{ node: { siret: supportedSiret } }] });
  });

  it("counts every establishment, undisclosed ones included, and the PTCE's share", async () => {
    const result = await t.run(
      `{ registerAggregates(groupBy: [COMMUNE], where: { active: true }) { communeCode communeName establishments supportedByPtce } }`,
    );
    expect(result.errors).toBeUndefined();
    const rows = await db.sql.query<{ commune_code: string; n: number }>(
      "SELECT commune_code, count(*)::int AS n FROM register_establishment WHERE active GROUP BY commune_code ORDER BY commune_code",
    );
    expect(result.data.registerAggregates.map((a: { communeCode: string; establishments: number }) => [a.communeCode, a.establishments])).toEqual(
      rows.map((r) => [r.commune_code, r.n]),
    );
    expect(result.data.registerAggregates.find((a: { communeCode: string }) => a.communeCode === "79191")).toEqual({
      communeCode: "79191",
      communeName: "Niort",
      establishments: 5,
      supportedByPtce: 1,
    });
    const total = await t.run(`{ registerAggregates(groupBy: []) { establishments } registerSource { extractDate establishments source } }`);
    expect(total.data.registerAggregates).toEqual([{ establishments: 7 }]);
    expect(total.data.registerSource).toEqual({ extractDate: "2026-11-01", establishments: 7, source: "Sirene (Insee), Licence Ouverte 2.0" });
  });

  it("finds an enterprise in the register by SIRET, or by SIREN in its commune, and flags what disagrees", async () => {
    const lookup = await t.run(
      `query ($s: String!, $c: String) { registerLookup(siret: $s, communeCode: $c) { matchedBy establishment { siret name legalCategory { code } } } }`,
      {
        s: supportedSiret.replace(/(\d{3})/g, "$1 "),
      },
    );
    expect(lookup.data.registerLookup).toMatchObject({ matchedBy: "SIRET", establishment: { siret: supportedSiret, legalCategory: { code: "5458" } } });
    // Another establishment of the association, not in the register: its Niort sibling is.
    const sibling = await t.run(`query ($s: String!, $c: String) { registerLookup(siret: $s, communeCode: $c) { matchedBy establishment { siret } } }`, {
      s: "11111111100099",
      c: "79191",
    });
    expect(sibling.data.registerLookup).toEqual({ matchedBy: "SIREN_AND_COMMUNE", establishment: { siret: "11111111100012" } });
    // Undisclosed establishments are never suggested.
    expect((await t.run(`{ registerLookup(siret: "33333333300011") { matchedBy } }`)).data.registerLookup).toBeNull();

    const enterprise = await db.prisma.enterprise.update({
      where: { siret: supportedSiret },
      data: { communeCode: "79191", legalCategory: "9220", legalFamily: "ASSOCIATION", cooperativeKind: null, nafCode: "88.99B", ceasedOn: null },
    });
    const id = encodeGlobalID("Enterprise", enterprise.id);
    const compared = await t.run(`query ($id: ID!) { node(id: $id) { ... on Enterprise { sirene { matchedBy mismatches { field recorded register } } } } }`, {
      id,
    });
    expect(compared.errors).toBeUndefined();
    expect(compared.data.node.sirene).toEqual({ matchedBy: "SIRET", mismatches: [{ field: "legalCategory", recorded: "9220", register: "5458" }] });
  });
});
