"use client";
// For the PTCE's coordination: accounts and their roles, and the journal of every change.
import { formatDateTime } from "@oess/domain/format";
import { MEMBER_ROLE_LABELS, MEMBER_ROLES } from "@oess/domain/vocabulary";
import { gql } from "@urql/core";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { mutate, query } from "../../lib/partner-api";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from "./labels";
import { Message } from "./message";
import { useSession } from "./session";

interface User {
  databaseId: string;
  email: string;
  name: string;
  memberships: Array<{ role: string; partner: { databaseId: string; shortName: string } }>;
}
interface AuditEvent {
  at: string;
  actorName: string | null;
  entity: string;
  entityId: string;
  action: string;
  note: string | null;
}

const LOAD = gql`
  query Administration {
    users { databaseId email name memberships { role partner { databaseId shortName } } }
    partners(first: 100, orderBy: [{ name: Asc }]) { edges { node { databaseId shortName } } }
    auditLog(first: 50) { edges { node { at actorName entity entityId action note } } }
  }
`;
const CREATE_USER = gql`
  mutation CreateUser($email: String!, $name: String!, $password: String!) {
    createUser(email: $email, name: $name, password: $password) { databaseId }
  }
`;
const SET_ROLE = gql`
  mutation SetRole($userId: String!, $partnerId: String!, $role: MemberRole!) {
    setMembership(userId: $userId, partnerId: $partnerId, role: $role) { role }
  }
`;
const REMOVE_ROLE = gql`
  mutation RemoveRole($userId: String!, $partnerId: String!) {
    removeMembership(userId: $userId, partnerId: $partnerId)
  }
`;

export function Administration() {
  const { isAdmin } = useSession();
  const [data, setData] = useState<{ users: User[]; partners: Array<{ databaseId: string; shortName: string }>; events: AuditEvent[] } | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const load = useCallback(async () => {
    const result = await query<{
      users: User[];
      partners: { edges: Array<{ node: { databaseId: string; shortName: string } }> };
      auditLog: { edges: Array<{ node: AuditEvent }> };
    }>(LOAD);
    if (result.data)
      setData({ users: result.data.users, partners: result.data.partners.edges.map((e) => e.node), events: result.data.auditLog.edges.map((e) => e.node) });
    else setMessage({ text: result.error ?? "", error: true });
  }, []);
  useEffect(() => {
    if (isAdmin) void load();
  }, [isAdmin, load]);
  if (!isAdmin) return <p role="alert">Cette page est réservée à la coordination du PTCE.</p>;
  if (!data) return <p role="status">Chargement…</p>;

  const run = async (document: Parameters<typeof mutate>[0], variables: Record<string, unknown>, done: string, form?: HTMLFormElement) => {
    const result = await mutate(document, variables);
    setProblems(result.problems);
    setMessage(result.error ? { text: result.error, error: true } : { text: done, error: false });
    if (!result.error) {
      form?.reset();
      await load();
    }
  };
  const createUser = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run(
      CREATE_USER,
      { email: form.get("email"), name: form.get("name"), password: form.get("password") },
      "Compte créé : donnez-lui maintenant un rôle.",
      event.currentTarget,
    );
  };
  const setRole = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run(SET_ROLE, { userId: form.get("userId"), partnerId: form.get("partnerId"), role: form.get("role") }, "Rôle enregistré.");
  };

  return (
    <>
      <h1>Administration</h1>
      <Message text={message?.text} error={message?.error} />
      <section className="panel" aria-labelledby="comptes-titre">
        <h2 id="comptes-titre">Comptes et rôles</h2>
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
            {data.users.map((u) => (
              <tr key={u.databaseId}>
                <th scope="row">{u.name}</th>
                <td>{u.email}</td>
                <td>
                  {u.memberships.map((m) => (
                    <span key={m.partner.databaseId} className="role">
                      {MEMBER_ROLE_LABELS[m.role as keyof typeof MEMBER_ROLE_LABELS]} · {m.partner.shortName}{" "}
                      <button
                        type="button"
                        className="secondary"
                        aria-label={`Retirer le rôle de ${u.name} pour ${m.partner.shortName}`}
                        onClick={() => void run(REMOVE_ROLE, { userId: u.databaseId, partnerId: m.partner.databaseId }, "Rôle retiré.")}
                      >
                        Retirer
                      </button>
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form className="form" onSubmit={setRole} aria-labelledby="role-titre">
          <h3 id="role-titre">Donner ou changer un rôle</h3>
          <div className="form__grid">
            <div className="field">
              <label htmlFor="role-userId">Personne</label>
              <select id="role-userId" name="userId" required>
                {data.users.map((u) => (
                  <option key={u.databaseId} value={u.databaseId}>
                    {u.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="role-partnerId">Organisation</label>
              <select id="role-partnerId" name="partnerId" required>
                {data.partners.map((p) => (
                  <option key={p.databaseId} value={p.databaseId}>
                    {p.shortName}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="role-role">Rôle</label>
              <select id="role-role" name="role" required>
                {MEMBER_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {MEMBER_ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button type="submit">Enregistrer le rôle</button>
        </form>
        <form className="form" onSubmit={createUser} aria-labelledby="compte-titre">
          <h3 id="compte-titre">Créer un compte</h3>
          <div className="form__grid">
            {(
              [
                ["name", "Nom", "text"],
                ["email", "Adresse e-mail", "email"],
                ["password", "Mot de passe initial (12 caractères au moins)", "password"],
              ] as const
            ).map(([name, label, type]) => (
              <div key={name} className={problems[name] ? "field field--invalid" : "field"}>
                <label htmlFor={`compte-${name}`}>{label}</label>
                <input
                  id={`compte-${name}`}
                  name={name}
                  type={type}
                  required
                  autoComplete={type === "password" ? "new-password" : "off"}
                  aria-describedby={problems[name] ? `compte-${name}-erreur` : undefined}
                />
                {problems[name] ? (
                  <span id={`compte-${name}-erreur`} className="field__error">
                    {problems[name]}
                  </span>
                ) : null}
              </div>
            ))}
          </div>
          <button type="submit">Créer le compte</button>
        </form>
      </section>
      <section className="panel" aria-labelledby="journal-titre">
        <h2 id="journal-titre">Journal des modifications (50 dernières)</h2>
        <table>
          <caption className="visually-hidden">Les dernières modifications, de la plus récente à la plus ancienne</caption>
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
            {data.events.map((e) => (
              <tr key={`${e.at}-${e.entityId}-${e.action}`}>
                <th scope="row">{formatDateTime(e.at)}</th>
                <td>{e.actorName ?? "—"}</td>
                <td>{AUDIT_ACTION_LABELS[e.action] ?? e.action}</td>
                <td>
                  {["Enterprise", "Incubation", "JobRecord", "Funding"].includes(e.entity) ? (
                    <a href={`/espace-partenaire/fiche?id=${encodeURIComponent(btoa(`${e.entity}:${e.entityId}`))}`}>{AUDIT_ENTITY_LABELS[e.entity]}</a>
                  ) : (
                    (AUDIT_ENTITY_LABELS[e.entity] ?? e.entity)
                  )}
                </td>
                <td>{e.note ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
