// npm run import:sirene -- <StockUniteLegale.csv|.zip> <StockEtablissement.csv|.zip> [--date YYYY-MM-DD]
// Imports the territory's ESS establishments from INSEE's SIRENE stock files into the register of
// the configured database (DATABASE_URL, else the embedded one), migrated first if need be.
// Progress on stderr; Ctrl-C cancels and leaves the register as it was.
import { parseArgs } from "node:util";
import { migrate, syncTerritory } from "@oess/db";
import { runWithDatabase } from "@oess/db/cli";
import { loadTerritory } from "@oess/domain";
import { ScanError } from "@oess/sirene";
import { importSireneFiles, type SireneImportProgress } from "../register/import-sirene";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { date: { type: "string" } } });
const [unitsPath, establishmentsPath] = positionals;
if (positionals.length !== 2 || !unitsPath || !establishmentsPath || (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date))) {
  console.error("Usage: npm run import:sirene -- <StockUniteLegale.csv|.zip> <StockEtablissement.csv|.zip> [--date AAAA-MM-JJ (date de l'extrait)]");
  process.exit(2);
}

const controller = new AbortController();
process.once("SIGINT", () => {
  process.stderr.write("\nAnnulation… le registre reste tel qu'il était.\n");
  controller.abort();
});

await runWithDatabase(
  async (db) => {
    // As every start-up does: the schema up to date and the territory's communes loaded.
    await migrate(db.sql);
    const territory = loadTerritory(process.env.TERRITORY_EPCI_SIREN);
    await syncTerritory(db.sql, territory);
    const communes = new Set(territory.communes.map((c) => c.code));
    const started = performance.now();
    // A line a second at most, and each phase's last figures: a quick phase still says what it read.
    let shown = Number.NEGATIVE_INFINITY;
    let unshown: SireneImportProgress | null = null;
    const show = (p: SireneImportProgress) => {
      const what = { establishments: "établissements", units: "unités légales", writing: "écriture du registre" }[p.phase];
      const line = `  ${what} : ${p.rowsRead.toLocaleString("fr-FR")} lignes lues, ${p.rowsKept.toLocaleString("fr-FR")} retenues, ${p.rowsPerSecond.toLocaleString("fr-FR")} lignes/s`;
      // Redraw one line in a terminal; one line per step in a log file.
      process.stderr.write(process.stderr.isTTY ? `\r${line.padEnd(100)}` : `${line}\n`);
      shown = performance.now();
      unshown = null;
    };
    const report = await importSireneFiles(
      db.sql,
      { units: unitsPath, establishments: establishmentsPath },
      {
        communes,
        extractDate: values.date ?? null,
        signal: controller.signal,
        onProgress(p) {
          if (unshown && unshown.phase !== p.phase) show(unshown);
          if (p.phase === "writing" || performance.now() - shown >= 1000) show(p);
          else unshown = p;
        },
      },
    );
    if (process.stderr.isTTY) process.stderr.write("\n");
    console.log(
      `Registre SIRENE importé en ${((performance.now() - started) / 1000).toFixed(1)} s (extrait du ${report.extractDate ?? "?"}) : ` +
        `${report.kept} établissements ESS du territoire ; ${report.added} ajoutés, ${report.changed} modifiés, ${report.removed} retirés.`,
    );
  },
  [ScanError, DOMException],
);
