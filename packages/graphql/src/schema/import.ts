// Importing a CSV or XLSX file of yearly jobs or fundings: a preview that lists every faulty row
// and what would change, then the import itself, all or nothing. Rows are matched on natural keys
// (enterprise and year; funder, decision reference and beneficiary), so re-importing a file
// changes nothing.

import {
  applyImport,
  type ImportKind,
  type ImportPlan,
  type ImportProblem,
  type MatchedEnterprise,
  type PreviewRow,
  type PreviewValue,
  planImport,
  planScdlImport,
  readTable,
  refused,
  TableError,
} from "@oess/app";
import { GraphQLError } from "graphql";
import { builder } from "../builder";

builder.scalarType("File", {
  description: "A file sent with the GraphQL multipart request specification.",
  serialize: () => {
    throw new GraphQLError("File is an input type only.");
  },
  // Duck-typed: the HTTP layer may hand over its own File implementation (a fetch polyfill).
  parseValue: (value) => {
    const file = value as Partial<File> | null;
    if (typeof file?.name !== "string" || typeof file.arrayBuffer !== "function")
      throw new GraphQLError("Envoyez le fichier en multipart (spécification GraphQL multipart request).");
    return file as File;
  },
});

const ImportKindEnum = builder.enumType("ImportKind", {
  description: "What a file holds.",
  values: {
    JOBS: { description: "Yearly jobs: siret (or rna), annee, emplois_crees, etp; optional source, millesime." },
    FUNDINGS: {
      description:
        "Fundings: financeur, beneficiaire_siret (or beneficiaire_rna, beneficiaire_partenaire), montant, annee, date_decision, instrument, objet, reference_decision; optional date_convention, nature, conditions_versement, debut_versement, fin_versement, part_subvention, notification_ue, dispositif, id_rae, source, millesime.",
    },
    SCDL: {
      description:
        "The SCDL « Subventions » file a public body publishes (versions 2.0 to 2.1.1, UTF-8 or Windows-1252, comma or semicolon): its rows whose idAttribuant is the organisation's SIRET become grants (the others are counted in `ignored`), matched to beneficiaries by idBeneficiaire (SIRET) or rnaBeneficiaire. The convention's date stands for the decision date and the year.",
    },
  } as const,
});

const ImportProblemRef = builder.objectRef<ImportProblem>("ImportProblem").implement({
  description: "Why a row of the file cannot be imported.",
  fields: (t) => ({
    line: t.exposeInt("line", { description: "Row number as the spreadsheet shows it (the header is row 1)." }),
    column: t.exposeString("column", { description: "Column at fault (empty when the whole row is)." }),
    message: t.exposeString("message", { description: "What is wrong, in French." }),
  }),
});

const ImportActionEnum = builder.enumType("ImportAction", {
  description: "What an import does with a row.",
  values: {
    CREATE: { description: "A new record (a draft of the organisation)." },
    UPDATE: { description: "An existing record whose values change." },
    UNCHANGED: { description: "An existing record with the same values: nothing to do." },
    INVALID: { description: "The row has problems (see `problems`): nothing of the file is imported." },
  } as const,
});

const ImportValueRef = builder.objectRef<PreviewValue>("ImportValue").implement({
  description: "A column's value as the import understood it.",
  fields: (t) => ({
    column: t.exposeString("column", { description: "The column's name." }),
    value: t.exposeString("value", {
      description: "The value, in French (amounts in euros, dates in words such as « 5 mars 2026 », labels of codes); empty when absent.",
    }),
    defaulted: t.exposeBoolean("defaulted", { description: "True when the file left the column out and this default is recorded." }),
  }),
});

const MatchedEnterpriseRef = builder.objectRef<MatchedEnterprise>("ImportEnterprise").implement({
  description: "The enterprise a row was matched to, by SIRET or RNA.",
  fields: (t) => ({
    databaseId: t.exposeString("id", { description: "Its UUID." }),
    name: t.exposeString("name", { description: "Its name." }),
    siret: t.exposeString("siret", { nullable: true, description: "Its SIRET." }),
    rna: t.exposeString("rna", { nullable: true, description: "Its RNA number." }),
    communeName: t.exposeString("communeName", { description: "Its commune." }),
  }),
});

const ImportRowRef = builder.objectRef<PreviewRow>("ImportRow").implement({
  description: "A row of the file as read, and what the import does with it.",
  fields: (t) => ({
    line: t.exposeInt("line", { description: "Row number as the spreadsheet shows it (the header is row 1)." }),
    action: t.expose("action", { type: ImportActionEnum, description: "Created, updated, unchanged, or invalid." }),
    values: t.field({ type: [ImportValueRef], description: "Every column of the kind, in the documented order.", resolve: (row) => row.values }),
    enterprise: t.field({
      type: MatchedEnterpriseRef,
      nullable: true,
      description: "The enterprise matched (with its SIRET and commune); null when none matched or the row names a partner.",
      resolve: (row) => row.enterprise,
    }),
  }),
});

interface Report {
  plan: ImportPlan;
  fileName: string;
  format: string | null;
  applied: boolean;
}

const ImportReportRef = builder.objectRef<Report>("ImportReport").implement({
  description: "What an import would do (preview) or did.",
  fields: (t) => ({
    fileName: t.exposeString("fileName", { description: "The file's name." }),
    format: t.exposeString("format", {
      nullable: true,
      description: "How the file was read: XLSX, or the CSV's encoding as detected (UTF-8, UTF-8 (avec BOM), Windows-1252); null when it could not be read.",
    }),
    rowCount: t.int({ description: "Data rows in the file.", resolve: (r) => r.plan.rowCount }),
    created: t.int({ description: "Records created (or to create).", resolve: (r) => r.plan.rows.filter((x) => x.action === "CREATE").length }),
    updated: t.int({ description: "Records changed (or to change).", resolve: (r) => r.plan.rows.filter((x) => x.action === "UPDATE").length }),
    unchanged: t.int({ description: "Rows identical to what is recorded.", resolve: (r) => r.plan.rows.filter((x) => x.action === "UNCHANGED").length }),
    problems: t.field({
      type: [ImportProblemRef],
      description: "Every faulty row and why; empty when the file can be imported.",
      resolve: (r) => r.plan.problems,
    }),
    rows: t.field({
      type: [ImportRowRef],
      description: "Every row of the file as read, with what the import does with it.",
      resolve: (r) => r.plan.preview,
    }),
    ignored: t.int({
      description: "Rows left out as another organisation's (SCDL files: another idAttribuant); 0 for other files.",
      resolve: (r) => r.plan.ignored ?? 0,
    }),
    applied: t.exposeBoolean("applied", {
      description: "True once written; false for a preview, or when problems prevented the import (then nothing was written).",
    }),
  }),
});

async function plan(ctx: Parameters<typeof planImport>[0], kind: ImportKind | "SCDL", file: File): Promise<{ plan: ImportPlan; format: string | null }> {
  try {
    const table = await readTable(file.name, new Uint8Array(await file.arrayBuffer()));
    return { plan: await (kind === "SCDL" ? planScdlImport(ctx, table) : planImport(ctx, kind, table)), format: table.format };
  } catch (error) {
    if (error instanceof TableError)
      return {
        plan: { kind: kind === "SCDL" ? "FUNDINGS" : kind, rowCount: 0, rows: [], preview: [], problems: [{ line: 0, column: "", message: error.message }] },
        format: null,
      };
    throw error;
  }
}

for (const [name, apply] of [
  ["previewImport", false],
  ["runImport", true],
] as const) {
  builder.mutationField(name, (t) =>
    t.field({
      type: ImportReportRef,
      description: apply
        ? "Imports the file into the organisation's drafts: if any row is faulty nothing is written (see `problems`); otherwise one transaction writes every row and its audit event. Editors of the organisation, or admins."
        : "Reads the file and says what an import would do, row by row, without writing anything. Editors of the organisation, or admins.",
      args: {
        partnerId: t.arg.string({ required: true, description: "UUID of the organisation the records belong to." }),
        kind: t.arg({ type: ImportKindEnum, required: true, description: "What the file holds." }),
        file: t.arg({
          type: "File",
          required: true,
          description: "A .csv (comma or semicolon; UTF-8, or Windows-1252 as Excel France saves it) or .xlsx file, 10 MB and 50 000 rows at most.",
        }),
      },
      authScopes: (_root, args) => ({ editorOf: args.partnerId }),
      resolve: async (_root, { partnerId, kind, file }, ctx) => {
        if (!ctx.viewer) throw refused("Connectez-vous pour importer.", "UNAUTHENTICATED");
        const context = { prisma: ctx.prisma, viewer: ctx.viewer, partnerId, source: `Import ${file.name}` };
        const { plan: planned, format } = await plan(context, kind, file);
        const writable = apply && planned.problems.length === 0 && planned.rows.some((r) => r.action !== "UNCHANGED");
        if (writable) await applyImport(context, planned, `Import du fichier ${file.name}`);
        return { plan: planned, fileName: file.name, format, applied: apply && planned.problems.length === 0 };
      },
    }),
  );
}
