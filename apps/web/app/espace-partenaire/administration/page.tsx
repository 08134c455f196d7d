import { formatDateTime } from "@oess/domain/format";
import { MEMBER_ROLE_LABELS, RECORD_KINDS } from "@oess/domain/vocabulary";
import type { Metadata } from "next";
import Link from "next/link";
import { NewAccountForm, RoleForm } from "../../../components/partner/account-forms";
import { ActionForm } from "../../../components/partner/action-form";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from "../../../components/partner/labels";
import { LoadError } from "../../../components/partner/load-error";
import { ScrollRegion } from "../../../components/scroll-region";
import { graphql } from "../../../lib/graphql";
import { recordPath } from "../../../lib/partner/record-specs";
import { requireSession } from "../../../lib/partner/session";
import { serverQuery } from "../../../lib/server-api";
import { removeRole } from "../actions";

export const metadata: Metadata = { title: "Administration" };

const PATH = "/espace-partenaire/administration";
const ADMINISTRATION = graphql(`
  query Administration($after: String) {
    users { databaseId email name memberships { role partner { databaseId shortName } } }
    partners(first: 100, orderBy: [{ name: Asc }]) { edges { node { databaseId shortName } } }
    auditLog(first: 50, after: $after) {
      edges { node { at actorName entity entityId action note } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export default async function AdministrationPage({ searchParams }: { searchParams: Promise<{ apres?: string }> }) {
  const { isCoordinator } = await requireSession(PATH);
  if (!isCoordinator) return <p role="alert">Cette page est réservée à la coordination du PTCE.</p>;
  const { apres } = await searchParams;
  const result = await serverQuery(ADMINISTRATION, { after: typeof apres === "string" ? apres : null });
  if (!result.ok) return <LoadError what="Les comptes et le journal" message={result.error.message} retry={PATH} />;
  const { users, partners, auditLog } = result.data;
  const isRecordKind = (entity: string) => RECORD_KINDS.find((k) => k === entity);
  return (
    <>
      <p>
        <Link href="/espace-partenaire">← Espace partenaire</Link>
      </p>
      <h1>Administration</h1>
      <section className="panel" aria-labelledby="comptes-titre">
        <h2 id="comptes-titre">Comptes et rôles ({users.length})</h2>
        <ScrollRegion label="Comptes et rôles">
          <table>
            <caption className="visually-hidden">Comptes, avec leurs rôles par organisation</caption>
            <thead>
              <tr>
                <th scope="col">Personne</th>
                <th scope="col">Adresse</th>
                <th scope="col">Rôles</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.databaseId}>
                  <th scope="row">{u.name}</th>
                  <td>{u.email}</td>
                  <td>
                    {u.memberships.map((m) => (
                      <span key={m.partner.databaseId} className="role">
                        {MEMBER_ROLE_LABELS[m.role]} · {m.partner.shortName}{" "}
                        <ActionForm
                          action={removeRole}
                          hidden={{ userId: u.databaseId, partnerId: m.partner.databaseId }}
                          submit={`Retirer (${m.partner.shortName})`}
                          secondary
                          className="inline-action"
                          confirm={`Retirer le rôle de ${u.name} pour ${m.partner.shortName} ?`}
                        />
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <RoleForm
          users={users.map((u) => ({ value: u.databaseId, label: u.name }))}
          partners={partners.edges.map(({ node }) => ({ value: node.databaseId, label: node.shortName }))}
        />
        <NewAccountForm />
      </section>
      <section className="panel" aria-labelledby="journal-titre">
        <h2 id="journal-titre">Journal des modifications{apres ? " (suite)" : ", des plus récentes aux plus anciennes"}</h2>
        <ScrollRegion label="Journal des modifications">
          <table>
            <caption className="visually-hidden">Modifications, de la plus récente à la plus ancienne</caption>
            <thead>
              <tr>
                <th scope="col">Quand</th>
                <th scope="col">Qui</th>
                <th scope="col">Action</th>
                <th scope="col">Sur</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {auditLog.edges.map(({ node: e }) => {
                const kind = isRecordKind(e.entity);
                return (
                  <tr key={`${e.at}-${e.entityId}-${e.action}`}>
                    <th scope="row">{formatDateTime(e.at)}</th>
                    <td>{e.actorName ?? "—"}</td>
                    <td>{AUDIT_ACTION_LABELS[e.action] ?? e.action}</td>
                    <td>
                      {kind && e.action !== "DELETE" ? (
                        <Link href={recordPath(kind, e.entityId)}>{AUDIT_ENTITY_LABELS[e.entity]}</Link>
                      ) : (
                        (AUDIT_ENTITY_LABELS[e.entity] ?? e.entity)
                      )}
                    </td>
                    <td>{e.note ?? ""}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
        <nav className="pager" aria-label="Pages du journal">
          {apres ? <Link href={PATH}>← Les plus récentes</Link> : null}
          {auditLog.pageInfo.hasNextPage && auditLog.pageInfo.endCursor ? (
            <Link href={`${PATH}?apres=${encodeURIComponent(auditLog.pageInfo.endCursor)}`}>Modifications plus anciennes →</Link>
          ) : (
            <span>Début du journal atteint.</span>
          )}
        </nav>
      </section>
    </>
  );
}
