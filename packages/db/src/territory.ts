// Keeps the commune table equal to the official list for the configured EPCI.
import type { Territory } from "@oess/domain";
import type { SqlExecutor } from "./driver";

const LISTED = `SELECT u.code, u.name, u.siren, $5::text AS epci_siren, u.population
  FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS u(code, name, siren, population)`;

/**
 * Writes only when the table differs from the list. Any statement on commune counts as a data
 * change (its trigger fires even for rows left as they were): at every start-up, it renewed every
 * cache and ETag and had the next dataset version compare every dataset again.
 */
export async function syncTerritory(sql: SqlExecutor, territory: Territory): Promise<void> {
  const { communes } = territory;
  const params = [
    communes.map((c) => c.code),
    communes.map((c) => c.name),
    communes.map((c) => c.siren),
    communes.map((c) => c.population),
    territory.epciSiren,
  ];
  const [state] = await sql.query<{ differs: boolean }>(
    `SELECT EXISTS (${LISTED} EXCEPT SELECT code, name, siren, epci_siren, population FROM commune) AS differs`,
    params,
  );
  if (!state?.differs) return;
  await sql.query(
    `INSERT INTO commune (code, name, siren, epci_siren, population) ${LISTED}
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, siren = EXCLUDED.siren, epci_siren = EXCLUDED.epci_siren, population = EXCLUDED.population`,
    params,
  );
}
