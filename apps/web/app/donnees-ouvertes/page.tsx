import { formatDate, formatEuros, formatInteger, formatPercent } from "@oess/domain/format";
import type { ConformityReport } from "@oess/opendata";
import type { Metadata } from "next";
import { fetchOpenData, publicApiUrl } from "../../lib/api";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Données ouvertes" };

interface DataPackage {
  version: string;
  licenses: Array<{ title: string; path: string }>;
  resources: Array<{ name: string; title: string; description: string; path: string }>;
}

// « CSV pour Excel »: semicolons, decimal commas and a BOM, as Excel France opens a file with a double click.
const DOWNLOADS = [
  ["csv", "CSV"],
  ["excel.csv", "CSV pour Excel"],
  ["json", "JSON"],
  ["xlsx", "XLSX"],
] as const;

export default async function OpenDataPage() {
  const [pkg, conformity] = await Promise.all([fetchOpenData<DataPackage>("datapackage.json"), fetchOpenData<ConformityReport>("scdl/conformite.json")]);
  const api = publicApiUrl();
  if (!pkg || !conformity) {
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
        <a href={pkg.licenses[0]?.path}>{pkg.licenses[0]?.title ?? "Licence Ouverte 2.0"}</a>. Dernière mise à jour : {formatDate(pkg.version)}.
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
        {late.length > 0 ? (
          <details>
            <summary>Voir les {formatInteger(late.length)} subventions publiées en retard</summary>
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
          </details>
        ) : null}
        <p>
          Le rapport complet : <a href={`${api}/opendata/scdl/conformite.json`}>conformite.json</a>.
        </p>
      </section>
    </>
  );
}
