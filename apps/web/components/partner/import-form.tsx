"use client";
// Importing a spreadsheet: choose the organisation and the kind of file, preview every row as
// read (values, the enterprise matched, the defaults applied) and every problem of every row,
// then import — all or nothing. The upload shows its progress.
import { IMPORT_COLUMNS, type ImportKind } from "@oess/domain/import-columns";
import Link from "next/link";
import { useState } from "react";
import { graphql, type ResultOf } from "../../lib/graphql";
import { uploadClient } from "../../lib/partner/upload";
import { ScrollRegion } from "../scroll-region";
import { Message } from "./message";

const REPORT = graphql(`
  fragment Report on ImportReport {
    fileName
    format
    rowCount
    created
    updated
    unchanged
    ignored
    applied
    problems { line column message }
    rows { line action values { column value defaulted } enterprise { name siret communeName } }
  }
`);
const PREVIEW = graphql(
  `mutation PreviewImport($partnerId: String!, $kind: ImportKind!, $file: File!) { report: previewImport(partnerId: $partnerId, kind: $kind, file: $file) { ...Report } }`,
  [REPORT],
);
const RUN = graphql(
  `mutation RunImport($partnerId: String!, $kind: ImportKind!, $file: File!) { report: runImport(partnerId: $partnerId, kind: $kind, file: $file) { ...Report } }`,
  [REPORT],
);
type Report = ResultOf<typeof PREVIEW>["report"];

const ACTIONS = { CREATE: "à créer", UPDATE: "à modifier", UNCHANGED: "inchangée", INVALID: "en erreur" } as const;
const DONE = { CREATE: "créée", UPDATE: "modifiée", UNCHANGED: "inchangée", INVALID: "en erreur" } as const;
const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? "s" : ""}`;

export function ImportForm({ organisations }: { organisations: ReadonlyArray<{ databaseId: string; shortName: string }> }) {
  const [file, setFile] = useState<File | null>(null);
  const [partnerId, setPartnerId] = useState(organisations[0]?.databaseId ?? "");
  const [kind, setKind] = useState<ImportKind | "SCDL">("JOBS");
  const [phase, setPhase] = useState<{ step: "idle" | "sending" | "checking"; progress: number }>({ step: "idle", progress: 0 });
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = async (apply: boolean) => {
    if (!file) return;
    setError(null);
    setPhase({ step: "sending", progress: 0 });
    const client = uploadClient((share) => setPhase({ step: share < 1 ? "sending" : "checking", progress: share }));
    const result = await client.mutation(apply ? RUN : PREVIEW, { partnerId, kind, file }).toPromise();
    setPhase({ step: "idle", progress: 0 });
    setReport(result.data?.report ?? null);
    setError(result.error ? (result.error.graphQLErrors[0]?.message ?? "Le fichier n'a pas pu être envoyé : vérifiez votre connexion, puis réessayez.") : null);
  };
  const busy = phase.step !== "idle";
  // An SCDL file is read as fundings: its preview shows the fundings' columns.
  const columns = IMPORT_COLUMNS[kind === "SCDL" ? "FUNDINGS" : kind];
  const reset = () => setReport(null);

  return (
    <>
      <form
        className="panel form"
        onSubmit={(e) => {
          e.preventDefault();
          void send(false);
        }}
      >
        <div className="form__grid">
          <label>
            Organisation
            <select
              value={partnerId}
              onChange={(e) => {
                setPartnerId(e.target.value);
                reset();
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
                setKind(e.target.value === "FUNDINGS" || e.target.value === "SCDL" ? e.target.value : "JOBS");
                reset();
              }}
            >
              <option value="JOBS">Emplois de l'année</option>
              <option value="FUNDINGS">Financements</option>
              <option value="SCDL">Subventions publiées au format SCDL (personnes publiques)</option>
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
                reset();
              }}
            />
          </label>
        </div>
        <div className="form__actions">
          <button type="submit" disabled={!file || busy}>
            Prévisualiser
          </button>
          {report && !report.applied && report.problems.length === 0 ? (
            <button type="button" disabled={busy} onClick={() => void send(true)}>
              Importer {plural(report.created + report.updated, "ligne")}
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
        <ImportReport
          report={report}
          // The file's columns that say something: those of a kind that no row fills are left out.
          columns={columns.map((c) => c.name).filter((name) => report.rows.some((r) => r.values.some((v) => v.column === name && v.value !== "")))}
        />
      ) : null}
    </>
  );
}

function ImportReport({ report, columns }: { report: Report; columns: string[] }) {
  const actions = report.applied ? DONE : ACTIONS;
  const problemsOf = (line: number) => report.problems.filter((p) => p.line === line);
  const general = report.problems.filter((p) => !report.rows.some((r) => r.line === p.line));
  return (
    <section className="panel" aria-labelledby="rapport-titre">
      <h2 id="rapport-titre">
        {report.applied ? "Import terminé" : report.problems.length > 0 ? "Le fichier ne peut pas être importé" : "Aperçu de l'import"}
      </h2>
      <p>
        {report.fileName}
        {report.format ? ` (${report.format})` : ""} : {plural(report.rowCount, "ligne")} — {report.created} {actions.CREATE}, {report.updated} {actions.UPDATE}
        , {report.unchanged} {actions.UNCHANGED}
        {report.problems.length > 0 ? `, ${plural(report.problems.length, "problème")}` : ""}
        {report.ignored > 0 ? ` ; ${plural(report.ignored, "ligne")} d'un autre attribuant laissée${report.ignored > 1 ? "s" : ""} de côté` : ""}.
        {report.problems.length > 0 ? " Rien n'a été enregistré : corrigez le fichier, puis envoyez-le de nouveau." : ""}
      </p>
      {report.applied ? (
        <p>
          Les lignes sont des brouillons de votre organisation : <Link href="/espace-partenaire?statut=brouillon">soumettez-les pour relecture</Link>.
        </p>
      ) : null}
      {general.length > 0 ? (
        <ul className="form-error">
          {general.map((p) => (
            <li key={`${p.column}-${p.message}`}>
              {p.column ? `${p.column} : ` : ""}
              {p.message}
            </li>
          ))}
        </ul>
      ) : null}
      {report.rows.length > 0 ? (
        <ScrollRegion label="Les lignes telles qu'elles ont été lues">
          <table className="import-preview">
            <caption>Les lignes telles qu'elles ont été lues (« par défaut » : valeur enregistrée faute de colonne)</caption>
            <thead>
              <tr>
                <th scope="col">Ligne</th>
                <th scope="col">Résultat</th>
                <th scope="col">Entreprise reconnue</th>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
                <th scope="col">Problèmes</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((row) => (
                <tr key={row.line} className={row.action === "INVALID" ? "row--invalid" : undefined}>
                  <th scope="row">{row.line}</th>
                  <td>{actions[row.action]}</td>
                  <td>
                    {row.enterprise
                      ? `${row.enterprise.name}, ${row.enterprise.communeName}${row.enterprise.siret ? ` (SIRET ${row.enterprise.siret})` : ""}`
                      : "—"}
                  </td>
                  {columns.map((c) => {
                    const value = row.values.find((v) => v.column === c);
                    return (
                      <td key={c}>
                        {value?.value || "—"}
                        {value?.defaulted ? <em> (par défaut)</em> : null}
                      </td>
                    );
                  })}
                  <td>
                    {problemsOf(row.line).length > 0 ? (
                      <ul>
                        {problemsOf(row.line).map((p) => (
                          <li key={`${p.column}-${p.message}`}>
                            <strong>{p.column || "ligne"}</strong> : {p.message}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
    </section>
  );
}
