// Test fixtures for writes: the demo accounts as viewers, and fresh records in a chosen state.

import type { RecordKind, RecordStatus, Viewer } from "@oess/app";
import type { TestDatabase } from "@oess/db/testing";
import { loadTerritory, luhnCheckDigit } from "@oess/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { graphql } from "graphql";
import { schema } from "./index";

const territory = loadTerritory();
/** Where citations point in tests. */
export const TEST_OPEN_DATA_URLS = { api: "https://api.test", landingPage: "https://tableau.test/donnees-ouvertes", contactEmail: "donnees@observatoire.test" };
export type GraphqlResult = { data?: any; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, any> }> };

export function runner(db: TestDatabase) {
  const run = async (source: string, variableValues: Record<string, unknown> = {}, viewer: Viewer | null = null): Promise<GraphqlResult> =>
    (await graphql({
      schema,
      source,
      variableValues,
      contextValue: { prisma: db.prisma, sql: db.sql, territory, viewer, openDataUrls: TEST_OPEN_DATA_URLS },
    })) as GraphqlResult;

  const partnerId = async (slug: string) => (await db.prisma.partner.findUniqueOrThrow({ where: { slug } })).id;

  /** The viewer of a demo account, with its memberships as the session would load them. */
  const viewerOf = async (email: string): Promise<Viewer> => {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email }, include: { memberships: { include: { partner: true } } } });
    return { userId: user.id, memberships: user.memberships.map((m) => ({ partnerId: m.partnerId, role: m.role, coordinates: m.partner.coordinatesPtce })) };
  };

  let counter = 0;
  /** A SIRET no other test uses, valid (Luhn). */
  const freshSiret = () => {
    const siren = `9${String(++counter).padStart(7, "0")}`;
    const sirenFull = siren + luhnCheckDigit(siren);
    const body = `${sirenFull}0001`;
    return body + luhnCheckDigit(body);
  };

  const enterpriseData = (owner: string) => ({
    name: `Entreprise d'essai ${++counter}`,
    siret: freshSiret(),
    legalFamily: "ASSOCIATION" as const,
    nafCode: "88.99B",
    nafSection: "Q",
    communeCode: "79191",
    foundedOn: new Date("2024-01-15T00:00:00Z"),
    source: "test",
    dataYear: 2024,
    ownerPartnerId: owner,
  });

  /** A fresh record of a kind, owned by a partner, in a status; its parents published. */
  const makeRecord = async (kind: RecordKind, ownerSlug: string, status: RecordStatus) => {
    const owner = await partnerId(ownerSlug);
    const parent = async () => (await db.prisma.enterprise.create({ data: { ...enterpriseData(owner), status: "PUBLISHED" } })).id;
    const common = { status, ownerPartnerId: owner, source: "test", dataYear: 2024 };
    const record =
      kind === "Enterprise"
        ? await db.prisma.enterprise.create({ data: { ...enterpriseData(owner), status } })
        : kind === "Incubation"
          ? await db.prisma.incubation.create({
              data: {
                ...common,
                enterpriseId: await parent(),
                supportingPartnerId: owner,
                startDate: new Date("2023-01-01"),
                endDate: new Date("2023-12-31"),
                outcome: "CREATED",
              },
            })
          : kind === "JobRecord"
            ? await db.prisma.jobRecord.create({ data: { ...common, enterpriseId: await parent(), year: 2024, jobsCreated: 3, fte: "2.5" } })
            : await db.prisma.funding.create({
                data: {
                  ...common,
                  funderId: owner,
                  beneficiaryEnterpriseId: await parent(),
                  amount: "5000",
                  year: 2024,
                  decisionDate: new Date("2024-02-01"),
                  instrument: "LOAN",
                  purpose: "Prêt d'essai",
                  decisionReference: `T-${++counter}`,
                },
              });
    return { kind, id: record.id, globalId: encodeGlobalID(kind, record.id), version: record.version, ownerPartnerId: owner };
  };

  /** A valid input of each kind, referring to a fresh published enterprise of the partner. */
  const validInput = async (kind: RecordKind, ownerSlug: string): Promise<Record<string, unknown>> => {
    const owner = await partnerId(ownerSlug);
    if (kind === "Enterprise")
      return {
        name: `Nouvelle ${++counter}`,
        siret: freshSiret(),
        legalFamily: "COOPERATIVE",
        cooperativeKind: "SCOP",
        nafCode: "62.01Z",
        communeCode: "79191",
        foundedOn: "2025-03-01",
        source: "test",
        dataYear: 2025,
      };
    const enterpriseId = (await db.prisma.enterprise.create({ data: { ...enterpriseData(owner), status: "PUBLISHED" } })).id;
    if (kind === "Incubation")
      return { enterpriseId, supportingPartnerId: owner, startDate: "2024-02-01", outcome: "IN_PROGRESS", source: "test", dataYear: 2024 };
    if (kind === "JobRecord") return { enterpriseId, year: 2025, jobsCreated: 2, fte: "1.5", source: "test", dataYear: 2025 };
    return {
      funderId: owner,
      beneficiaryEnterpriseId: enterpriseId,
      amount: "12000",
      year: 2025,
      decisionDate: "2025-02-01",
      instrument: "GRANT",
      purpose: "Aide au démarrage",
      decisionReference: `N-${++counter}`,
      conventionDate: "2025-02-15",
      source: "test",
      dataYear: 2025,
    };
  };

  return { run, partnerId, viewerOf, makeRecord, validInput, freshSiret };
}

export const DEMO = {
  admin: "coordination@elan-niortais.example",
  editorCan: "editrice@agglo-niort.example",
  viewerCan: "lecteur@agglo-niort.example",
  editorVille: "editeur@vivre-a-niort.example",
} as const;
