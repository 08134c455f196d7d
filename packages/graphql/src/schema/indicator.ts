import {
  computeIndicators,
  computeSurvival,
  type IndicatorDimension as Dimension,
  INDICATOR_MEASURES,
  type IndicatorFilter,
  type IndicatorMeasure,
  type IndicatorRow,
  jobsProtection,
  Prisma,
  protectJobs,
  SURVIVAL_YEARS,
  type SurvivalCohort,
} from "@oess/db";
import { describeIndicator, isUuid, type SecretReason, type Territory } from "@oess/domain";
import { releasedIndicators, releasedSurvival } from "@oess/opendata";
import { GraphQLError } from "graphql";
import { builder, type Context } from "../builder";
import { cancellable } from "../cancellable";
import { selectedFields } from "../selection";
import { LegalCategoryRef, legalCategoryOf } from "./enterprise";
import { AidNature, CooperativeKind, FundingInstrument, IncubationOutcome, LegalFamily } from "./enums";
import { ASOF_DESCRIPTION, releaseAsOf } from "./release";

const IndicatorDimension = builder.enumType("IndicatorDimension", {
  description: "What indicators can be grouped by.",
  values: {
    YEAR: { description: "Year of the figure (jobs: year; incubations: start year; creations: founding year; fundings: budget year)." },
    COMMUNE: { description: "Commune of the enterprise (fundings to partners have none)." },
    LEGAL_FAMILY: { description: "Legal family of the enterprise." },
    PARTNER: { description: "Funder (fundings) or supporting partner (incubations); jobs and creations have none." },
    INSTRUMENT: { description: "Funding instrument (fundings only)." },
    NAF_SECTION: { description: "NAF section of the enterprise's activity." },
    COOPERATIVE_KIND: { description: "Kind of cooperative of the enterprise (Scop, SCIC, CAE, other); null for non-cooperatives." },
    AID_NATURE: { description: "Nature of the aid: cash, in kind or both (fundings only)." },
    INCUBATION_OUTCOME: { description: "Outcome of the incubation: created, abandoned or in progress (incubations only)." },
    LEGAL_CATEGORY: { description: "INSEE legal category of the enterprise (catégorie juridique, niveau III); null for projects." },
  } as const,
});

const SecretReasonRef = builder.enumType("SecretReason", {
  description:
    "Why a jobs figure is hidden from anonymous readers (statistical confidentiality, « secret statistique »): signed-in partners see it. Grants are never secret.",
  values: {
    FEW_CONTRIBUTORS: { description: "Fewer enterprises contribute to it than the threshold (3 by default)." },
    DOMINANT_CONTRIBUTOR: { description: "One enterprise makes the threshold share (85 % by default) or more of its jobs or FTE." },
    COMPLEMENTARY: { description: "It would let a secret figure be recovered by subtraction from published ones (secondary secret)." },
    FINER_THAN_PUBLISHED: {
      description: "Grouped or filtered by NAF section, cooperative kind or legal category: jobs are published by year, commune and legal family only.",
    },
    SECRET_IN_VERSION: {
      description:
        "Read `asOf` a version: its protected jobs table marks the figure, or one it is made of, secret (« s »), and keeps no reason. A version gives a figure that its table's cells and totals give directly.",
    },
  } as const,
});

const IndicatorWhere = builder.inputType("IndicatorWhere", {
  description:
    "Restricts the figures; every condition must hold. A condition on a dimension that a measure lacks (e.g. partner for jobs) excludes that measure's figures.",
  fields: (t) => ({
    fromYear: t.int({ description: "First year, included." }),
    toYear: t.int({ description: "Last year, included." }),
    communeCodes: t.stringList({ description: "INSEE codes of communes." }),
    legalFamilies: t.field({ type: [LegalFamily], description: "Legal families of the enterprises." }),
    partnerIds: t.stringList({ description: "Partner database ids (UUID, `Partner.databaseId`)." }),
    instruments: t.field({ type: [FundingInstrument], description: "Funding instruments (fundings only)." }),
    nafSections: t.stringList({ description: "NAF section letters, A to U." }),
    cooperativeKinds: t.field({ type: [CooperativeKind], description: "Kinds of cooperative of the enterprises." }),
    aidNatures: t.field({ type: [AidNature], description: "Natures of the aid (fundings only)." }),
    incubationOutcomes: t.field({ type: [IncubationOutcome], description: "Outcomes of the incubations (incubations only)." }),
    legalCategories: t.stringList({ description: "INSEE legal categories of the enterprises, 4 digits each (e.g. 5458)." }),
  }),
});

const JOBS_MEASURES: readonly IndicatorMeasure[] = ["jobsCreated", "fullTimeEquivalents"];

/** What every aggregate with jobs figures has: the figures, and why they are hidden if they are. */
interface JobsFigures {
  jobsCreated: number | null;
  fullTimeEquivalents: string | null;
  jobsSecret: SecretReason | null;
}

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** The jobs fields of an aggregate's type (IndicatorRow, HeadlineFigures), declared once. */
export const jobsFigureFields = <Shape extends JobsFigures>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, Shape>) => ({
  jobsCreated: t.int({ nullable: true, description: describeIndicator("jobsCreated", "en"), resolve: (row) => row.jobsCreated }),
  fullTimeEquivalents: t.field({
    type: "Decimal",
    nullable: true,
    description: describeIndicator("fullTimeEquivalents", "en"),
    resolve: (row) => row.fullTimeEquivalents,
  }),
  jobsSecret: t.field({
    type: SecretReasonRef,
    nullable: true,
    description: "Why `jobsCreated` and `fullTimeEquivalents` are null, if they are.",
    resolve: (row) => row.jobsSecret,
  }),
});

export const SECRET_NOTE =
  "`jobsCreated` and `fullTimeEquivalents` are null for anonymous readers when statistical confidentiality hides them (see `jobsSecret`).";

/**
 * The indicators a caller may read: signed-in partners get every figure; anonymous readers get
 * the jobs of the protected table only (statistical confidentiality).
 */
export async function readIndicators(
  ctx: Context,
  groupBy: readonly Dimension[],
  filter: IndicatorFilter,
  measures: readonly IndicatorMeasure[],
  asOf?: number | null,
): Promise<IndicatorRow[]> {
  // A version holds only what it published: every reader gets its protected jobs figures.
  if (asOf != null) {
    const release = await releaseAsOf(ctx, asOf);
    return cancellable(ctx, () => releasedIndicators(ctx.sql, release, groupBy, filter, measures));
  }
  // Through the SQL driver, as every aggregate query: Prisma's raw queries cost more than the
  // rollup's query itself, and the API and the exports share one cached jobs protection.
  const rows = await cancellable(ctx, () => computeIndicators(ctx.sql, groupBy, filter, measures));
  if (ctx.viewer || !measures.some((m) => JOBS_MEASURES.includes(m))) return rows;
  return protectJobs((await jobsProtection(ctx.sql)).protection, rows, groupBy, filter);
}

/** A row with the population its figures relate to (see `population`). */
type PopulatedRow = IndicatorRow & { population: number | null };

/**
 * The population municipale a row relates to: its commune's when grouped by commune (none for
 * fundings to partners), else the communes filtered on, else the whole territory.
 */
function populationOf(row: IndicatorRow, groupedByCommune: boolean, communeCodes: readonly string[] | null | undefined, territory: Territory): number | null {
  const population = (code: string) => territory.communes.find((c) => c.code === code)?.population ?? 0;
  if (groupedByCommune) return row.communeCode ? population(row.communeCode) || null : null;
  if (communeCodes && communeCodes.length > 0) return communeCodes.reduce((sum, code) => sum + population(code), 0) || null;
  return territory.population;
}

const IndicatorRowRef = builder.objectRef<PopulatedRow>("IndicatorRow").implement({
  description: `The indicators of one group. A dimension not grouped by is null. ${SECRET_NOTE}`,
  fields: (t) => ({
    year: t.exposeInt("year", { nullable: true, description: "Year (when grouped by YEAR)." }),
    communeCode: t.exposeString("communeCode", { nullable: true, description: "INSEE code of the commune." }),
    communeName: t.exposeString("communeName", { nullable: true, description: "Name of the commune." }),
    legalFamily: t.expose("legalFamily", { type: LegalFamily, nullable: true, description: "Legal family of the enterprises." }),
    partnerId: t.exposeString("partnerId", { nullable: true, description: "Partner database id (UUID)." }),
    partnerName: t.exposeString("partnerName", { nullable: true, description: "Partner short name." }),
    instrument: t.expose("instrument", { type: FundingInstrument, nullable: true, description: "Funding instrument." }),
    nafSection: t.exposeString("nafSection", { nullable: true, description: "NAF section letter of the enterprises' activity." }),
    cooperativeKind: t.expose("cooperativeKind", {
      type: CooperativeKind,
      nullable: true,
      description: "Kind of cooperative (when grouped by COOPERATIVE_KIND).",
    }),
    aidNature: t.expose("aidNature", { type: AidNature, nullable: true, description: "Nature of the aid (when grouped by AID_NATURE)." }),
    incubationOutcome: t.expose("incubationOutcome", {
      type: IncubationOutcome,
      nullable: true,
      description: "Outcome of the incubations (when grouped by INCUBATION_OUTCOME).",
    }),
    legalCategory: t.field({
      type: LegalCategoryRef,
      nullable: true,
      description: "INSEE legal category (when grouped by LEGAL_CATEGORY).",
      resolve: (row) => legalCategoryOf(row.legalCategory),
    }),
    population: t.exposeInt("population", {
      nullable: true,
      description:
        "Population municipale (INSEE) the row's figures relate to: its commune's when grouped by COMMUNE (null for fundings to partners, which have no commune), else that of the communes filtered on, else the whole territory's.",
    }),
    jobsCreatedPer1000Inhabitants: t.float({
      nullable: true,
      description: "Jobs created per 1 000 inhabitants of `population` (null without one).",
      resolve: (row) => (row.population && row.jobsCreated !== null ? (row.jobsCreated * 1000) / row.population : null),
    }),
    enterprisesIncubatedPer1000Inhabitants: t.float({
      nullable: true,
      description: "Projects incubated per 1 000 inhabitants of `population` (null without one).",
      resolve: (row) => (row.population ? (row.enterprisesIncubated * 1000) / row.population : null),
    }),
    enterprisesCreatedPer1000Inhabitants: t.float({
      nullable: true,
      description: "Enterprises created per 1 000 inhabitants of `population` (null without one).",
      resolve: (row) => (row.population ? (row.enterprisesCreated * 1000) / row.population : null),
    }),
    fundingAmountPer1000Inhabitants: t.field({
      type: "Decimal",
      nullable: true,
      description: "Funding, in euros, per 1 000 inhabitants of `population` (null without one).",
      resolve: (row) => (row.population ? new Prisma.Decimal(row.fundingAmount).times(1000).dividedBy(row.population) : null),
    }),
    ...jobsFigureFields(t),
    enterprisesIncubated: t.exposeInt("enterprisesIncubated", { description: describeIndicator("enterprisesIncubated", "en") }),
    enterprisesCreated: t.exposeInt("enterprisesCreated", { description: describeIndicator("enterprisesCreated", "en") }),
    fundingAmount: t.expose("fundingAmount", { type: "Decimal", description: describeIndicator("fundingAmount", "en") }),
    fundingCount: t.exposeInt("fundingCount", { description: describeIndicator("fundingCount", "en") }),
  }),
});

/** Checks the filter and says which field is wrong: bad input never reaches the database. */
export function checkIndicatorFilter(where: IndicatorFilter, path = "where."): void {
  const fail = (field: string, message: string) => {
    throw new GraphQLError(`${path}${field}: ${message}`, { extensions: { code: "BAD_USER_INPUT", field: `${path}${field}` } });
  };
  if (where.fromYear != null && where.toYear != null && where.fromYear > where.toYear) fail("fromYear", `${where.fromYear} is after toYear (${where.toYear}).`);
  for (const code of where.communeCodes ?? []) if (!/^\d[\dAB]\d{3}$/.test(code)) fail("communeCodes", `"${code}" is not an INSEE commune code.`);
  for (const id of where.partnerIds ?? []) if (!isUuid(id)) fail("partnerIds", `"${id}" is not a partner database id (UUID).`);
  for (const s of where.nafSections ?? []) if (!/^[A-U]$/.test(s)) fail("nafSections", `"${s}" is not a NAF section (A to U).`);
  for (const c of where.legalCategories ?? []) if (!/^\d{4}$/.test(c)) fail("legalCategories", `"${c}" is not an INSEE legal category (4 digits).`);
}

builder.queryField("indicators", (t) =>
  t.field({
    type: [IndicatorRowRef],
    description:
      "Aggregates of published records, computed by the database: jobs, FTE, incubations, creations, funding. " +
      "The same figures as the dashboard and /opendata/indicators.csv. " +
      "For anonymous readers, jobs figures follow statistical confidentiality: a figure that would reveal one enterprise's jobs is null, with `jobsSecret` saying why.",
    args: {
      groupBy: t.arg({ type: [IndicatorDimension], required: true, description: "Dimensions to group by; [] gives the totals." }),
      where: t.arg({ type: IndicatorWhere, required: false, description: "Restricts the figures." }),
      asOf: t.arg.int({ required: false, description: ASOF_DESCRIPTION }),
    },
    resolve: async (_root, { groupBy, where, asOf }, ctx, info) => {
      const filter = where ?? {};
      checkIndicatorFilter(filter);
      const selected = selectedFields(info);
      const rows = await readIndicators(
        ctx,
        groupBy,
        filter,
        INDICATOR_MEASURES.filter(
          (m) => selected.has(m) || selected.has(`${m}Per1000Inhabitants`) || (selected.has("jobsSecret") && JOBS_MEASURES.includes(m)),
        ),
        asOf,
      );
      const byCommune = groupBy.includes("COMMUNE");
      return rows.map((row) => ({ ...row, population: populationOf(row, byCommune, filter.communeCodes, ctx.territory) }));
    },
  }),
);

const SurvivalCohortRef = builder.objectRef<SurvivalCohort>("SurvivalCohort").implement({
  description: `The enterprises created in one year after an incubation, and how many were still active ${SURVIVAL_YEARS} years later.`,
  fields: (t) => ({
    foundingYear: t.exposeInt("foundingYear", { description: "Year the enterprises were created (the cohort)." }),
    created: t.exposeInt("created", { description: "Enterprises created that year after a published incubation." }),
    survivors: t.exposeInt("survivors", {
      nullable: true,
      description: `Of those, how many had not ceased ${SURVIVAL_YEARS} years after their creation; null while the cohort is too young (the ${SURVIVAL_YEARS} years end after the last year with published figures).`,
    }),
  }),
});

builder.queryField("survival", (t) =>
  t.field({
    type: [SurvivalCohortRef],
    description: `Survival at ${SURVIVAL_YEARS} years (pérennité) of the enterprises created after incubation, by year of creation. Filters apply to the cohort: years are creation years, partners are the incubating partners.`,
    args: {
      where: t.arg({ type: IndicatorWhere, required: false, description: "Restricts the cohorts." }),
      asOf: t.arg.int({ required: false, description: ASOF_DESCRIPTION }),
    },
    resolve: async (_root, { where, asOf }, ctx) => {
      const filter = where ?? {};
      checkIndicatorFilter(filter);
      const release = asOf != null ? await releaseAsOf(ctx, asOf) : null;
      return cancellable(ctx, () => (release ? releasedSurvival(ctx.sql, release, filter) : computeSurvival(ctx.sql, filter)));
    },
  }),
);
