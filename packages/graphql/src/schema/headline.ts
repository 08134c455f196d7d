import { datasetInfo, Prisma, secrecyRules } from "@oess/db";
import { DEMO_DATA_NOTICE, describeIndicator, type SecrecyRules, type SecretReason } from "@oess/domain";
import { citationText, latestRelease, type Release } from "@oess/opendata";
import { builder } from "../builder";
import { checkIndicatorFilter, jobsFigureFields, readIndicators, SECRET_NOTE } from "./indicator";
import { ASOF_DESCRIPTION, releaseAsOf } from "./release";

interface HeadlineFigures {
  jobsCreated: number | null;
  fullTimeEquivalents: string | null;
  jobsSecret: SecretReason | null;
  enterprisesIncubated: number;
  fundingAmount: string;
  fundingCount: number;
  firstYear: number | null;
  lastYear: number | null;
}

const Headline = builder.objectRef<HeadlineFigures>("HeadlineFigures").implement({
  description: `The three headline figures of the PTCE over published records of a period: \`indicators\` summed over its years. ${SECRET_NOTE}`,
  fields: (t) => ({
    ...jobsFigureFields(t),
    enterprisesIncubated: t.exposeInt("enterprisesIncubated", { description: describeIndicator("enterprisesIncubated", "en") }),
    fundingAmount: t.expose("fundingAmount", { type: "Decimal", description: describeIndicator("fundingAmount", "en") }),
    fundingCount: t.exposeInt("fundingCount", { description: describeIndicator("fundingCount", "en") }),
    firstYear: t.exposeInt("firstYear", { nullable: true, description: "First year with published figures in the period." }),
    lastYear: t.exposeInt("lastYear", { nullable: true, description: "Last year with published figures in the period." }),
  }),
});

builder.queryField("headlineFigures", (t) =>
  t.field({
    type: Headline,
    description: "Jobs created, enterprises incubated and funding, for a period of years (both bounds included; all years if omitted).",
    args: {
      fromYear: t.arg.int({ required: false, description: "First year of the period." }),
      toYear: t.arg.int({ required: false, description: "Last year of the period." }),
      asOf: t.arg.int({ required: false, description: ASOF_DESCRIPTION }),
    },
    resolve: async (_root, { fromYear, toYear, asOf }, ctx) => {
      checkIndicatorFilter({ fromYear, toYear }, "");
      const years = await readIndicators(
        ctx,
        ["YEAR"],
        { fromYear, toYear },
        ["jobsCreated", "fullTimeEquivalents", "enterprisesIncubated", "fundingAmount", "fundingCount"],
        asOf,
      );
      const sum = (pick: (r: (typeof years)[number]) => string | null) => years.reduce((acc, r) => acc.plus(pick(r) ?? 0), new Prisma.Decimal(0)).toFixed();
      const active = years.filter((r) => r.year !== null && ((r.jobsCreated ?? 1) > 0 || r.fundingCount > 0 || r.enterprisesIncubated > 0));
      // A total over years is secret when one of its years is: the others would give that year away.
      const secret = years.filter((r) => r.jobsSecret !== null);
      const jobsSecret = secret.length === 0 ? null : years.length === 1 ? (secret[0]?.jobsSecret ?? null) : "COMPLEMENTARY";
      return {
        jobsCreated: jobsSecret ? null : years.reduce((acc, r) => acc + (r.jobsCreated ?? 0), 0),
        fullTimeEquivalents: jobsSecret ? null : sum((r) => r.fullTimeEquivalents),
        jobsSecret,
        enterprisesIncubated: years.reduce((acc, r) => acc + r.enterprisesIncubated, 0),
        fundingAmount: sum((r) => r.fundingAmount),
        fundingCount: years.reduce((acc, r) => acc + r.fundingCount, 0),
        firstYear: active[0]?.year ?? null,
        lastYear: active.at(-1)?.year ?? null,
      };
    },
  }),
);

const SecrecyRulesRef = builder.objectRef<SecrecyRules>("SecrecyRules").implement({
  description: "The thresholds of statistical confidentiality applied to jobs figures for anonymous readers.",
  fields: (t) => ({
    minContributors: t.exposeInt("minContributors", { description: "A figure with fewer contributing enterprises is secret." }),
    dominancePercent: t.exposeInt("dominancePercent", {
      description: "A figure where one enterprise makes this share (%) or more of the jobs or FTE is secret; 100: no dominance rule.",
    }),
  }),
});

const Dataset = builder.objectRef<{ isDemo: boolean; territoryName: string; epciSiren: string; release: Release | null }>("Dataset").implement({
  description: "The dataset as a whole.",
  fields: (t) => ({
    isDemo: t.exposeBoolean("isDemo", { description: "True when the figures are the generated demo dataset (données de démonstration)." }),
    notice: t.string({
      nullable: true,
      description: "Wording to show next to any figure of this dataset, in French.",
      resolve: (d) => (d.isDemo ? DEMO_DATA_NOTICE : null),
    }),
    territoryName: t.exposeString("territoryName", { description: "Name of the EPCI the observatory covers." }),
    epciSiren: t.exposeString("epciSiren", { description: "SIREN of that EPCI." }),
    statisticalSecrecy: t.field({
      type: SecrecyRulesRef,
      description: "The thresholds of statistical confidentiality (« secret statistique ») in force for jobs figures.",
      resolve: (_d, _args, ctx) => secrecyRules(ctx.sql),
    }),
    version: t.int({
      nullable: true,
      description: "The latest version of the data (null before the first): cite it, and read it unchanged at /opendata/v/{version}/.",
      resolve: (d) => d.release?.number ?? null,
    }),
    releasedAt: t.field({ type: "DateTime", nullable: true, description: "When the latest version was taken.", resolve: (d) => d.release?.releasedAt ?? null }),
    citation: t.string({
      nullable: true,
      description: "How to cite the latest version, in French (APA-like); see `releases` for earlier ones.",
      resolve: (d, _args, ctx) => (d.release ? citationText(ctx.openDataUrls, d.release) : null),
    }),
  }),
});

builder.queryField("dataset", (t) =>
  t.field({
    type: Dataset,
    description: "Facts about the dataset: demo data or not, territory, latest version (or the version `asOf` names) and how to cite it.",
    args: { asOf: t.arg.int({ required: false, description: ASOF_DESCRIPTION }) },
    resolve: async (_root, { asOf }, ctx) => {
      const territory = { territoryName: ctx.territory.name, epciSiren: ctx.territory.epciSiren };
      if (asOf != null) {
        const release = await releaseAsOf(ctx, asOf);
        return { ...territory, isDemo: release.isDemo, release };
      }
      return { ...(await datasetInfo(ctx.prisma)), ...territory, release: await latestRelease(ctx.sql) };
    },
  }),
);
