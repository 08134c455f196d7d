// npm run bench:sirene [-- --establishments 40000000 --units 28000000 --dir /tmp/oess-sirene --keep]
// Writes two stock files of INSEE's official shape at national size (StockEtablissement: some 40
// million rows; StockUniteLegale: 28 million), then times the register's read of them in a process
// of its own: rows per second, peak RSS, rows kept for the territory. A share of the rows is in the
// territory's communes (as in the real file, a few per thousand), a share of the units is ESS, and
// the addresses hold the quoted commas of the real file. Prints numbers; it never passes or fails.
import { execFileSync } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadTerritory } from "@oess/domain";
import { readRegister, stockFile } from "@oess/sirene";
import { ESTABLISHMENT_HEADER, stockLine, UNIT_HEADER } from "@oess/sirene/official-shape";

const { values } = parseArgs({
  options: {
    establishments: { type: "string", default: "40000000" },
    units: { type: "string", default: "28000000" },
    dir: { type: "string", default: path.join(os.tmpdir(), "oess-sirene-bench") },
    keep: { type: "boolean", default: false },
    // The child's part: read the files and print what it measured.
    read: { type: "boolean", default: false },
  },
});
const establishmentCount = Number(values.establishments);
const unitCount = Number(values.units);
const dir = values.dir;
const unitsPath = path.join(dir, `StockUniteLegale_${unitCount}.csv`);
const establishmentsPath = path.join(dir, `StockEtablissement_${establishmentCount}.csv`);
const communes = loadTerritory().communes.map((c) => c.code);

if (values.read) {
  const started = performance.now();
  let last = started;
  const read = await readRegister(
    { units: stockFile(unitsPath), establishments: stockFile(establishmentsPath) },
    {
      communes: new Set(communes),
      onProgress: (phase, p) => {
        const now = performance.now();
        if (now - last < 10_000) return;
        last = now;
        process.stderr.write(`  ${phase}: ${p.rowsRead.toLocaleString("fr-FR")} rows read, ${p.rowsKept.toLocaleString("fr-FR")} kept\n`);
      },
    },
  );
  process.stdout.write(
    JSON.stringify({
      seconds: (performance.now() - started) / 1000,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      establishmentsRead: read.establishmentsRead,
      inTerritory: read.establishmentsInTerritory,
      unitsRead: read.unitsRead,
      kept: read.entries.length,
    }),
  );
  process.exit(0);
}

/** A deterministic pseudo-random sequence (the files are the same from one run to the next). */
let state = 0x2545f491;
const random = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 4294967296;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const digits = (n: number, width: number) => String(n).padStart(width, "0");
const day = () => `${1990 + Math.floor(random() * 36)}-${digits(1 + Math.floor(random() * 12), 2)}-${digits(1 + Math.floor(random() * 28), 2)}`;

const BANDS = ["NN", "NN", "NN", "00", "01", "02", "03", "11", "12", "21", ""];
const NAF = ["88.99B", "94.99Z", "62.01Z", "56.10A", "47.11B", "85.59A", "43.21A", "01.11Z"];
const STREETS = ["DE LA GARE", "DU GENERAL DE GAULLE", "VICTOR HUGO, BAT. A", "DES ECOLES", "JEAN JAURES", 'DU "PETIT" PONT'];
const CATEGORIES = ["9220", "9220", "5710", "5499", "1000", "5458", "8210", "6540", "5720"];
/** Share of establishments in the territory's communes (CA du Niortais: 0.2 % of France's people). */
const IN_TERRITORY = 0.003;

async function writeFile(file: string, header: readonly string[], rows: number, row: (i: number) => Record<string, string>): Promise<void> {
  const partial = `${file}.partial`;
  const out = fs.createWriteStream(partial, { highWaterMark: 4 * 1024 * 1024 });
  out.write(`${header.join(",")}\n`);
  let batch = "";
  for (let i = 0; i < rows; i++) {
    batch += stockLine(header, row(i));
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, "drain");
      batch = "";
    }
  }
  out.end(batch);
  await once(out, "finish");
  fs.renameSync(partial, file);
}

fs.mkdirSync(dir, { recursive: true });
const sirenOf = (i: number) => digits(100_000_000 + i, 9);
if (!fs.existsSync(unitsPath)) {
  const started = performance.now();
  await writeFile(unitsPath, UNIT_HEADER, unitCount, (i) => {
    const ess = random() < 0.08;
    return {
      siren: sirenOf(i),
      statutDiffusionUniteLegale: random() < 0.97 ? "O" : "P",
      unitePurgeeUniteLegale: "",
      dateCreationUniteLegale: day(),
      trancheEffectifsUniteLegale: pick(BANDS),
      anneeEffectifsUniteLegale: "2023",
      dateDernierTraitementUniteLegale: `${day()}T10:11:12`,
      nombrePeriodesUniteLegale: "2",
      categorieEntreprise: "PME",
      anneeCategorieEntreprise: "2022",
      dateDebut: day(),
      etatAdministratifUniteLegale: random() < 0.6 ? "A" : "C",
      denominationUniteLegale: `UNITE LEGALE ${i}`,
      categorieJuridiqueUniteLegale: pick(CATEGORIES),
      activitePrincipaleUniteLegale: pick(NAF),
      nomenclatureActivitePrincipaleUniteLegale: "NAFRev2",
      nicSiegeUniteLegale: "00012",
      economieSocialeSolidaireUniteLegale: ess ? "O" : "N",
      caractereEmployeurUniteLegale: "N",
    };
  });
  console.log(`wrote ${unitsPath}: ${(fs.statSync(unitsPath).size / 1e9).toFixed(2)} GB in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
if (!fs.existsSync(establishmentsPath)) {
  const started = performance.now();
  await writeFile(establishmentsPath, ESTABLISHMENT_HEADER, establishmentCount, (i) => {
    const siren = sirenOf(Math.floor(random() * unitCount));
    const nic = digits(10 + (i % 99_989), 5);
    const local = random() < IN_TERRITORY;
    const open = random() < 0.45;
    return {
      siren,
      nic,
      siret: siren + nic,
      statutDiffusionEtablissement: "O",
      dateCreationEtablissement: day(),
      trancheEffectifsEtablissement: pick(BANDS),
      anneeEffectifsEtablissement: "2023",
      dateDernierTraitementEtablissement: `${day()}T08:09:10`,
      etablissementSiege: random() < 0.7 ? "true" : "false",
      nombrePeriodesEtablissement: "1",
      numeroVoieEtablissement: String(1 + Math.floor(random() * 120)),
      typeVoieEtablissement: "RUE",
      libelleVoieEtablissement: pick(STREETS),
      codePostalEtablissement: local ? "79000" : "75011",
      libelleCommuneEtablissement: local ? "NIORT" : "PARIS 11",
      codeCommuneEtablissement: local ? pick(communes) : `${digits(1 + Math.floor(random() * 95), 2)}${digits(Math.floor(random() * 999), 3)}`,
      identifiantAdresseEtablissement: `75111_${digits(i % 10_000, 4)}_00012`,
      coordonneeLambertAbscisseEtablissement: "652123.4",
      coordonneeLambertOrdonneeEtablissement: "6862345.6",
      dateDebut: day(),
      etatAdministratifEtablissement: open ? "A" : "F",
      activitePrincipaleEtablissement: pick(NAF),
      nomenclatureActivitePrincipaleEtablissement: "NAFRev2",
      caractereEmployeurEtablissement: "N",
      activitePrincipaleNAF25Etablissement: random() < 0.5 ? "62.10Y" : "",
    };
  });
  console.log(
    `wrote ${establishmentsPath}: ${(fs.statSync(establishmentsPath).size / 1e9).toFixed(2)} GB in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}

console.log(`reading ${establishmentCount.toLocaleString("fr-FR")} establishments and ${unitCount.toLocaleString("fr-FR")} units (${os.cpus().length} cores)…`);
const output = execFileSync(process.execPath, [...process.execArgv, process.argv[1] ?? "", ...process.argv.slice(2), "--read"], {
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
});
const m = JSON.parse(output) as { seconds: number; maxRssMb: number; establishmentsRead: number; inTerritory: number; unitsRead: number; kept: number };
const gb = (fs.statSync(unitsPath).size + fs.statSync(establishmentsPath).size) / 1e9;
console.log(
  [
    `| files | rows read | in the territory | ESS kept | seconds | rows/s | GB/s | peak RSS |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
    `| both, ${gb.toFixed(2)} GB | ${(m.establishmentsRead + m.unitsRead).toLocaleString("fr-FR")} | ${m.inTerritory.toLocaleString("fr-FR")} | ${m.kept.toLocaleString("fr-FR")} | ${m.seconds.toFixed(1)} | ${Math.round((m.establishmentsRead + m.unitsRead) / m.seconds).toLocaleString("fr-FR")} | ${(gb / m.seconds).toFixed(2)} | ${m.maxRssMb.toFixed(0)} MB |`,
  ].join("\n"),
);
if (!values.keep) {
  fs.rmSync(unitsPath);
  fs.rmSync(establishmentsPath);
}
