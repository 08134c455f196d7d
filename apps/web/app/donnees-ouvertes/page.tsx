import { formatDate, formatEuros, formatInteger, formatPercent } from "@oess/domain/format";
import type { ConformityReport } from "@oess/opendata";
import type { Metadata } from "next";
import { ScrollRegion } from "../../components/scroll-region";
import { fetchOpenData, publicApiUrl } from "../../lib/api";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Données ouvertes" };

interface DataPackage {
  created: string;
  licenses: Array<{ title: string; path: string }>;
  resources: Array<{ name: string; title: string; description: string; path: string }>;
}

interface VersionList {
  latest: number | null;
  versions: Array<{
    version: number;
    releasedAt: string;
    note: string | null;
    datapackage: string;
    citation: string;
    changes: Array<{ dataset: string; added: number; corrected: number; withdrawn: number; rows: number }>;
  }>;
}

/** How many past versions the page lists; versions.json has them all. */
const VERSIONS_SHOWN = 10;

// « CSV pour Excel »: semicolons, decimal commas and a BOM, as Excel France opens a file with a double click.
const DOWNLOADS = [
  ["csv", "CSV"],
  ["excel.csv", "CSV pour Excel"],
  ["json", "JSON"],
  ["xlsx", "XLSX"],
] as const;

export default async function OpenDataPage() {
  const [pkg, conformity, versions] = await Promise.all([
    fetchOpenData<DataPackage>("datapackage.json"),
    fetchOpenData<ConformityReport>("scdl/conformite.json"),
    fetchOpenData<VersionList>("versions.json"),
  ]);
  const api = publicApiUrl();
  if (!pkg || !conformity || !versions) {
    return (
      <section className="error" role="alert">
        <h1>Les données ouvertes sont momentanément indisponibles</h1>
        <p>Le service de données ne répond pas. Réessayez dans quelques instants.</p>
      </section>
    );
  }
  const datasets = pkg.resources.filter((r) => r.name !== "scdl-subventions");
  const late = conformity.subventions.filter((s) => !s.dansLeDelai);
  return (
    <>
      <h1>Données ouvertes</h1>
      <p className="lead">
        Toutes les données publiées de l'Observatoire, librement réutilisables sous{" "}
        <a href={pkg.licenses[0]?.path}>{pkg.licenses[0]?.title ?? "Licence Ouverte 2.0"}</a>. Dernière mise à jour : {formatDate(pkg.created)}.
      </p>

      <section aria-labelledby="jeux">
        <h2 id="jeux">Jeux de données</h2>
        <ul className="dataset-list">
          {datasets.map((d) => (
            <li key={d.name} className="dataset">
              <h3>{d.title}</h3>
              <p>{d.description}</p>
              <p className="formats">
                {DOWNLOADS.map(([format, label]) => (
                  <a key={format} href={`${api}/opendata/${d.name}.${format}`} download>
                    {label}
                    <span className="visually-hidden"> — {d.title}</span>
                  </a>
                ))}
              </p>
            </li>
          ))}
        </ul>
        <p>
          Pour les moissonneurs et les réutilisateurs : <a href={`${api}/opendata/catalog.jsonld`}>catalogue DCAT (JSON-LD)</a>,{" "}
          <a href={`${api}/opendata/catalog.ttl`}>catalogue DCAT (Turtle)</a>, <a href={`${api}/opendata/datapackage.json`}>Data Package</a>,{" "}
          <a href={`${api}/graphql`}>API GraphQL</a>.
        </p>
      </section>

      <CiteSection versions={versions} api={api} titles={new Map(pkg.resources.map((r) => [r.name, r.title]))} />

      <section aria-labelledby="scdl">
        <h2 id="scdl">Subventions au format SCDL</h2>
        <p>
          Les subventions attribuées par les partenaires publics, au format réglementaire SCDL « Subventions » 2.1.1 :{" "}
          <a href={`${api}/opendata/scdl/subventions.csv`} download>
            subventions.csv
          </a>
          .
        </p>
        <h3>Respect du délai de publication</h3>
        <p>{conformity.regle}</p>
        <ScrollRegion label="Respect du délai de publication, par attribuant">
          <table>
            <caption>Subventions de 23 000 € ou plus par attribuant, au {formatDate(conformity.dateDuRapport)}</caption>
            <thead>
              <tr>
                <th scope="col">Attribuant</th>
                <th scope="col">Publiées dans le délai</th>
                <th scope="col">Publiées en retard</th>
                <th scope="col">Non publiées, délai dépassé</th>
                <th scope="col">Taux dans le délai</th>
              </tr>
            </thead>
            <tbody>
              {conformity.synthese.map((s) => (
                <tr key={s.idAttribuant}>
                  <th scope="row">{s.nomAttribuant}</th>
                  <td>{formatInteger(s.publieesDansLeDelai)}</td>
                  <td>{formatInteger(s.publieesEnRetard)}</td>
                  <td>{formatInteger(s.nonPublieesDelaiDepasse)}</td>
                  <td>{s.tauxDansLeDelai === null ? "—" : formatPercent(s.tauxDansLeDelai)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        {late.length > 0 ? (
          <details>
            <summary>Voir les {formatInteger(late.length)} subventions publiées en retard</summary>
            <ScrollRegion label="Subventions publiées en retard">
              <table>
                <caption>Subventions publiées après le délai de trois mois</caption>
                <thead>
                  <tr>
                    <th scope="col">Attribuant</th>
                    <th scope="col">Bénéficiaire</th>
                    <th scope="col">Montant</th>
                    <th scope="col">Convention</th>
                    <th scope="col">Publication</th>
                    <th scope="col">Retard</th>
                  </tr>
                </thead>
                <tbody>
                  {late.map((s) => (
                    <tr key={`${s.nomAttribuant}-${s.dateConvention}-${s.nomBeneficiaire}-${s.montant}`}>
                      <td>{s.nomAttribuant}</td>
                      <td>{s.nomBeneficiaire}</td>
                      <td>{formatEuros(s.montant)}</td>
                      <td>{formatDate(s.dateConvention)}</td>
                      <td>{formatDate(s.datePublication)}</td>
                      <td>{formatInteger(s.joursDeRetard)} j</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </details>
        ) : null}
        <p>
          Le rapport complet : <a href={`${api}/opendata/scdl/conformite.json`}>conformite.json</a>.
        </p>
      </section>
    </>
  );
}

function CiteSection({ versions, api, titles }: { versions: VersionList; api: string; titles: ReadonlyMap<string, string> }) {
  const [latest] = versions.versions;
  return (
    <section aria-labelledby="citer">
      <h2 id="citer">Citer les données</h2>
      {latest ? (
        <>
          <p>
            Chaque version des données est numérotée et figée : ses fichiers restent à la même adresse, inchangés. Citez la version que vous avez utilisée :
          </p>
          <blockquote className="citation">{latest.citation}</blockquote>
          <p className="formats">
            <a href={`${api}/opendata/v/${latest.version}/CITATION.cff`} download>
              CITATION.cff
            </a>
            <a href={`${api}/opendata/v/${latest.version}/citation.bib`} download>
              BibTeX
            </a>
            <a href={`${api}/opendata/v/${latest.version}/citation.json`} download>
              CSL-JSON (Zotero)
            </a>
            <a href={latest.datapackage}>Fichiers de la version {latest.version}</a>
          </p>
          <ScrollRegion label="Dernières versions">
            <table>
              <caption>Dernières versions et les lignes qu'elles ont ajoutées, corrigées ou retirées</caption>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Date</th>
                  <th scope="col">Changements</th>
                </tr>
              </thead>
              <tbody>
                {versions.versions.slice(0, VERSIONS_SHOWN).map((v) => (
                  <tr key={v.version}>
                    <th scope="row">
                      <a href={v.datapackage}>{v.version}</a>
                    </th>
                    <td>{formatDate(v.releasedAt.slice(0, 10))}</td>
                    <td>{changeSummary(v.changes, titles)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p>
            Toutes les versions : <a href={`${api}/opendata/versions.json`}>versions.json</a>.
          </p>
        </>
      ) : (
        <p>Aucune version n'a encore été figée : les fichiers ci-dessus suivent les publications.</p>
      )}
    </section>
  );
}

function changeSummary(changes: VersionList["versions"][number]["changes"], titles: ReadonlyMap<string, string>): string {
  const counted = (n: number, word: string) => (n > 0 ? [`${formatInteger(n)} ${word}${n > 1 ? "s" : ""}`] : []);
  const lines = changes.flatMap((c) => {
    const parts = [...counted(c.added, "ajoutée"), ...counted(c.corrected, "corrigée"), ...counted(c.withdrawn, "retirée")];
    return parts.length > 0 ? [`${titles.get(c.dataset) ?? c.dataset} : ${parts.join(", ")}`] : [];
  });
  return lines.length > 0 ? lines.join(" ; ") : "aucun changement";
}
