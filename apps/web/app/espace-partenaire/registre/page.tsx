import { formatDate, formatDateTime, formatInteger } from "@oess/domain/format";
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "../../../components/partner/action-form";
import { LoadError } from "../../../components/partner/load-error";
import { Message } from "../../../components/partner/message";
import { ScrollRegion } from "../../../components/scroll-region";
import { graphql } from "../../../lib/graphql";
import { requireSession } from "../../../lib/partner/session";
import { serverQuery } from "../../../lib/server-api";
import { cancelRegisterImport } from "../actions";

export const metadata: Metadata = { title: "Registre Sirene" };

const PATH = "/espace-partenaire/registre";
const REGISTER = graphql(`
  query RegisterAdministration {
    registerImportJob { status startedAt finishedAt files phase rowsRead rowsKept rowsPerSecond kept added changed removed error }
    registerImports { status startedAt finishedAt extractDate files demo rowsRead kept added changed removed error }
    registerSource { extractDate establishments }
  }
`);

const STATUS = { RUNNING: "en cours", DONE: "terminé", FAILED: "en échec", CANCELLED: "annulé" } as const;
const PHASES: Record<string, string> = {
  ESTABLISHMENTS: "lecture des établissements (StockEtablissement)",
  UNITS: "lecture des unités légales (StockUniteLegale)",
  WRITING: "écriture du registre",
};

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ envoi?: string; erreur?: string }> }) {
  const { isCoordinator } = await requireSession(PATH);
  if (!isCoordinator) return <p role="alert">Cette page est réservée à la coordination du PTCE.</p>;
  const { envoi, erreur } = await searchParams;
  const result = await serverQuery(REGISTER, {});
  if (!result.ok) return <LoadError what="Le registre Sirene" message={result.error.message} retry={PATH} />;
  const { registerImportJob: job, registerImports: imports, registerSource: source } = result.data;
  const running = job?.status === "RUNNING";
  return (
    <>
      {/* While an import runs, the page follows it without JavaScript. */}
      {running ? <meta httpEquiv="refresh" content="2" /> : null}
      <p>
        <Link href="/espace-partenaire/administration">← Administration</Link>
      </p>
      <h1>Registre Sirene</h1>
      <p className="lead">
        Les établissements de l'ESS du territoire d'après le répertoire Sirene de l'Insee, distincts des enregistrements des partenaires. Ils nourrissent la
        page « <Link href="/ess-du-territoire">L'ESS du territoire</Link> », la couche de la carte et les fichiers ouverts etablissements-ess.
        {source
          ? ` Le registre tient l'extrait du ${source.extractDate ? formatDate(source.extractDate) : "(date inconnue)"} : ${formatInteger(source.establishments)} établissements.`
          : " Aucun extrait n'a encore été importé."}
      </p>
      <Message text={erreur} error />
      {envoi === "ok" && running ? <Message text="Fichiers reçus : l'import est lancé." /> : null}

      {job ? (
        <section className="panel" aria-labelledby="import-en-cours-titre">
          <h2 id="import-en-cours-titre">Dernier import lancé : {STATUS[job.status]}</h2>
          <p role="status">
            {job.files}, lancé le {formatDateTime(job.startedAt)}
            {job.status === "RUNNING" && job.phase
              ? ` — ${PHASES[job.phase] ?? job.phase} : ${formatInteger(job.rowsRead)} lignes lues, ${formatInteger(job.rowsKept)} retenues (${formatInteger(job.rowsPerSecond)} lignes par seconde).`
              : job.status === "DONE"
                ? ` — ${formatInteger(job.kept ?? 0)} établissements ; ${formatInteger(job.added ?? 0)} ajoutés, ${formatInteger(job.changed ?? 0)} modifiés, ${formatInteger(job.removed ?? 0)} retirés.`
                : job.error
                  ? ` — ${job.error}`
                  : ""}
          </p>
          {running ? <ActionForm action={cancelRegisterImport} hidden={{}} submit="Annuler l'import" secondary confirm="Annuler l'import en cours ?" /> : null}
        </section>
      ) : null}

      {running ? null : (
        <section className="panel" aria-labelledby="importer-titre">
          <h2 id="importer-titre">Importer un nouvel extrait</h2>
          <p>
            Téléchargez les deux fichiers stock sur{" "}
            <a href="https://www.data.gouv.fr/fr/datasets/base-sirene-des-entreprises-et-de-leurs-etablissements-siren-siret/">data.gouv.fr</a>{" "}
            (StockUniteLegale et StockEtablissement, en CSV ou tels quels en ZIP), puis envoyez-les ici. Seuls les établissements des communes du territoire
            dont l'unité légale est de l'ESS sont gardés ; un nouvel extrait met le registre à jour et garde la trace de ce qui a changé. Comptez quelques
            minutes pour les fichiers nationaux. L'envoi doit durer moins de 5 minutes (délai des serveurs) : envoyez les ZIP tels que publiés, plus légers ;
            sur une connexion lente, l'hébergeur importe les fichiers sur le serveur avec <code>npm run import:sirene</code>.
          </p>
          <form method="post" action={`${PATH}/envoi`} encType="multipart/form-data" className="form">
            <label>
              StockUniteLegale (.csv ou .zip)
              <input type="file" name="units" accept=".csv,.zip" required />
            </label>
            <label>
              StockEtablissement (.csv ou .zip)
              <input type="file" name="establishments" accept=".csv,.zip" required />
            </label>
            <label>
              Date de l'extrait (facultative, AAAA-MM-JJ : « mise à jour du … » sur data.gouv.fr)
              <input type="date" name="extractDate" />
            </label>
            <button type="submit">Envoyer et importer</button>
          </form>
        </section>
      )}

      <section className="panel" aria-labelledby="historique-titre">
        <h2 id="historique-titre">Imports précédents</h2>
        {imports.length === 0 ? (
          <p>Aucun import.</p>
        ) : (
          <ScrollRegion label="Imports précédents">
            <table>
              <caption className="visually-hidden">Imports du registre Sirene, le plus récent d'abord</caption>
              <thead>
                <tr>
                  <th scope="col">Fin</th>
                  <th scope="col">Issue</th>
                  <th scope="col">Extrait du</th>
                  <th scope="col">Fichiers</th>
                  <th scope="col">Lignes lues</th>
                  <th scope="col">Établissements</th>
                  <th scope="col">Changements</th>
                </tr>
              </thead>
              <tbody>
                {imports.map((i) => (
                  <tr key={i.startedAt}>
                    <td>{formatDateTime(i.finishedAt)}</td>
                    <td>{i.error ? `${STATUS[i.status]} : ${i.error}` : STATUS[i.status]}</td>
                    <td>{i.extractDate ? formatDate(i.extractDate) : "—"}</td>
                    <td>{i.demo ? "Données de démonstration" : i.files}</td>
                    <td>{formatInteger(i.rowsRead)}</td>
                    <td>{formatInteger(i.kept)}</td>
                    <td>{`${formatInteger(i.added)} ajoutés, ${formatInteger(i.changed)} modifiés, ${formatInteger(i.removed)} retirés`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </>
  );
}
