// The files a partner starts an import from: a template per kind (CSV for Excel France, and XLSX),
// with the columns in order and an example row, and the list of the values each coded column
// accepts. All made from the columns' one description (@oess/domain/import-columns).
import { IMPORT_COLUMNS, IMPORT_PRESENCE_LABELS, type ImportColumn, type ImportKind } from "@oess/domain/import-columns";
import ExcelJS from "exceljs";
import { toCsv } from "../csv";

export const TEMPLATE_NAMES: Record<ImportKind, string> = { JOBS: "emplois", FUNDINGS: "financements" };

export function templateCsv(kind: ImportKind): string {
  const columns = IMPORT_COLUMNS[kind].map((c) => ({ label: c.name, raw: () => c.example, shown: () => c.example }));
  return `\uFEFF${toCsv(columns, [null], ";")}`;
}

export async function templateXlsx(kind: ImportKind): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(TEMPLATE_NAMES[kind]);
  sheet.addRow(IMPORT_COLUMNS[kind].map((c) => c.name)).font = { bold: true };
  sheet.addRow(IMPORT_COLUMNS[kind].map((c) => c.example));
  sheet.columns.forEach((column) => {
    column.width = 22;
  });
  const help = book.addWorksheet("colonnes");
  help.addRow(["colonne", "présence", "description", "valeurs acceptées", "par défaut"]).font = { bold: true };
  for (const c of IMPORT_COLUMNS[kind]) help.addRow([c.name, IMPORT_PRESENCE_LABELS[c.presence], c.description, allowedText(c), c.default ?? ""]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const allowedText = (c: ImportColumn) => (c.allowed ?? []).map((a) => `${a.value} (${a.meaning})`).join(", ");

/** Every coded column's accepted values, and the funders' short names, as one CSV. */
export function allowedValuesCsv(funders: ReadonlyArray<{ slug: string; name: string }>): string {
  const rows = [
    ...funders.map((f) => ({ kind: "FUNDINGS" as const, column: "financeur", value: f.slug, meaning: f.name })),
    ...(["JOBS", "FUNDINGS"] as const).flatMap((kind) =>
      IMPORT_COLUMNS[kind].flatMap((c) => (c.allowed ?? []).map((a) => ({ kind, column: c.name, value: a.value, meaning: a.meaning }))),
    ),
  ];
  type Row = (typeof rows)[number];
  const column = (label: string, raw: (r: Row) => string) => ({ label, raw, shown: raw });
  return `\uFEFF${toCsv(
    [
      column("fichier", (r) => TEMPLATE_NAMES[r.kind]),
      column("colonne", (r) => r.column),
      column("valeur", (r) => r.value),
      column("signification", (r) => r.meaning),
    ],
    rows,
    ";",
  )}`;
}
