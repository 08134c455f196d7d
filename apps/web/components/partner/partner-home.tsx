"use client";
// The partner's desk: who they are, what they can enter, their records in progress, and for the
// PTCE's coordination the queue of what awaits review.
import { formatDay, formatEuros } from "@oess/domain/format";
import { MEMBER_ROLE_LABELS, RECORD_STATUS_LABELS, type RecordStatus } from "@oess/domain/vocabulary";
import { gql } from "@urql/core";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { mutate, query } from "../../lib/partner-api";
import { Message } from "./message";
import { RECORD_SPECS } from "./record-specs";
import { useSession } from "./session";

interface Row {
  id: string;
  status: RecordStatus;
  label: string;
  owner: string;
  kind: string;
}
interface QueueItem {
  id: string;
  ownerPartnerId: string;
  kind: string;
  databaseId: string;
  label: string;
  submittedAt: string;
}

const IN_PROGRESS = gql`
  query InProgress {
    enterprises(first: 50, where: { status: { in: [DRAFT, SUBMITTED, REJECTED] } }) { edges { node { id status name owner { shortName } } } }
    incubations(first: 50, where: { status: { in: [DRAFT, SUBMITTED, REJECTED] } }) { edges { node { id status startDate enterprise { name } owner { shortName } } } }
    jobRecords: jobs(first: 50, where: { status: { in: [DRAFT, SUBMITTED, REJECTED] } }) { edges { node { id status year jobsCreated enterprise { name } owner { shortName } } } }
    fundings(first: 50, where: { status: { in: [DRAFT, SUBMITTED, REJECTED] } }) { edges { node { id status amount year funder { shortName } owner { shortName } } } }
  }
`;
const QUEUE = gql`
  query Queue {
    reviewQueue { id kind databaseId label submittedAt ownerPartnerId }
    partners(first: 100) { edges { node { databaseId shortName } } }
  }
`;
const BULK = {
  submitAllDrafts: gql`
    mutation SubmitAll($p: String!) {
      submitAllDrafts(partnerId: $p) {
        changed
        remaining
      }
    }
  `,
  publishAllSubmitted: gql`
    mutation PublishAll($p: String!) {
      publishAllSubmitted(partnerId: $p) {
        changed
        remaining
      }
    }
  `,
};
const LOGOUT = gql`
  mutation Logout {
    logout
  }
`;

type Edges<N> = { edges: Array<{ node: N }> };
type Base = { id: string; status: RecordStatus; owner: { shortName: string } };
const KIND_LABELS: Record<string, string> = Object.fromEntries(RECORD_SPECS.map((s) => [s.kind, s.title]));

export function PartnerHome() {
  const router = useRouter();
  const { me, isAdmin, editable } = useSession();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [queue, setQueue] = useState<QueueItem[]>([]);
  const [names, setNames] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const [version, setVersion] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the reload trigger, bumped after each bulk action
  useEffect(() => {
    void (async () => {
      const result = await query<{
        enterprises: Edges<Base & { name: string }>;
        incubations: Edges<Base & { startDate: string; enterprise: { name: string } }>;
        jobRecords: Edges<Base & { year: number; jobsCreated: number; enterprise: { name: string } }>;
        fundings: Edges<Base & { amount: string; year: number; funder: { shortName: string } }>;
      }>(IN_PROGRESS);
      const d = result.data;
      // A failed request is said as such: an empty list would tell the partner there is nothing to do.
      setFailure(result.error);
      const row = (kind: string, n: Base, label: string): Row => ({ id: n.id, status: n.status, owner: n.owner.shortName, kind, label });
      setRows(
        d
          ? [
              ...d.enterprises.edges.map(({ node: n }) => row("Enterprise", n, n.name)),
              ...d.incubations.edges.map(({ node: n }) => row("Incubation", n, `${n.enterprise.name}, depuis le ${n.startDate}`)),
              ...d.jobRecords.edges.map(({ node: n }) => row("JobRecord", n, `${n.enterprise.name} : ${n.jobsCreated} emplois en ${n.year}`)),
              ...d.fundings.edges.map(({ node: n }) => row("Funding", n, `${n.funder.shortName}, ${formatEuros(n.amount)} (${n.year})`)),
            ]
          : [],
      );
      if (isAdmin) {
        const q = await query<{ reviewQueue: QueueItem[]; partners: Edges<{ databaseId: string; shortName: string }> }>(QUEUE);
        setQueue(q.data?.reviewQueue ?? []);
        setNames(Object.fromEntries(q.data?.partners.edges.map((e) => [e.node.databaseId, e.node.shortName]) ?? []));
      }
    })();
  }, [isAdmin, version]);

  const bulk = async (name: keyof typeof BULK, partnerId: string, partnerName: string) => {
    const result = await mutate<Record<string, { changed: number; remaining: number }>>(BULK[name], { p: partnerId });
    const r = result.data?.[name];
    setNotice({
      error: result.error !== null,
      text:
        result.error ??
        (name === "submitAllDrafts"
          ? `${r?.changed} brouillon(s) de ${partnerName} soumis pour relecture.`
          : `${r?.changed} record(s) de ${partnerName} publiés${r?.remaining ? ` ; ${r.remaining} restent soumis (entreprise non publiée, ou subvention incomplète pour le SCDL) : ouvrez-les pour voir pourquoi` : ""}.`),
    });
    setVersion((v) => v + 1);
  };
  const drafts = (partner: string) => rows?.filter((r) => r.status === "DRAFT" && r.owner === partner).length ?? 0;
  const queuedBy = [...new Set(queue.map((q) => q.ownerPartnerId))];

  const logout = async () => {
    await mutate(LOGOUT);
    router.push("/");
    router.refresh();
  };

  return (
    <>
      <h1>Espace partenaire</h1>
      <p className="lead">
        Bonjour {me.name}. {me.memberships.map((m) => `${MEMBER_ROLE_LABELS[m.role]} pour ${m.partner.shortName}`).join(" · ")}.{" "}
        <button type="button" className="secondary" onClick={() => void logout()}>
          Se déconnecter
        </button>
      </p>
      {editable.length > 0 || isAdmin ? (
        <section className="panel" aria-labelledby="saisir-titre">
          <h2 id="saisir-titre">Saisir</h2>
          <Message text={notice?.text} error={notice?.error} />
          <ul className="action-list">
            {editable
              .filter((p) => drafts(p.shortName) > 0)
              .map((p) => (
                <li key={p.databaseId}>
                  <button type="button" onClick={() => void bulk("submitAllDrafts", p.databaseId, p.shortName)}>
                    Soumettre les {drafts(p.shortName)} brouillon(s) de {p.shortName}
                  </button>
                </li>
              ))}
          </ul>
          <ul className="action-list">
            {RECORD_SPECS.map((s) => (
              <li key={s.slug}>
                <Link className="button" href={`/espace-partenaire/saisie?type=${s.slug}`}>
                  {s.title} : nouvelle saisie
                </Link>
              </li>
            ))}
            <li>
              <Link className="button secondary-link" href="/espace-partenaire/import">
                Importer un fichier (emplois, financements)
              </Link>
            </li>
          </ul>
        </section>
      ) : null}
      {isAdmin ? (
        <p>
          <Link href="/espace-partenaire/administration">Administration : comptes, rôles et journal des modifications</Link>
        </p>
      ) : null}
      {isAdmin ? (
        <section className="panel" aria-labelledby="relecture-titre">
          <h2 id="relecture-titre">À relire ({queue.length})</h2>
          <ul className="action-list">
            {queuedBy.map((id) => (
              <li key={id}>
                <button type="button" className="secondary" onClick={() => void bulk("publishAllSubmitted", id, names[id] ?? "")}>
                  Tout publier pour {names[id]} ({queue.filter((q) => q.ownerPartnerId === id).length})
                </button>
              </li>
            ))}
          </ul>
          {queue.length === 0 ? (
            <p>Rien n'attend de relecture.</p>
          ) : (
            <table>
              <caption className="visually-hidden">Records soumis, du plus ancien au plus récent</caption>
              <thead>
                <tr>
                  <th scope="col">Record</th>
                  <th scope="col">Type</th>
                  <th scope="col">Soumis le</th>
                </tr>
              </thead>
              <tbody>
                {queue.map((q) => (
                  <tr key={q.databaseId}>
                    <th scope="row">
                      <Link href={`/espace-partenaire/fiche?id=${encodeURIComponent(q.id)}`}>{q.label}</Link>
                    </th>
                    <td>{KIND_LABELS[q.kind]}</td>
                    <td>{formatDay(q.submittedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
      <section className="panel" aria-labelledby="en-cours-titre">
        <h2 id="en-cours-titre">{isAdmin ? "Enregistrements non publiés (toutes organisations)" : "Vos enregistrements non publiés"}</h2>
        {failure ? (
          <p role="alert" className="error">
            Vos enregistrements n'ont pas pu être chargés : {failure}{" "}
            <button type="button" className="secondary" onClick={() => setVersion((v) => v + 1)}>
              Réessayer
            </button>
          </p>
        ) : rows === null ? (
          <p role="status">Chargement…</p>
        ) : rows.length === 0 ? (
          <p>Aucun brouillon, ni record soumis ou rejeté.</p>
        ) : (
          <table>
            <caption className="visually-hidden">Brouillons, records soumis et rejetés</caption>
            <thead>
              <tr>
                <th scope="col">Record</th>
                <th scope="col">Type</th>
                <th scope="col">Organisation</th>
                <th scope="col">Statut</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link href={`/espace-partenaire/fiche?id=${encodeURIComponent(r.id)}`}>{r.label}</Link>
                  </th>
                  <td>{KIND_LABELS[r.kind]}</td>
                  <td>{r.owner}</td>
                  <td>
                    <span className={`status status--${r.status.toLowerCase()}`}>{RECORD_STATUS_LABELS[r.status]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
