// Dataset versions: what a researcher cites and a harvester pages. Taking one is the
// coordination's (or the API's schedule); reading them is anyone's.
import { datasetInfo } from "@oess/db";
import { citationText, citedUrl, createRelease, type DatasetChanges, listReleases, type Release } from "@oess/opendata";
import { GraphQLError } from "graphql";
import { builder } from "../builder";

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

const DatasetReleaseRef = builder.objectRef<Release>("DatasetRelease").implement({
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
