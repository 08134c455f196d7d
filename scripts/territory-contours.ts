// npm run territory:contours -- <communes-DD-nom.geojson>…
// Writes the contours of the configured EPCI's communes (TERRITORY_EPCI_SIREN, default the CA du
// Niortais) into packages/domain/data/contours/{siren}.geojson, from the département files of
// github.com/gregoiredavid/france-geojson (IGN Admin Express COG 2018). Give every département
// the EPCI spans. Communes found in none are listed: the maps then say they could not draw them.
import fs from "node:fs";
import { DEFAULT_EPCI_SIREN, loadTerritory } from "@oess/domain";
import { extractContours } from "@oess/domain/contours";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("Usage: npm run territory:contours -- <communes-79-deux-sevres.geojson> [other département files…]");
  process.exit(2);
}
const territory = loadTerritory(process.env.TERRITORY_EPCI_SIREN || DEFAULT_EPCI_SIREN);
const { geojson, missing } = extractContours(
  territory,
  files.map((file) => JSON.parse(fs.readFileSync(file, "utf8"))),
);
const target = new URL(`../packages/domain/data/contours/${territory.epciSiren}.geojson`, import.meta.url);
fs.writeFileSync(target, `${JSON.stringify(geojson)}\n`);
console.log(`${territory.name}: ${geojson.features.length} of ${territory.communes.length} communes written to ${target.pathname}`);
if (missing.length > 0) {
  const names = missing.map((code) => `${territory.communes.find((c) => c.code === code)?.name} (${code})`);
  console.log(`No contour for: ${names.join(", ")}`);
}
