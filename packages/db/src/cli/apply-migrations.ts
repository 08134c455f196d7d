// npm run db:migrate — applies pending migrations and loads the territory's communes.
import { loadTerritory } from "@oess/domain";
import { migrate } from "../migrate";
import { syncTerritory } from "../territory";
import { runWithDatabase } from "./run";

await runWithDatabase(async (db) => {
  const applied = await migrate(db.sql);
  console.log(applied.length > 0 ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
  const territory = loadTerritory(process.env.TERRITORY_EPCI_SIREN);
  await syncTerritory(db.sql, territory);
  console.log(`Territory: ${territory.name}, ${territory.communes.length} communes.`);
});
