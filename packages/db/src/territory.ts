// Keeps the commune table equal to the official list for the configured EPCI.
import type { Territory } from "@oess/domain";
import type { SqlExecutor } from "./driver";

export async function syncTerritory(sql: SqlExecutor, territory: Territory): Promise<void> {
  const { communes } = territory;
  await sql.query(
    `INSERT INTO commune (code, name, siren, epci_siren, population)
     SELECT u.code, u.name, u.siren, $5, u.population FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS u(code, name, siren, population)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, siren = EXCLUDED.siren, epci_siren = EXCLUDED.epci_siren, population = EXCLUDED.population`,
    [communes.map((c) => c.code), communes.map((c) => c.name), communes.map((c) => c.siren), communes.map((c) => c.population), territory.epciSiren],
  );
}
