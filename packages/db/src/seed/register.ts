// A fictitious SIRENE extract for the demo, so that « L'ESS du territoire » and the map's register
// layer show something before anyone imports the real files: the demo's published enterprises
// that have a SIRET, and about ten other ESS establishments per thousand inhabitants of each
// commune, drawn from a hash of their commune and number (the same ones every time; one that would
// take a demo enterprise's SIRET is left out).
import type { SqlExecutor } from "../driver";
import { LAST_YEAR } from "./generate";

/** Categories and the family each implies (see legalFamilyOfCategory), weighted by repetition. */
const CATEGORIES = [
  ["9220", "ASSOCIATION"],
  ["9220", "ASSOCIATION"],
  ["9220", "ASSOCIATION"],
  ["9220", "ASSOCIATION"],
  ["9220", "ASSOCIATION"],
  ["9210", "ASSOCIATION"],
  ["5458", "COOPERATIVE"],
  ["5560", "COOPERATIVE"],
  ["6317", "COOPERATIVE"],
  ["8210", "MUTUAL"],
  ["8250", "MUTUAL"],
  ["9300", "FOUNDATION"],
  ["5710", "ESS_COMPANY"],
] as const;
const ACTIVITIES = [
  ["88.99B", "Q"],
  ["88.10C", "Q"],
  ["94.99Z", "S"],
  ["93.12Z", "R"],
  ["85.59A", "P"],
  ["65.12Z", "K"],
  ["56.10A", "I"],
  ["01.13Z", "A"],
  ["43.21A", "F"],
  ["62.01Z", "J"],
] as const;
const BANDS = ["NN", "NN", "NN", "00", "01", "01", "02", "03", "11", "12", "21", "22", "32"];

const array = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(", ")}]`;

/** Writes the demo register and the import that « brought » it. */
export async function seedDemoRegister(tx: SqlExecutor): Promise<void> {
  const [run] = await tx.query<{ id: string }>(
    `INSERT INTO register_import (status, started_at, extract_date, files, demo, kept, added)
     VALUES ('DONE', now(), make_date($1, 12, 1), 'Données de démonstration (extrait Sirene fictif)', true, 0, 0) RETURNING id::text AS id`,
    [LAST_YEAR],
  );
  // h: a pseudo-random number per establishment; each attribute reads other bits of it.
  await tx.query(
    `WITH drawn AS (
       SELECT c.code, n, abs(hashtext(c.code || ':' || n)::bigint) AS h, abs(hashtext(n || ':' || c.code)::bigint) AS g
         FROM commune c CROSS JOIN LATERAL generate_series(1, least(999, greatest(2, c.population / 100))) AS n
     )
     INSERT INTO register_establishment (siret, siren, diffusible, name, establishment_name, commune_code, legal_category, legal_family, naf_rev2,
                                         naf_section, staff_band, staff_band_year, created_on, unit_created_on, active, ceased_on, head_office, import_id)
     SELECT e.siret, left(e.siret, 9), true, e.name, NULL, e.commune_code, coalesce(e.legal_category, (${array(CATEGORIES.map(([c]) => c))})[1 + abs(hashtext(e.siret)::bigint) % ${CATEGORIES.length}]),
            e.legal_family, e.naf_code, e.naf_section, (${array(BANDS)})[1 + abs(hashtext(e.siret)::bigint) % ${BANDS.length}], $2::int,
            e.founded_on, e.founded_on, e.ceased_on IS NULL, e.ceased_on, true, $1::uuid
       FROM enterprise e WHERE e.status = 'PUBLISHED' AND e.siret IS NOT NULL AND e.founded_on IS NOT NULL
     UNION ALL
     SELECT '8' || translate(d.code, 'AB', '01') || lpad(d.n::text, 3, '0') || '00012', '8' || translate(d.code, 'AB', '01') || lpad(d.n::text, 3, '0'),
            d.h % 33 <> 0, CASE WHEN d.h % 33 <> 0 THEN 'Structure de démonstration ' || d.code || '-' || d.n END, NULL, d.code,
            (${array(CATEGORIES.map(([c]) => c))})[1 + d.h % ${CATEGORIES.length}],
            ((${array(CATEGORIES.map(([, f]) => f))})[1 + d.h % ${CATEGORIES.length}])::"LegalFamily",
            (${array(ACTIVITIES.map(([a]) => a))})[1 + d.g % ${ACTIVITIES.length}], (${array(ACTIVITIES.map(([, s]) => s))})[1 + d.g % ${ACTIVITIES.length}],
            (${array(BANDS)})[1 + (d.h / 7) % ${BANDS.length}], $2::int,
            make_date(1975, 1, 1) + ((d.g / 11) % 18000)::int, NULL, (d.h / 3) % 10 < 8,
            CASE WHEN (d.h / 3) % 10 >= 8 THEN make_date(1975, 1, 1) + (200 + (d.g / 11) % 18000 + (d.h / 13) % 2500)::int END, (d.h / 5) % 4 > 0, $1::uuid
       FROM drawn d
     ON CONFLICT (siret) DO NOTHING`,
    [run?.id, LAST_YEAR - 1],
  );
  await tx.query(
    "UPDATE register_import SET kept = (SELECT count(*) FROM register_establishment), added = (SELECT count(*) FROM register_establishment) WHERE id = $1::uuid",
    [run?.id],
  );
}
