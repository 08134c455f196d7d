// An enterprise of the partners' records and its establishment in the SIRENE register: found by
// SIRET, or else by SIREN in the same commune (a record may carry the head office's SIRET while
// the register lists the local establishment). What differs is reported, never overwritten: the
// partner or the coordination decides which is right.
import type { PrismaClient } from "@oess/db";

export interface RegisterFacts {
  siret: string;
  name: string | null;
  communeCode: string;
  legalCategory: string;
  nafRev2: string | null;
  createdOn: Date | null;
  active: boolean;
  ceasedOn: Date | null;
}

export interface RecordedFacts {
  siret: string | null;
  communeCode: string;
  legalCategory: string | null;
  nafCode: string;
  ceasedOn: Date | null;
}

export type MatchedBy = "SIRET" | "SIREN_AND_COMMUNE";

export interface RegisterMatch {
  establishment: RegisterFacts;
  matchedBy: MatchedBy;
}

export interface Mismatch {
  field: "communeCode" | "legalCategory" | "nafCode" | "ceasedOn";
  /** As the record has it, and as the register has it ("" for none). */
  recorded: string;
  register: string;
}

const SELECT = { siret: true, name: true, communeCode: true, legalCategory: true, nafRev2: true, createdOn: true, active: true, ceasedOn: true } as const;

/** The register's establishment of this SIRET, or of its SIREN in this commune; diffusible ones only. */
export async function findRegisterMatch(prisma: PrismaClient, siret: string | null, communeCode: string | null): Promise<RegisterMatch | null> {
  if (!siret || !/^\d{14}$/.test(siret)) return null;
  const exact = await prisma.registerEstablishment.findFirst({ where: { siret, diffusible: true }, select: SELECT });
  if (exact) return { establishment: exact, matchedBy: "SIRET" };
  if (!communeCode) return null;
  const sibling = await prisma.registerEstablishment.findFirst({
    where: { siren: siret.slice(0, 9), communeCode, diffusible: true },
    orderBy: [{ active: "desc" }, { headOffice: "desc" }, { siret: "asc" }],
    select: SELECT,
  });
  return sibling ? { establishment: sibling, matchedBy: "SIREN_AND_COMMUNE" } : null;
}

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

/** Where the record and the register disagree; a fact the record leaves empty is no disagreement. */
export function registerMismatches(recorded: RecordedFacts, register: RegisterFacts): Mismatch[] {
  const mismatches: Mismatch[] = [];
  const compare = (field: Mismatch["field"], mine: string, theirs: string) => {
    if (mine !== "" && theirs !== "" && mine !== theirs) mismatches.push({ field, recorded: mine, register: theirs });
  };
  compare("communeCode", recorded.communeCode, register.communeCode);
  compare("legalCategory", recorded.legalCategory ?? "", register.legalCategory);
  compare("nafCode", recorded.nafCode, register.nafRev2 ?? "");
  // A record that says the enterprise goes on while the register says it closed, or the reverse.
  if (register.active !== (recorded.ceasedOn === null))
    mismatches.push({ field: "ceasedOn", recorded: day(recorded.ceasedOn), register: day(register.ceasedOn) });
  else compare("ceasedOn", day(recorded.ceasedOn), day(register.ceasedOn));
  return mismatches;
}
