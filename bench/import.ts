// npm run bench:import [-- --rows 10000]
// Imports a CSV of yearly jobs through the API (multipart upload, signed in as an editor) into a
// throwaway database with the demo data — PostgreSQL when DATABASE_URL is set, else PGlite — and
// times the preview, the import itself and a second import of the same file (which must change
// nothing). Prints numbers; it never passes or fails on them.
import { parseArgs } from "node:util";
import { DEMO_PASSWORD } from "@oess/db";
import { createTestDatabase } from "@oess/db/testing";
import { loadTerritory, luhnCheckDigit } from "@oess/domain";
import { createApp } from "../apps/api/src/app";

const { values } = parseArgs({ options: { rows: { type: "string", default: "10000" } } });
const wanted = Number(values.rows);
const db = await createTestDatabase({ seed: true });
try {
  const app = createApp({ db, territory: loadTerritory(), urls: { openDataPage: "http://localhost/donnees-ouvertes" } });
  const call = async (body: BodyInit, headers: Record<string, string> = {}) => {
    const response = await app.fetch("http://localhost/graphql", { method: "POST", headers: { "x-graphql-yoga-csrf": "1", ...headers }, body });
    return { cookie: response.headers.get("set-cookie"), json: (await response.json()) as { data?: any; errors?: unknown[] } };
  };
  const login = await call(JSON.stringify({ query: `mutation { login(email: "editrice@agglo-niort.example", password: "${DEMO_PASSWORD}") { name } }` }), { "content-type": "application/json" });
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
  for (let year = 2000; lines.length <= wanted && year <= 2100; year++) for (const siret of sirets) if (lines.length <= wanted) lines.push(`${siret};${year};${1 + (lines.length % 4)};${(1 + (lines.length % 4)) * 0.5}`.replace(".", ","));
  await db.prisma.jobRecord.deleteMany({});
  const csv = `${lines.join("\n")}\n`;
  console.log(`Import benchmark on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}: ${lines.length - 1} rows, ${(csv.length / 1024).toFixed(0)} KiB`);

  const send = async (mutation: "previewImport" | "runImport") => {
    const form = new FormData();
    form.set("operations", JSON.stringify({ query: `mutation ($f: File!) { ${mutation}(partnerId: "${can}", kind: JOBS, file: $f) { rowCount created updated unchanged applied problems { line message } } }`, variables: { f: null } }));
    form.set("map", JSON.stringify({ 0: ["variables.f"] }));
    form.set("0", new File([csv], "emplois.csv", { type: "text/csv" }));
    const started = performance.now();
    const { json } = await call(form, { cookie });
    const seconds = (performance.now() - started) / 1000;
    if (json.errors) throw new Error(JSON.stringify(json.errors));
    const r = json.data[mutation];
    console.log(`  ${mutation.padEnd(13)} ${seconds.toFixed(2)} s — ${r.rowCount} rows: ${r.created} to create, ${r.updated} to update, ${r.unchanged} unchanged, ${r.problems.length} problems, applied: ${r.applied}`);
  };
  await send("previewImport");
  await send("runImport");
  await send("runImport");
} finally {
  await db.dispose();
}
