// On an enterprise's page: its establishment in the SIRENE register, and where the record and
// the register disagree, for the partner and the coordination to review. Nothing is corrected
// for them.
import { formatDate } from "@oess/domain/format";

const FIELDS = { communeCode: "Commune (code INSEE)", legalCategory: "Catégorie juridique", nafCode: "Code NAF", ceasedOn: "Cessation" } as const;

interface Props {
  sirene: {
    matchedBy: "SIRET" | "SIREN_AND_COMMUNE";
    establishment: { siret: string; name: string | null; communeName: string | null };
    mismatches: ReadonlyArray<{ field: keyof typeof FIELDS; recorded: string; register: string }>;
  } | null;
}

const shown = (field: keyof typeof FIELDS, value: string) =>
  value === "" ? (field === "ceasedOn" ? "en activité" : "—") : field === "ceasedOn" ? `cessée le ${formatDate(value)}` : value;

export function SireneComparison({ sirene }: Props) {
  return (
    <section className="panel" aria-labelledby="sirene-titre">
      <h2 id="sirene-titre">Dans le répertoire SIRENE</h2>
      {!sirene ? (
        <p>SIRENE ne compte pas cette entreprise parmi les établissements de l'ESS du territoire (ou le registre n'a pas été importé).</p>
      ) : (
        <>
          <p>
            Cette entreprise est connue de SIRENE : {sirene.establishment.name ?? "(nom non diffusible)"}, {sirene.establishment.communeName}, établissement{" "}
            {sirene.establishment.siret}
            {sirene.matchedBy === "SIREN_AND_COMMUNE" ? " (un autre établissement de la même entreprise, dans la même commune)" : ""}.
          </p>
          {sirene.mismatches.length === 0 ? (
            <p>La fiche concorde avec SIRENE.</p>
          ) : (
            <table>
              <caption>Écarts avec SIRENE, à vérifier (rien n'est corrigé automatiquement)</caption>
              <thead>
                <tr>
                  <th scope="col">Donnée</th>
                  <th scope="col">Fiche</th>
                  <th scope="col">SIRENE</th>
                </tr>
              </thead>
              <tbody>
                {sirene.mismatches.map((m) => (
                  <tr key={m.field}>
                    <th scope="row">{FIELDS[m.field]}</th>
                    <td>{shown(m.field, m.recorded)}</td>
                    <td>{shown(m.field, m.register)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
