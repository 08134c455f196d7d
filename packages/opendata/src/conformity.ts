// Legal-deadline watch: each grant of 23 000 € or more from a public body must be published
// within three months of its convention (décret 2017-779). Published grants are listed with their
// delay; grants not yet public are only counted, since their details are not public.
import { formatEuros, SCDL_PUBLICATION_DELAY_MONTHS, SCDL_PUBLICATION_THRESHOLD, scdlPublicationDeadline } from "@oess/domain";
import type { ExportContext } from "./dataset";

interface ConformityGrant {
  nomAttribuant: string;
  idAttribuant: string;
  referenceDecision: string | null;
  nomBeneficiaire: string;
  montant: string;
  dateConvention: string;
  dateLimitePublication: string;
  datePublication: string;
  joursDeRetard: number;
  dansLeDelai: boolean;
}

interface ConformitySummary {
  nomAttribuant: string;
  idAttribuant: string;
  publieesDansLeDelai: number;
  publieesEnRetard: number;
  nonPublieesDelaiDepasse: number;
  tauxDansLeDelai: number | null;
}

export interface ConformityReport {
  titre: string;
  regle: string;
  seuil: number;
  delaiMois: number;
  dateDuRapport: string;
  synthese: ConformitySummary[];
  subventions: ConformityGrant[];
}

const DAY = 86_400_000;

export async function conformityReport(ctx: ExportContext, today: string, attribuant?: string): Promise<ConformityReport> {
  const params: unknown[] = [SCDL_PUBLICATION_THRESHOLD];
  if (attribuant) params.push(attribuant);
  const byFunder = attribuant ? `AND a.siret = $${params.length}` : "";
  const concerned = `f.instrument = 'GRANT' AND a.is_public_body AND f.amount >= $1 AND f.convention_date IS NOT NULL ${byFunder}`;
  const published = await ctx.sql.query<Record<string, string | null>>(
    `SELECT a.name AS funder, a.siret, f.decision_reference AS reference, coalesce(e.name, bp.name) AS beneficiary, f.amount::text AS amount,
       to_char(f.convention_date, 'YYYY-MM-DD') AS convention_date, to_char(f.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS published_on
     FROM funding f JOIN partner a ON a.id = f.funder_id
       LEFT JOIN enterprise e ON e.id = f.beneficiary_enterprise_id LEFT JOIN partner bp ON bp.id = f.beneficiary_partner_id
     WHERE ${concerned} AND f.status = 'PUBLISHED' ORDER BY f.convention_date, f.id`,
    params,
  );
  const pending = await ctx.sql.query<{ funder: string; siret: string; convention_date: string }>(
    `SELECT a.name AS funder, a.siret, to_char(f.convention_date, 'YYYY-MM-DD') AS convention_date
     FROM funding f JOIN partner a ON a.id = f.funder_id WHERE ${concerned} AND f.status <> 'PUBLISHED'`,
    params,
  );

  const grants: ConformityGrant[] = published.map((g) => {
    const deadline = scdlPublicationDeadline(g.convention_date as string);
    const publishedOn = g.published_on as string;
    const late = Math.max(0, Math.round((Date.parse(publishedOn) - Date.parse(deadline)) / DAY));
    return {
      nomAttribuant: g.funder as string,
      idAttribuant: g.siret ?? "",
      referenceDecision: g.reference ?? null,
      nomBeneficiaire: g.beneficiary as string,
      montant: g.amount as string,
      dateConvention: g.convention_date as string,
      dateLimitePublication: deadline,
      datePublication: publishedOn,
      joursDeRetard: late,
      dansLeDelai: late === 0,
    };
  });

  const summaries = new Map<string, ConformitySummary>();
  const summary = (name: string, siret: string) => {
    let s = summaries.get(siret);
    if (!s) {
      s = { nomAttribuant: name, idAttribuant: siret, publieesDansLeDelai: 0, publieesEnRetard: 0, nonPublieesDelaiDepasse: 0, tauxDansLeDelai: null };
      summaries.set(siret, s);
    }
    return s;
  };
  for (const g of grants) {
    const s = summary(g.nomAttribuant, g.idAttribuant);
    if (g.dansLeDelai) s.publieesDansLeDelai++;
    else s.publieesEnRetard++;
  }
  for (const p of pending) if (scdlPublicationDeadline(p.convention_date) < today) summary(p.funder, p.siret).nonPublieesDelaiDepasse++;
  for (const s of summaries.values()) {
    const total = s.publieesDansLeDelai + s.publieesEnRetard + s.nonPublieesDelaiDepasse;
    s.tauxDansLeDelai = total > 0 ? Math.round((s.publieesDansLeDelai / total) * 1000) / 1000 : null;
  }

  return {
    titre: "Publication des données essentielles des conventions de subvention",
    regle:
      `Une subvention de ${formatEuros(SCDL_PUBLICATION_THRESHOLD)} ou plus attribuée par une personne publique doit être publiée ` +
      `au format SCDL dans les ${SCDL_PUBLICATION_DELAY_MONTHS} mois suivant la signature de la convention (loi n° 2000-321, art. 10 ; décret n° 2017-779).`,
    seuil: SCDL_PUBLICATION_THRESHOLD,
    delaiMois: SCDL_PUBLICATION_DELAY_MONTHS,
    dateDuRapport: today,
    synthese: [...summaries.values()].sort((a, b) => a.nomAttribuant.localeCompare(b.nomAttribuant, "fr")),
    subventions: grants,
  };
}
