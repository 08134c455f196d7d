/** An option of a choice list. */
export interface Choice {
  value: string;
  label: string;
}

/** An enterprise as a choice list shows it: namesakes told apart by commune and SIRET. */
export function enterpriseChoice(e: { databaseId: string; name: string; siret: string | null; status: string; commune: { name: string } | null }): Choice {
  const where = e.commune ? `, ${e.commune.name}` : "";
  const siret = e.siret ? ` (SIRET ${e.siret})` : "";
  return { value: e.databaseId, label: `${e.name}${where}${siret}${e.status !== "PUBLISHED" ? " — non publiée" : ""}` };
}
