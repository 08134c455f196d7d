// The rows of each open dataset as one version released them: `asOf(version) { fundings { … } }`
// pages a frozen snapshot, the same rows as /opendata/v/{version}/{dataset}.csv. The row types are
// generated from the datasets' columns, so the files and the API share one definition per column.
import { type Column, DATASETS, type Dataset, type Release, type ReleasedRow, releasedColumns, releasedPage, SCDL_DATASET } from "@oess/opendata";
import { type ResolveCursorConnectionArgs, resolveCursorConnection } from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";
import { builder } from "../builder";
import { cancellable } from "../cancellable";
import { PAGE_OPTIONS } from "../visibility";
import { DatasetReleaseRef } from "./release";

interface VersionRow extends ReleasedRow {
  release: Release;
}

const camel = (name: string) => name.replace(/[_-]([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const pascal = (name: string) => camel(name).replace(/^./, (c) => c.toUpperCase());

// Money and FTE are Decimal, two decimals, as everywhere in the API; rates and shares keep the
// file's own decimals as text.
const AS_TEXT = /_per_1000_inhabitants$|^pourcentageSubvention$/;

function value(row: VersionRow, dataset: Dataset, column: Column) {
  if (!releasedColumns(row.release, dataset).includes(column.name)) {
    throw new GraphQLError(`${camel(column.name)}: version ${row.release.number} has no column ${column.name} (it came later).`, {
      extensions: { code: "NOT_IN_VERSION", version: row.release.number },
    });
  }
  return row.row[column.name] ?? null;
}

function rowType(dataset: Dataset) {
  return builder.objectRef<VersionRow>(`${pascal(dataset.name)}Row`).implement({
    description: `A row of the open dataset « ${dataset.title} » as a version released it (/opendata/v/{version}/, dataset ${dataset.name}).`,
    fields: (t) =>
      Object.fromEntries(
        dataset.columns.map((column) => {
          const options = { nullable: true, description: `${column.title}. ${column.description}` } as const;
          const read = (row: VersionRow) => value(row, dataset, column);
          const text = (row: VersionRow) => {
            const v = read(row);
            return v === null ? null : String(v);
          };
          const field =
            column.type === "integer"
              ? t.int({ ...options, resolve: (row) => (read(row) === null ? null : Number(read(row))) })
              : column.type === "boolean"
                ? t.boolean({ ...options, resolve: (row) => (read(row) === null ? null : read(row) === true || read(row) === "true") })
                : column.type === "number" && !AS_TEXT.test(column.name)
                  ? t.field({ ...options, type: "Decimal", resolve: text })
                  : column.type === "date"
                    ? t.field({ ...options, type: "Date", resolve: (row) => (text(row) === null ? null : new Date(`${text(row)}T00:00:00Z`)) })
                    : column.type === "datetime"
                      ? t.field({ ...options, type: "DateTime", resolve: (row) => (text(row) === null ? null : new Date(text(row) as string)) })
                      : t.string({ ...options, resolve: text });
          return [camel(column.name), field];
        }),
      ),
  });
}

const encodeCursor = (key: string) => Buffer.from(key).toString("base64url");

function decodeCursor(argument: string, cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const key = Buffer.from(cursor, "base64url").toString();
  if (encodeCursor(key) !== cursor) {
    throw new GraphQLError(`${argument}: ${JSON.stringify(cursor)} is not a cursor of this list.`, { extensions: { code: "BAD_USER_INPUT", argument } });
  }
  return key;
}

for (const dataset of [...DATASETS, SCDL_DATASET]) {
  const rowRef = rowType(dataset);
  builder.objectFields(DatasetReleaseRef, (t) => ({
    [camel(dataset.name)]: t.connection(
      {
        type: rowRef,
        description: `The rows of the dataset ${dataset.name} in this version, as in its file under /opendata/v/{version}/, in a stable order: every page of a version sees the same rows. Pages of 20 rows unless \`first\` (with \`after\`) or \`last\` (with \`before\`) says otherwise, at most 100; \`first\` and \`last\` together are an error.`,
        complexity: PAGE_OPTIONS.complexity,
        resolve: async (release, args, ctx) => {
          const page = async ({ after, before, limit, inverted }: ResolveCursorConnectionArgs): Promise<VersionRow[]> =>
            (
              await cancellable(ctx, () =>
                releasedPage(ctx.sql, dataset, release, { after: decodeCursor("after", after), before: decodeCursor("before", before), limit, inverted }),
              )
            ).map((row) => ({ ...row, release }));
          const connection = await resolveCursorConnection(
            { args, toCursor: (row: VersionRow) => encodeCursor(row.key), defaultSize: PAGE_OPTIONS.defaultSize, maxSize: PAGE_OPTIONS.maxSize(args) },
            page,
          );
          return Object.assign(connection, { totalCount: release.changelog.find((c) => c.dataset === dataset.name)?.rows ?? 0 });
        },
      },
      {
        name: `DatasetRelease${pascal(dataset.name)}Connection`,
        fields: (c) => ({ totalCount: c.int({ description: "Rows in this version.", resolve: (connection) => connection.totalCount }) }),
      },
    ),
  }));
}
