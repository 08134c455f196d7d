// Dataset versions: what a researcher cites and a harvester pages. Taking one is the
// coordination's (or the API's schedule); reading them is anyone's.
import { datasetInfo } from "@oess/db";
import { citationText, citedUrl, createRelease, type DatasetChanges, findRelease, latestRelease, listReleases, type Release } from "@oess/opendata";
import { GraphQLError } from "graphql";
import { builder, type Context } from "../builder";

const MAX_RELEASES = 100;

const DatasetChangesRef = builder.objectRef<DatasetChanges>("DatasetChanges").implement({
  description: "What one dataset (open-data file) gained and lost in a version, compared with the version before.",
  fields: (t) => ({
    dataset: t.exposeString("dataset", { description: "The open-data dataset, e.g. fundings, as in /opendata/{dataset}.csv." }),
    added: t.exposeInt("added", { description: "Rows that are new in this version." }),
    corrected: t.exposeInt("corrected", { description: "Rows whose values changed (same identifier)." }),
    withdrawn: t.exposeInt("withdrawn", { description: "Rows no longer published." }),
    rows: t.exposeInt("rows", { description: "Rows in this version." }),
  }),
});

export const DatasetReleaseRef = builder.objectRef<Release>("DatasetRelease").implement({
  description: "A numbered, immutable version of the published data (version du jeu de données). Its files stay at /opendata/v/{version}/ unchanged for good.",
  fields: (t) => ({
    version: t.exposeInt("number", { description: "The version number: 1, 2, 3…" }),
    releasedAt: t.field({ type: "DateTime", description: "When the version was taken.", resolve: (r) => r.releasedAt }),
    note: t.exposeString("note", { nullable: true, description: "What the coordination said of it, if anything." }),
    citation: t.string({
      description: "A ready citation, in French (APA-like). CITATION.cff, BibTeX and CSL-JSON are at /opendata/v/{version}/.",
      resolve: (r, _args, ctx) => citationText(ctx.openDataUrls, r),
    }),
    dataPackageUrl: t.string({
      description: "The version's Data Package, which lists its frozen files.",
      resolve: (r, _args, ctx) => citedUrl(ctx.openDataUrls, r),
    }),
    changes: t.field({ type: [DatasetChangesRef], description: "Per dataset, what changed since the version before.", resolve: (r) => r.changelog }),
  }),
});

builder.queryField("releases", (t) =>
  t.field({
    type: [DatasetReleaseRef],
    description: `Versions of the data, newest first: at most \`first\` (default 20, at most ${MAX_RELEASES}).`,
    args: { first: t.arg.int({ required: false, defaultValue: 20, description: `How many, from the newest (1 to ${MAX_RELEASES}).` }) },
    resolve: (_root, { first }, ctx) =>
      listReleases(ctx.sql, checked("first", first ?? 20, first == null || (first >= 1 && first <= MAX_RELEASES), `a number from 1 to ${MAX_RELEASES}`)),
  }),
);

builder.queryField("asOf", (t) =>
  t.field({
    type: DatasetReleaseRef,
    description:
      "One version of the published data, to cite it or to page its datasets as they were released: `asOf(version: 3) { fundings(first: 100) { … } }` sees the same rows on every page while new data is published.",
    args: { version: t.arg.int({ required: true, description: "The version number (see `releases` or `dataset { version }`)." }) },
    resolve: (_root, { version }, ctx) => releaseAsOf(ctx, version),
  }),
);

/** The version `asOf` names, or an error that says which versions there are. */
export async function releaseAsOf(ctx: Context, version: number): Promise<Release> {
  const release = version >= 1 ? await findRelease(ctx.sql, version) : null;
  if (release) return release;
  const latest = (await latestRelease(ctx.sql))?.number;
  throw new GraphQLError(`asOf: there is no version ${version}; ${latest ? `versions run from 1 to ${latest}` : "no version has been taken yet"}.`, {
    extensions: { code: "NOT_FOUND", argument: "asOf" },
  });
}

/** The `asOf` argument of the public queries that can read a released version. */
export const ASOF_DESCRIPTION =
  "Read a released version (see `releases`) instead of the current data: the figures as the version's open-data files give them, unchanged however the data changes since.";

builder.mutationField("createRelease", (t) =>
  t.withAuth({ signedIn: true }).field({
    type: DatasetReleaseRef,
    nullable: true,
    description:
      "Takes a new version of the published data now, with an optional note; null when nothing published changed since the latest version. The coordination only (the API also takes one on a schedule).",
    args: { note: t.arg.string({ required: false, description: "A note kept with the version (at most 500 characters)." }) },
    authScopes: { coordinator: true },
    resolve: async (_root, { note }, ctx) =>
      createRelease(ctx.sql, {
        epciSiren: ctx.territory.epciSiren,
        isDemo: (await datasetInfo(ctx.prisma)).isDemo,
        note: checked("note", note?.trim() || null, (note?.length ?? 0) <= 500, "500 characters at most"),
      }),
  }),
);

function checked<T>(argument: string, value: T, ok: boolean, expected: string): T {
  if (!ok) throw new GraphQLError(`${argument}: ${expected}.`, { extensions: { code: "BAD_USER_INPUT", argument } });
  return value;
}
