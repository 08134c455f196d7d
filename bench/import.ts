// npm run bench:import [-- --rows 10000]
// Imports a CSV of yearly jobs through the API (multipart upload, signed in as an editor) into a
// throwaway database with the demo data — PostgreSQL when DATABASE_URL is set, else PGlite — and
// times the preview, the import itself and a second import of the same file (which must change
// nothing). Then hostile files: a 300 000-row XLSX and a crafted 2 MB archive of a million rows,
// each timed to its refusal while /healthz is polled (its worst latency) and memory sampled.
// Prints numbers; it never passes or fails on them.
import { parseArgs } from "node:util";
import { DEMO_PASSWORD } from "@oess/db";
import { createTestDatabase } from "@oess/db/testing";
import { loadTerritory, luhnCheckDigit } from "@oess/domain";
import { createApp } from "../apps/api/src/app";
import { sheet, zip } from "../packages/app/src/import/zip.fixture";

const { values } = parseArgs({ options: { rows: { type: "string", default: "10000" } } });
const wanted = Number(values.rows);
const db = await createTestDatabase({ seed: true });
try {
  const app = createApp({ db, territory: loadTerritory(), urls: { openDataPage: "http://localhost/donnees-ouvertes" } });
  const call = async (body: BodyInit, headers: Record<string, string> = {}) => {
    const response = await app.fetch("http://localhost/graphql", { method: "POST", headers: { "x-graphql-yoga-csrf": "1", ...headers }, body });
    return { cookie: response.headers.get("set-cookie"), json: (await response.json()) as { data?: any; errors?: unknown[] } };
  };
  const login = await call(JSON.stringify({ query: `mutation { login(email: "editrice@agglo-niort.example", password: "${DEMO_PASSWORD}") { name } }` }), {
    "content-type": "application/json",
  });
  const cookie = (login.cookie ?? "").split(";")[0] as string;
  const can = (await db.prisma.partner.findUniqueOrThrow({ where: { slug: "can" } })).id;

  // Distinct natural keys: every enterprise with a SIRET, every year from 2000 on; enough
  // enterprises are added for the number of rows wanted.
  const template = await db.prisma.enterprise.findFirstOrThrow({ where: { siret: { not: null } } });
  for (let i = 0; i < Math.ceil(wanted / 101); i++) {
    const siren = `8${String(i).padStart(7, "0")}`;
    const body = `${siren}${luhnCheckDigit(siren)}0001`;
    const { id: _id, seq: _seq, ...rest } = template;
    await db.prisma.enterprise.create({ data: { ...rest, siret: body + luhnCheckDigit(body), name: `Entreprise de test ${i}` } });
  }
  const sirets = (await db.prisma.enterprise.findMany({ where: { siret: { not: null } }, select: { siret: true } })).map((e) => e.siret as string);
  const lines = ["siret;annee;emplois_crees;etp"];
  for (let year = 2000; lines.length <= wanted && year <= 2100; year++)
    for (const siret of sirets)
      if (lines.length <= wanted) lines.push(`${siret};${year};${1 + (lines.length % 4)};${(1 + (lines.length % 4)) * 0.5}`.replace(".", ","));
  await db.prisma.jobRecord.deleteMany({});
  const csv = `${lines.join("\n")}\n`;
  console.log(`Import benchmark on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}: ${lines.length - 1} rows, ${(csv.length / 1024).toFixed(0)} KiB`);

  const upload = async (mutation: "previewImport" | "runImport", file: File) => {
    const form = new FormData();
    form.set(
      "operations",
      JSON.stringify({
        query: `mutation ($f: File!) { ${mutation}(partnerId: "${can}", kind: JOBS, file: $f) { rowCount created updated unchanged applied problems { line message } } }`,
        variables: { f: null },
      }),
    );
    form.set("map", JSON.stringify({ 0: ["variables.f"] }));
    form.set("0", file);
    const started = performance.now();
    const { json } = await call(form, { cookie });
    if (json.errors) throw new Error(JSON.stringify(json.errors));
    return { seconds: (performance.now() - started) / 1000, report: json.data[mutation] };
  };
  const send = async (mutation: "previewImport" | "runImport") => {
    const { seconds, report: r } = await upload(mutation, new File([csv], "emplois.csv", { type: "text/csv" }));
    console.log(
      `  ${mutation.padEnd(13)} ${seconds.toFixed(2)} s — ${r.rowCount} rows: ${r.created} to create, ${r.updated} to update, ${r.unchanged} unchanged, ${r.problems.length} problems, applied: ${r.applied}`,
    );
  };
  await send("previewImport");
  await send("runImport");
  await send("runImport");

  const header = `<row><c t="inlineStr"><is><t>siret</t></is></c><c t="inlineStr"><is><t>annee</t></is></c><c t="inlineStr"><is><t>emplois_crees</t></is></c><c t="inlineStr"><is><t>etp</t></is></c></row>`;
  const workbook = (rows: number) =>
    new File(
      [
        zip({
          "xl/worksheets/sheet1.xml": sheet(header + `<row><c t="s"><v>0</v></c><c><v>2026</v></c><c><v>3</v></c><c><v>2.5</v></c></row>`.repeat(rows)),
          "xl/sharedStrings.xml": `<sst><si><t>${sirets[0]}</t></si></sst>`,
        }),
      ],
      "classeur.xlsx",
    );
  console.log("Hostile files (refusal time; /healthz polled every 10 ms meanwhile; RSS growth):");
  for (const [label, file] of [
    ["300 000-row XLSX", workbook(300_000)],
    ["1 000 000-row crafted archive", workbook(1_000_000)],
    ["300 000-row CSV", new File([`siret;annee;emplois_crees;etp\n${`${sirets[0]};2026;3;2,5\n`.repeat(300_000)}`], "long.csv")],
  ] as const) {
    const rss = process.memoryUsage().rss;
    let peak = rss;
    let worstHealth = 0;
    let polling = true;
    const poll = (async () => {
      while (polling) {
        const started = performance.now();
        await app.fetch("http://localhost/healthz");
        worstHealth = Math.max(worstHealth, performance.now() - started);
        peak = Math.max(peak, process.memoryUsage().rss);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const { seconds, report } = await upload("previewImport", file);
    polling = false;
    await poll;
    console.log(
      `  ${label.padEnd(30)} ${(file.size / 1048576).toFixed(1)} MB  refused in ${seconds.toFixed(2)} s  /healthz worst ${worstHealth.toFixed(0)} ms  RSS +${((peak - rss) / 1048576).toFixed(0)} MB  « ${report.problems[0]?.message} »`,
    );
  }
} finally {
  await db.dispose();
}
