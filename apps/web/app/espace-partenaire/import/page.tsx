import { IMPORT_COLUMNS, IMPORT_KINDS, IMPORT_PRESENCE_LABELS } from "@oess/domain/import-columns";
import type { Metadata } from "next";
import Link from "next/link";
import { ImportForm } from "../../../components/partner/import-form";
import { ScrollRegion } from "../../../components/scroll-region";
import { TEMPLATE_NAMES } from "../../../lib/partner/import-templates";
import { requireSession } from "../../../lib/partner/session";

export const metadata: Metadata = { title: "Importer un fichier" };

const KIND_TITLES = { JOBS: "Emplois de l'année", FUNDINGS: "Financements" } as const;

export default async function ImportPage() {
  const { editable } = await requireSession("/espace-partenaire/import");
  return (
    <>
      <p>
        <Link href="/espace-partenaire">← Espace partenaire</Link>
      </p>
      <h1>Importer un fichier</h1>
      <p className="lead">
        Un tableur d'emplois ou de financements, vérifié ligne par ligne avant tout enregistrement. Importer deux fois le même fichier ne change rien.
      </p>
      <p>
        Une collectivité peut aussi importer le fichier SCDL « Subventions » qu'elle publie déjà sur data.gouv.fr (versions 2.0 à 2.1.1, UTF-8 ou Windows-1252,
        virgule ou point-virgule) : ses lignes dont l'idAttribuant est le SIRET de l'organisation deviennent des subventions, rapprochées des bénéficiaires par
        SIRET (idBeneficiaire) ou numéro RNA (rnaBeneficiaire) ; la date de la convention tient lieu de date de décision et d'exercice.
      </p>
      {editable.length === 0 ? (
        <p role="alert">Votre compte ne permet d'importer pour aucune organisation : demandez le rôle d'éditeur·rice à la coordination.</p>
      ) : (
        <ImportForm organisations={editable} />
      )}
      <section className="panel" aria-labelledby="modeles-titre">
        <h2 id="modeles-titre">Modèles et valeurs acceptées</h2>
        <ul>
          {IMPORT_KINDS.map((kind) => (
            <li key={kind}>
              {KIND_TITLES[kind]} : modèle <a href={`/espace-partenaire/import/modeles/modele-${TEMPLATE_NAMES[kind]}.csv`}>CSV (Excel France)</a> ou{" "}
              <a href={`/espace-partenaire/import/modeles/modele-${TEMPLATE_NAMES[kind]}.xlsx`}>XLSX</a>
            </li>
          ))}
          <li>
            <a href="/espace-partenaire/import/modeles/valeurs-autorisees.csv">
              Valeurs acceptées par les colonnes codées, et noms courts des financeurs (CSV)
            </a>
          </li>
        </ul>
        {IMPORT_KINDS.map((kind) => (
          <details key={kind}>
            <summary>Colonnes du fichier « {KIND_TITLES[kind]} »</summary>
            <ScrollRegion label={`Colonnes du fichier ${KIND_TITLES[kind]}`}>
              <table>
                <caption className="visually-hidden">Colonnes du fichier {KIND_TITLES[kind]}</caption>
                <thead>
                  <tr>
                    <th scope="col">Colonne</th>
                    <th scope="col">Présence</th>
                    <th scope="col">Description</th>
                    <th scope="col">Valeurs acceptées</th>
                    <th scope="col">Par défaut</th>
                  </tr>
                </thead>
                <tbody>
                  {IMPORT_COLUMNS[kind].map((c) => (
                    <tr key={c.name}>
                      <th scope="row">
                        <code>{c.name}</code>
                      </th>
                      <td>{IMPORT_PRESENCE_LABELS[c.presence]}</td>
                      <td>{c.description}</td>
                      <td>{c.allowed?.map((a) => `${a.value} (${a.meaning})`).join(", ") ?? "—"}</td>
                      <td>{c.default ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </details>
        ))}
        <p className="field__help">Séparateur virgule ou point-virgule ; décimales avec virgule ou point ; encodage UTF-8 ou Windows-1252 (Excel France).</p>
      </section>
    </>
  );
}
