"use client";
// Importing a spreadsheet: choose the organisation and the kind of file, preview every row's fate
// and every problem, then import — all or nothing. The upload shows its progress.
import { useState } from "react";
import { CSRF_HEADERS } from "../../lib/partner-api";
import { Message } from "./message";
import { useSession } from "./session";

interface Report {
  fileName: string;
  rowCount: number;
  created: number;
  updated: number;
  unchanged: number;
  applied: boolean;
  problems: Array<{ line: number; column: string; message: string }>;
}

const REPORT = "fileName rowCount created updated unchanged applied problems { line column message }";

/** A GraphQL multipart request (the spec's operations / map / file parts), with upload progress. */
function upload(
  mutation: "previewImport" | "runImport",
  partnerId: string,
  kind: string,
  file: File,
  onProgress: (share: number) => void,
): Promise<{ report: Report | null; error: string | null }> {
  const form = new FormData();
  form.set(
    "operations",
    JSON.stringify({
      query: `mutation ($p: String!, $k: ImportKind!, $f: File!) { ${mutation}(partnerId: $p, kind: $k, file: $f) { ${REPORT} } }`,
      variables: { p: partnerId, k: kind, f: null },
    }),
  );
  form.set("map", JSON.stringify({ 0: ["variables.f"] }));
  form.set("0", file);
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/graphql");
    for (const [name, value] of Object.entries(CSRF_HEADERS)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const body = JSON.parse(xhr.responseText || "{}") as { data?: Record<string, Report>; errors?: Array<{ message: string }> };
      resolve({ report: body.data?.[mutation] ?? null, error: body.errors?.[0]?.message ?? null });
    };
    xhr.onerror = () => resolve({ report: null, error: "Le fichier n'a pas pu être envoyé : vérifiez votre connexion." });
    xhr.send(form);
  });
}

export function ImportForm() {
  const { editable: organisations } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [partnerId, setPartnerId] = useState(organisations[0]?.databaseId ?? "");
  const [kind, setKind] = useState("JOBS");
  const [phase, setPhase] = useState<{ step: "idle" | "sending" | "checking"; progress: number }>({ step: "idle", progress: 0 });
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = async (mutation: "previewImport" | "runImport") => {
    if (!file) return;
    setError(null);
    setPhase({ step: "sending", progress: 0 });
    const result = await upload(mutation, partnerId, kind, file, (share) => setPhase({ step: share < 1 ? "sending" : "checking", progress: share }));
    setPhase({ step: "idle", progress: 0 });
    setReport(result.report);
    setError(result.error);
  };
  const busy = phase.step !== "idle";

  return (
    <>
      <form
        className="panel form"
        onSubmit={(e) => {
          e.preventDefault();
          void send("previewImport");
        }}
      >
        <div className="form__grid">
          <label>
            Organisation
            <select
              value={partnerId}
              onChange={(e) => {
                setPartnerId(e.target.value);
                setReport(null);
              }}
              required
            >
              {organisations.map((p) => (
                <option key={p.databaseId} value={p.databaseId}>
                  {p.shortName}
                </option>
              ))}
            </select>
          </label>
          <label>
            Contenu du fichier
            <select
              value={kind}
              onChange={(e) => {
                setKind(e.target.value);
                setReport(null);
              }}
            >
              <option value="JOBS">Emplois de l'année</option>
              <option value="FUNDINGS">Financements</option>
            </select>
          </label>
          <label>
            Fichier CSV ou XLSX
            <input
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              required
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setReport(null);
              }}
            />
          </label>
        </div>
        <details>
          <summary>Colonnes attendues</summary>
          {kind === "JOBS" ? (
            <p>
              <code>siret</code> (ou <code>rna</code>), <code>annee</code>, <code>emplois_crees</code>, <code>etp</code> ; facultatives : <code>source</code>,{" "}
              <code>millesime</code>. Une ligne par entreprise et par année ; séparateur virgule ou point-virgule ; décimales avec virgule ou point.
            </p>
          ) : (
            <p>
              <code>financeur</code> (nom court, ex. can, ou SIRET), <code>beneficiaire_siret</code> (ou <code>beneficiaire_rna</code>,{" "}
              <code>beneficiaire_partenaire</code>), <code>montant</code>, <code>annee</code>, <code>date_decision</code>, <code>instrument</code>,{" "}
              <code>objet</code>, <code>reference_decision</code> ; facultatives : <code>date_convention</code>, <code>nature</code>,{" "}
              <code>conditions_versement</code>, <code>debut_versement</code>, <code>fin_versement</code>, <code>part_subvention</code>,{" "}
              <code>notification_ue</code>, <code>dispositif</code>, <code>id_rae</code>, <code>source</code>, <code>millesime</code>.
            </p>
          )}
        </details>
        <div className="form__actions">
          <button type="submit" disabled={!file || busy}>
            Prévisualiser
          </button>
          {report && !report.applied && report.problems.length === 0 ? (
            <button type="button" disabled={busy} onClick={() => void send("runImport")}>
              Importer {report.created + report.updated} ligne{report.created + report.updated > 1 ? "s" : ""}
            </button>
          ) : null}
        </div>
        <div role="status" aria-live="polite">
          {busy ? (
            <>
              <progress max={1} value={phase.step === "sending" ? phase.progress : undefined} aria-label="Progression de l'import" />{" "}
              {phase.step === "sending" ? `Envoi du fichier : ${Math.round(phase.progress * 100)} %` : "Vérification des lignes…"}
            </>
          ) : null}
        </div>
      </form>
      <Message text={error} error />
      {report ? (
        <section className="panel" aria-labelledby="rapport-titre">
          <h2 id="rapport-titre">
            {report.applied ? "Import terminé" : report.problems.length > 0 ? "Le fichier ne peut pas être importé" : "Aperçu de l'import"}
          </h2>
          <p>
            {report.fileName} : {report.rowCount} ligne{report.rowCount > 1 ? "s" : ""} — {report.created} {report.applied ? "créée(s)" : "à créer"},{" "}
            {report.updated} {report.applied ? "modifiée(s)" : "à modifier"}, {report.unchanged} inchangée(s).
            {report.problems.length > 0 ? " Rien n'a été enregistré : corrigez ces lignes, puis envoyez de nouveau le fichier." : ""}
            {report.applied ? " Les lignes sont des brouillons de votre organisation : soumettez-les pour relecture depuis votre espace." : ""}
          </p>
          {report.problems.length > 0 ? (
            <table>
              <caption>Lignes en erreur ({report.problems.length})</caption>
              <thead>
                <tr>
                  <th scope="col">Ligne</th>
                  <th scope="col">Colonne</th>
                  <th scope="col">Problème</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.map((p) => (
                  <tr key={`${p.line}-${p.column}-${p.message}`}>
                    <th scope="row">{p.line}</th>
                    <td>{p.column || "—"}</td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
