"use client";
// One record: its fields, its status and what can be done with it now, its history, its comments.
import { formatDate, formatDateTime, formatExactDecimal, formatExactEuros } from "@oess/domain/format";
import {
  AID_NATURE_SCDL,
  COOPERATIVE_KIND_LABELS,
  FUNDING_INSTRUMENT_LABELS,
  INCUBATION_OUTCOME_LABELS,
  LEGAL_FAMILY_LABELS,
  RECORD_STATUS_LABELS,
  type RecordStatus,
} from "@oess/domain/vocabulary";
import { gql } from "@urql/core";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { mutate, query } from "../../lib/partner-api";
import { Comments } from "./comments";
import { AUDIT_ACTION_LABELS } from "./labels";
import { Message } from "./message";
import { ANY_RECORD_SELECTION, KIND_OF_TYPENAME, specOfKind } from "./record-specs";
import { useSession } from "./session";

interface Node {
  __typename: string;
  id: string;
  version: number;
  status: RecordStatus;
  reviewNote: string | null;
  /** The server's answer: may this user change the record now (the rule lives in @oess/app). */
  viewerCanChange: boolean;
  source: string;
  dataYear: number;
  owner: { databaseId: string; shortName: string };
  [field: string]: unknown;
}
interface Event {
  at: string;
  action: string;
  actorName: string | null;
  note: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const IGNORED = new Set(["version", "updatedAt", "updatedById", "createdAt", "createdById", "seq", "status", "publishedAt", "reviewNote"]);

/** The fields a change touched, « champ : avant → après ». */
function changes(event: Event): string[] {
  if (!event.before || !event.after) return [];
  return Object.keys(event.after)
    .filter((k) => !IGNORED.has(k) && JSON.stringify(event.before?.[k]) !== JSON.stringify(event.after?.[k]))
    .map((k) => `${k} : ${String(event.before?.[k] ?? "—")} → ${String(event.after?.[k] ?? "—")}`);
}

const LABELS: Record<string, Record<string, string>> = {
  instrument: FUNDING_INSTRUMENT_LABELS,
  legalFamily: LEGAL_FAMILY_LABELS,
  cooperativeKind: COOPERATIVE_KIND_LABELS,
  outcome: INCUBATION_OUTCOME_LABELS,
  aidNature: AID_NATURE_SCDL,
};

/** A field's value in French: labels for codes, euros, dates. */
const show = (value: unknown, key = ""): string => {
  if (value === null || value === undefined || value === "") return "—";
  if (LABELS[key]) return LABELS[key]?.[String(value)] ?? String(value);
  if (key === "amount") return formatExactEuros(String(value));
  if (key === "fte" || key === "fundingShare") return formatExactDecimal(String(value));
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (typeof value === "object")
    return String(
      (value as { name?: string; shortName?: string; code?: string }).name ??
        (value as { shortName?: string }).shortName ??
        (value as { code?: string }).code ??
        "",
    );
  return String(value);
};

export function RecordPage({ id }: { id: string }) {
  const router = useRouter();
  const { isAdmin } = useSession();
  const [node, setNode] = useState<Node | null | undefined>(undefined);
  const [history, setHistory] = useState<Event[]>([]);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const load = useCallback(async () => {
    const result = await query<{ node: Node | null; history: Event[] }>(
      gql`query Record($id: ID!) { node(id: $id) { __typename ${ANY_RECORD_SELECTION} }
        history(id: $id) { at action actorName note before after } }`,
      { id },
    );
    setNode(result.data?.node ?? null);
    setHistory(result.data?.history ?? []);
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (node === undefined) return <p role="status">Chargement…</p>;
  if (node === null) return <p role="alert">Ce record est introuvable, ou vous n'avez pas le droit de le voir.</p>;
  const spec = specOfKind(KIND_OF_TYPENAME[node.__typename] ?? "Enterprise");
  const editable = node.viewerCanChange;

  const act = async (name: "submitRecord" | "publishRecord" | "rejectRecord" | "deleteRecord", reason?: string) => {
    const result = await mutate(
      gql`mutation ($id: ID!, $version: Int!${reason !== undefined ? ", $reason: String!" : ""}) { ${name}(id: $id, version: $version${reason !== undefined ? ", reason: $reason" : ""}) { status version } }`,
      { id, version: node.version, reason },
    );
    if (result.error) {
      const details = Object.values(result.problems);
      setMessage({ text: details.length > 0 ? `${result.error.split(" : ")[0]} : ${details.join(" ")}` : result.error, error: true });
      return;
    }
    if (name === "deleteRecord") {
      router.push("/espace-partenaire");
      return;
    }
    setMessage({
      text: {
        submitRecord: "Soumis pour relecture.",
        publishRecord: "Publié : visible dans le tableau de bord et les données ouvertes.",
        rejectRecord: "Rejeté ; l'organisation verra votre raison.",
      }[name],
      error: false,
    });
    await load();
  };
  const reject = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void act("rejectRecord", String(new FormData(event.currentTarget).get("reason") ?? ""));
  };

  return (
    <>
      <p>
        <Link href="/espace-partenaire">← Espace partenaire</Link>
      </p>
      <h1>
        {spec.title} — {show(node.name ?? node.enterprise ?? node.purpose)}
      </h1>
      <p className="status-line">
        <span className={`status status--${node.status.toLowerCase()}`}>{RECORD_STATUS_LABELS[node.status]}</span> · {node.owner.shortName} · version{" "}
        {node.version}
      </p>
      {node.status === "REJECTED" && node.reviewNote ? (
        <p className="form-error" role="note">
          <strong>Raison du rejet :</strong> {node.reviewNote}
        </p>
      ) : null}
      <Message text={message?.text} error={message?.error} />
      <div className="record-actions">
        {editable ? (
          <Link className="button" href={`/espace-partenaire/saisie?type=${spec.slug}&id=${encodeURIComponent(id)}`}>
            Modifier
          </Link>
        ) : null}
        {editable && (node.status === "DRAFT" || node.status === "REJECTED") ? (
          <>
            <button type="button" onClick={() => void act("submitRecord")}>
              Soumettre pour relecture
            </button>
            <button type="button" className="secondary" onClick={() => void act("deleteRecord")}>
              Supprimer le brouillon
            </button>
          </>
        ) : null}
        {isAdmin && (node.status === "SUBMITTED" || node.status === "DRAFT") ? (
          <button type="button" onClick={() => void act("publishRecord")}>
            Publier
          </button>
        ) : null}
      </div>
      {isAdmin && node.status === "SUBMITTED" ? (
        <form className="panel form reject-form" onSubmit={reject}>
          <label>
            Raison du rejet (visible par l'organisation)
            <textarea name="reason" rows={2} required maxLength={2000} />
          </label>
          <button type="submit" className="secondary">
            Rejeter
          </button>
        </form>
      ) : null}
      <section className="panel" aria-labelledby="donnees-titre">
        <h2 id="donnees-titre">Données</h2>
        <dl className="record-fields">
          {Object.entries(node)
            .filter(([k]) => !["__typename", "id", "version", "status", "reviewNote", "owner"].includes(k))
            .map(([k, v]) => {
              const label =
                spec.fields.find((f) => f.name === k || f.name === `${k}Id` || (k === "commune" && f.name === "communeCode"))?.label ??
                (k === "source" ? "Source" : k === "dataYear" ? "Millésime" : k);
              return (
                <div key={k}>
                  <dt>{label}</dt>
                  <dd>{show(v, k)}</dd>
                </div>
              );
            })}
        </dl>
      </section>
      <section className="panel" aria-labelledby="historique-titre">
        <h2 id="historique-titre">Historique</h2>
        <ol className="history">
          {history.map((e) => (
            <li key={`${e.at}-${e.action}`}>
              <strong>{AUDIT_ACTION_LABELS[e.action] ?? e.action}</strong> par {e.actorName ?? "?"}, le {formatDateTime(e.at)}
              {e.note ? ` — ${e.note}` : ""}
              {changes(e).length > 0 ? (
                <ul>
                  {changes(e).map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      <Comments target={{ recordId: id }} isAdmin={isAdmin} />
    </>
  );
}
