// The synthetic demo dataset: ESS enterprises of the territory from 2014 to 2025, their
// incubation, yearly jobs and fundings. Pure and deterministic: rows depend only on the seed,
// the scale and the territory.
import {
  COOPERATIVE_KINDS,
  type CooperativeKind,
  DEMO_DATA_SOURCE,
  type FundingInstrument,
  type IncubationOutcome,
  LEGAL_FAMILIES,
  type LegalFamily,
  luhnCheckDigit,
  nafSection,
  type RecordStatus,
  type TerritoryCommune,
} from "@oess/domain";
import { ACTIVITIES, FAMILY_WEIGHTS, NAME_PLACES } from "./activities";
import { DEMO_PARTNERS, PTCE_CARRIER_SLUG, siretOf } from "./partners";
import { Random } from "./random";

export const FIRST_YEAR = 2014;
export const LAST_YEAR = 2025;
export const ENTERPRISES_PER_SCALE = 150;
const END_OF_DATA = `${LAST_YEAR}-12-31`;

export interface EnterpriseRow {
  id: string;
  /** ISO instant of first publication; null while not published. */
  publishedAt: string | null;
  name: string;
  siret: string | null;
  rna: string | null;
  legalFamily: LegalFamily;
  cooperativeKind: CooperativeKind | null;
  legalCategory: string | null;
  nafCode: string;
  nafSection: string;
  communeCode: string;
  foundedOn: string | null;
  ceasedOn: string | null;
  status: RecordStatus;
  dataYear: number;
  ownerPartnerId: string;
}

/** The INSEE legal category each demo enterprise gets (no draw: the usual one of its family). */
function legalCategoryOf(family: LegalFamily, kind: CooperativeKind | null): string {
  if (family === "COOPERATIVE") return kind === "SCOP" ? "5458" : "5460";
  return { ASSOCIATION: "9220", MUTUAL: "8210", FOUNDATION: "9300", ESS_COMPANY: "5710" }[family];
}

export interface IncubationRow {
  id: string;
  /** ISO instant of first publication; null while not published. */
  publishedAt: string | null;
  enterpriseId: string;
  supportingPartnerId: string;
  startDate: string;
  endDate: string | null;
  outcome: IncubationOutcome;
  status: RecordStatus;
  dataYear: number;
  ownerPartnerId: string;
}

export interface JobRow {
  id: string;
  /** ISO instant of first publication; null while not published. */
  publishedAt: string | null;
  enterpriseId: string;
  year: number;
  jobsCreated: number;
  fte: string;
  status: RecordStatus;
  dataYear: number;
  ownerPartnerId: string;
}

export interface FundingRow {
  id: string;
  /** ISO instant of first publication; null while not published. */
  publishedAt: string | null;
  funderId: string;
  beneficiaryEnterpriseId: string | null;
  beneficiaryPartnerId: string | null;
  amount: string;
  year: number;
  decisionDate: string;
  instrument: FundingInstrument;
  purpose: string;
  decisionReference: string;
  conventionDate: string | null;
  aidNature: "CASH" | "IN_KIND";
  paymentTerms: string;
  paymentStart: string | null;
  paymentEnd: string | null;
  fundingShare: string | null;
  euNotification: boolean;
  aidScheme: string | null;
  status: RecordStatus;
  dataYear: number;
  ownerPartnerId: string;
}

export interface EnterpriseBundle {
  enterprise: EnterpriseRow;
  incubation: IncubationRow | null;
  jobs: JobRow[];
  fundings: FundingRow[];
}

export const SOURCE = DEMO_DATA_SOURCE;

// ---------------------------------------------------------------- dates

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const yearOf = (date: string): number => Number(date.slice(0, 4));
// Without parsing the date as text: the seed calls this millions of times.
const addDays = (date: string, days: number): string =>
  iso(new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days)));
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
const dateBetween = (rng: Random, from: string, to: string): string => addDays(from, rng.int(0, daysBetween(from, to)));
const dayOfYear = (rng: Random, year: number): string => dateBetween(rng, `${year}-01-01`, `${year}-12-31`);
const CESSATION_SEED = 0x5e55;
/** About one young ESS enterprise in twelve ceases each year (INSEE puts 3-year survival near 75 %). */
const cessation = (rng: Random, foundingYear: number): string | null => {
  for (let year = foundingYear + 1; year <= LAST_YEAR; year++) if (rng.chance(0.085)) return dayOfYear(rng, year);
  return null;
};
/** When a record was published: some days after the fact it reports, if it is published at all. */
const publication = (rng: Random, status: RecordStatus, after: string, minDays: number, maxDays: number): string | null =>
  status === "PUBLISHED" ? `${addDays(after, rng.int(minDays, maxDays))}T09:00:00Z` : null;

// ---------------------------------------------------------------- fundings

interface FunderProfile {
  slug: string;
  weight: number;
  instruments: ReadonlyArray<readonly [FundingInstrument, number]>;
  scheme: string;
  code: string;
}

const FUNDERS: readonly FunderProfile[] = [
  {
    slug: "can",
    weight: 30,
    instruments: [
      ["GRANT", 85],
      ["SERVICE", 15],
    ],
    scheme: "Fonds ESS du Niortais",
    code: "CAN",
  },
  {
    slug: "ville-niort",
    weight: 20,
    instruments: [
      ["GRANT", 90],
      ["SERVICE", 10],
    ],
    scheme: "Soutien à la vie associative et à l'ESS",
    code: "VDN",
  },
  {
    slug: "region-na",
    weight: 22,
    instruments: [
      ["GRANT", 65],
      ["REPAYABLE_ADVANCE", 35],
    ],
    scheme: "Innovation sociale et ESS",
    code: "RNA",
  },
  {
    slug: "urscop",
    weight: 8,
    instruments: [
      ["LOAN", 50],
      ["REPAYABLE_ADVANCE", 20],
      ["SERVICE", 30],
    ],
    scheme: "Outils financiers du mouvement Scop",
    code: "URS",
  },
  {
    slug: "cress-na",
    weight: 6,
    instruments: [
      ["SERVICE", 85],
      ["GRANT", 15],
    ],
    scheme: "Accompagnement ESS",
    code: "CRE",
  },
  { slug: "scic-elan", weight: 6, instruments: [["SERVICE", 100]], scheme: "Incubateur du PTCE", code: "ELA" },
  { slug: "univ-poitiers", weight: 3, instruments: [["SERVICE", 100]], scheme: "Études et recherche-action", code: "UPO" },
  {
    slug: "cbe-niortais",
    weight: 5,
    instruments: [
      ["SERVICE", 80],
      ["GRANT", 20],
    ],
    scheme: "Emploi et compétences",
    code: "CBE",
  },
];

const AMOUNTS: Record<FundingInstrument, readonly [min: number, max: number, step: number]> = {
  GRANT: [1_500, 45_000, 100],
  REPAYABLE_ADVANCE: [5_000, 40_000, 500],
  LOAN: [8_000, 80_000, 1_000],
  SERVICE: [600, 12_000, 50],
};

const PURPOSES: Record<FundingInstrument, readonly string[]> = {
  GRANT: ["Aide au démarrage", "Création d'emplois", "Investissement matériel", "Développement de l'activité", "Projet d'innovation sociale"],
  REPAYABLE_ADVANCE: ["Renforcement du fonds de roulement", "Financement du besoin en fonds de roulement"],
  LOAN: ["Prêt participatif", "Financement des investissements"],
  SERVICE: ["Accompagnement à la création", "Étude de faisabilité", "Formation des dirigeants", "Diagnostic et conseil"],
};

// ---------------------------------------------------------------- generator

export interface GeneratorContext {
  /** Partner ids by slug. */
  partnerIds: Readonly<Record<string, string>>;
  communes: readonly TerritoryCommune[];
}

/** Yields the demo enterprises one by one, with everything that belongs to them. */
export function* generateEnterprises(ctx: GeneratorContext, options: { scale: number; seed: number }): Generator<EnterpriseBundle> {
  const rng = new Random(options.seed);
  const count = Math.round(ENTERPRISES_PER_SCALE * options.scale);
  const partner = (slug: string): string => {
    const id = ctx.partnerIds[slug];
    if (!id) throw new Error(`demo partner ${slug} is missing`);
    return id;
  };
  let reference = 0;

  for (let i = 0; i < count; i++) {
    const family = rng.weighted(LEGAL_FAMILIES, (f) => FAMILY_WEIGHTS[f]);
    const cooperativeKind = family === "COOPERATIVE" ? rng.weighted(COOPERATIVE_KINDS, (k) => ({ SCOP: 55, SCIC: 35, CAE: 5, OTHER: 5 })[k]) : null;
    const activity = rng.pick(ACTIVITIES.filter((a) => a.families.includes(family)));
    const commune = rng.weighted(ctx.communes, (c) => c.population);
    const id = rng.uuid();

    // The project's path: incubated (most) or accompanied directly, then created or not.
    const projectStart = dayOfYear(rng, rng.int(FIRST_YEAR, LAST_YEAR));
    const incubated = rng.chance(0.72);
    let outcome: IncubationOutcome | null = null;
    let incubationEnd: string | null = null;
    let foundedOn: string | null = projectStart;
    if (incubated) {
      const end = addDays(projectStart, rng.int(180, 540));
      if (end > END_OF_DATA) {
        outcome = "IN_PROGRESS";
        foundedOn = null;
      } else if (rng.chance(0.13)) {
        outcome = "ABANDONED";
        incubationEnd = end;
        foundedOn = null;
      } else {
        outcome = "CREATED";
        incubationEnd = end;
        foundedOn = end;
      }
    }

    const supporter = cooperativeKind === "SCOP" || cooperativeKind === "SCIC" ? "urscop" : rng.pick(["scic-elan", "scic-elan", "cress-na", "cbe-niortais"]);
    const owner = partner(supporter);
    const recent = yearOf(foundedOn ?? projectStart) === LAST_YEAR;
    const status: RecordStatus = recent
      ? rng.weighted(["PUBLISHED", "SUBMITTED", "DRAFT"] as const, (s) => ({ PUBLISHED: 80, SUBMITTED: 12, DRAFT: 8 })[s])
      : "PUBLISHED";
    // A record is never more public than the enterprise it belongs to.
    const childStatus = (year: number): RecordStatus =>
      status !== "PUBLISHED" ? status : year === LAST_YEAR && rng.chance(0.1) ? rng.pick(["SUBMITTED", "DRAFT"] as const) : "PUBLISHED";

    const isAssociation = family === "ASSOCIATION";
    const siren = sirenFor(i);
    const enterprise: EnterpriseRow = {
      id,
      publishedAt: publication(rng, status, foundedOn ?? projectStart, 10, 60),
      name: enterpriseName(rng, family, cooperativeKind, activity.names, commune.name),
      siret: foundedOn && (!isAssociation || rng.chance(0.6)) ? siretOf(siren) : null,
      rna: isAssociation && foundedOn ? rnaFor(i) : null,
      legalFamily: family,
      cooperativeKind,
      // Registered enterprises only: a project has no legal category yet.
      legalCategory: foundedOn ? legalCategoryOf(family, cooperativeKind) : null,
      nafCode: activity.naf,
      nafSection: nafSection(activity.naf) ?? "S",
      communeCode: commune.code,
      foundedOn,
      ceasedOn: null,
      status,
      dataYear: yearOf(foundedOn ?? projectStart),
      ownerPartnerId: owner,
    };

    const incubationStatus = childStatus(yearOf(projectStart));
    const incubation: IncubationRow | null = outcome
      ? {
          id: rng.uuid(),
          publishedAt: publication(rng, incubationStatus, projectStart, 10, 60),
          enterpriseId: id,
          supportingPartnerId: owner,
          startDate: projectStart,
          endDate: incubationEnd,
          outcome,
          status: incubationStatus,
          dataYear: yearOf(projectStart),
          ownerPartnerId: owner,
        }
      : null;

    const jobs: JobRow[] = [];
    if (foundedOn) {
      const coop = family === "COOPERATIVE";
      for (let year = yearOf(foundedOn); year <= LAST_YEAR; year++) {
        const first = year === yearOf(foundedOn);
        const jobsCreated = first ? rng.int(1, coop ? 5 : 3) : rng.chance(0.45) ? rng.int(1, coop ? 3 : 2) : 0;
        const fte = (jobsCreated * (0.5 + rng.next() * 0.5)).toFixed(2);
        const jobStatus = childStatus(year);
        jobs.push({
          id: rng.uuid(),
          // Yearly declarations are collected in the spring of the following year.
          publishedAt: publication(rng, jobStatus, `${year + 1}-03-01`, 0, 90),
          enterpriseId: id,
          year,
          jobsCreated,
          fte,
          status: jobStatus,
          dataYear: year,
          ownerPartnerId: partner(PTCE_CARRIER_SLUG),
        });
      }
    }

    // Before the legal entity exists only accompaniment (in kind) is possible; money follows creation.
    const fundings: FundingRow[] = [];
    const lastFundedYear = Math.min(LAST_YEAR, yearOf(incubationEnd ?? END_OF_DATA));
    for (let year = yearOf(projectStart); year <= lastFundedYear; year++) {
      const created = foundedOn !== null && yearOf(foundedOn) <= year;
      const n = created ? rng.int(1, 4) + (year === yearOf(foundedOn ?? "0") ? 2 : 0) : rng.int(0, 2);
      for (let k = 0; k < n; k++) {
        const profile = created
          ? rng.weighted(FUNDERS, (f) => (f.slug === "urscop" && family !== "COOPERATIVE" ? 0 : f.weight))
          : rng.weighted(
              FUNDERS.filter((f) => f.instruments.some(([inst]) => inst === "SERVICE") && !isPublic(f.slug)),
              (f) => f.weight,
            );
        const instrument = created ? rng.weighted(profile.instruments, ([, w]) => w)[0] : "SERVICE";
        const decisionDate = foundedOn && created && yearOf(foundedOn) === year ? dateBetween(rng, foundedOn, `${year}-12-31`) : dayOfYear(rng, year);
        fundings.push(
          fundingRow(rng, {
            funderId: partner(profile.slug),
            profile,
            instrument,
            decisionDate,
            reference: ++reference,
            beneficiaryEnterpriseId: id,
            beneficiaryPartnerId: null,
            status: childStatus(year),
          }),
        );
      }
    }

    // Some enterprises cease (survival rates need them). Drawn from a generator of its own so that
    // the rest of the dataset does not depend on it; nothing is recorded after the cessation year.
    const ceasedOn = foundedOn ? cessation(new Random(CESSATION_SEED + i), yearOf(foundedOn)) : null;
    if (ceasedOn) {
      enterprise.ceasedOn = ceasedOn;
      const lastYear = yearOf(ceasedOn);
      yield { enterprise, incubation, jobs: jobs.filter((j) => j.year <= lastYear), fundings: fundings.filter((f) => f.year <= lastYear) };
    } else {
      yield { enterprise, incubation, jobs, fundings };
    }
  }
}

/** The yearly operating grants of the public partners to the structure that carries the PTCE. */
export function generatePtceFundings(ctx: GeneratorContext, seed: number): FundingRow[] {
  const rng = new Random(seed ^ 0x5eed);
  const carrier = ctx.partnerIds[PTCE_CARRIER_SLUG];
  if (!carrier) throw new Error("the PTCE carrier partner is missing");
  const operating: ReadonlyArray<readonly [slug: string, min: number, max: number]> = [
    ["can", 40_000, 60_000],
    ["ville-niort", 15_000, 30_000],
    ["region-na", 20_000, 40_000],
  ];
  const rows: FundingRow[] = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    for (const [slug, low, high] of operating) {
      const profile = FUNDERS.find((f) => f.slug === slug) as FunderProfile;
      const row = fundingRow(rng, {
        funderId: ctx.partnerIds[slug] as string,
        profile,
        instrument: "GRANT",
        decisionDate: addDays(`${year}-01-15`, rng.int(0, 90)),
        reference: year * 10 + rows.length,
        beneficiaryEnterpriseId: null,
        beneficiaryPartnerId: carrier,
        status: year === LAST_YEAR && slug === "region-na" ? "SUBMITTED" : "PUBLISHED",
      });
      rows.push({
        ...row,
        amount: (Math.round(rng.int(low, high) / 500) * 500).toFixed(2),
        purpose: "Fonctionnement de la Maison de l'ESS et animation du PTCE",
      });
    }
  }
  return rows;
}

function fundingRow(
  rng: Random,
  f: {
    funderId: string;
    profile: FunderProfile;
    instrument: FundingInstrument;
    decisionDate: string;
    reference: number;
    beneficiaryEnterpriseId: string | null;
    beneficiaryPartnerId: string | null;
    status: RecordStatus;
  },
): FundingRow {
  const [low, high, step] = AMOUNTS[f.instrument];
  const amount = rng.amount(low, high, step);
  const year = yearOf(f.decisionDate);
  const contractual = f.instrument !== "SERVICE";
  const conventionDate = contractual ? addDays(f.decisionDate, rng.int(5, 45)) : null;
  const staged = amount > 15_000 && rng.chance(0.6);
  const paymentStart = conventionDate ?? f.decisionDate;
  // Most grants are published within the three months the law allows; some are late.
  const late = rng.chance(0.15);
  return {
    id: rng.uuid(),
    publishedAt: publication(rng, f.status, conventionDate ?? f.decisionDate, late ? 95 : 7, late ? 200 : 80),
    funderId: f.funderId,
    beneficiaryEnterpriseId: f.beneficiaryEnterpriseId,
    beneficiaryPartnerId: f.beneficiaryPartnerId,
    amount: amount.toFixed(2),
    year,
    decisionDate: f.decisionDate,
    instrument: f.instrument,
    purpose: rng.pick(PURPOSES[f.instrument]),
    decisionReference: `${f.profile.code}-${year}-${String(f.reference).padStart(5, "0")}`,
    conventionDate,
    aidNature: f.instrument === "SERVICE" ? "IN_KIND" : "CASH",
    paymentTerms: staged ? "échelonné" : "unique",
    paymentStart,
    paymentEnd: staged ? addDays(paymentStart, rng.int(180, 720)) : null,
    fundingShare: null, // one beneficiary per funding: SCDL pourcentageSubvention 1.00
    euNotification: amount > 30_000 && rng.chance(0.2),
    aidScheme: f.profile.scheme,
    status: f.status,
    dataYear: year,
    ownerPartnerId: f.funderId,
  };
}

const isPublic = (slug: string): boolean => DEMO_PARTNERS.find((p) => p.slug === slug)?.isPublicBody ?? false;

const NAME_PREFIX: Record<LegalFamily, string> = {
  ASSOCIATION: "",
  COOPERATIVE: "Coopérative ",
  MUTUAL: "Mutuelle ",
  FOUNDATION: "Fondation ",
  ESS_COMPANY: "",
};
const COOPERATIVE_PREFIX: Record<CooperativeKind, string> = { SCOP: "Scop ", SCIC: "SCIC ", CAE: "CAE ", OTHER: "Coopérative " };

function enterpriseName(rng: Random, family: LegalFamily, kind: CooperativeKind | null, names: readonly string[], commune: string): string {
  const prefix = kind ? COOPERATIVE_PREFIX[kind] : NAME_PREFIX[family];
  const place = rng.chance(0.3) ? `de ${commune}` : rng.pick(NAME_PLACES);
  return `${prefix}${rng.pick(names)} ${place}`;
}

// Distinct, Luhn-valid SIRENs: 7919 is prime to 10^8, so i ↦ body is one-to-one.
function sirenFor(i: number): string {
  const body = String((81_234_567 + i * 7919) % 100_000_000).padStart(8, "0");
  return body + luhnCheckDigit(body);
}

// Distinct RNA numbers of the Deux-Sèvres (W79…).
const rnaFor = (i: number): string => `W79${String((3_000_001 + i * 7919) % 10_000_000).padStart(7, "0")}`;
