"use client";
// The coordination's two account forms: give or change a role, create an account. Posted to
// server actions; each field's problem is shown next to it.
import { MEMBER_ROLE_LABELS, MEMBER_ROLES } from "@oess/domain/vocabulary";
import { useActionState } from "react";
import { createUser, setRole } from "../../app/espace-partenaire/actions";
import type { ActionState } from "../../lib/partner/action-state";
import type { Choice } from "../../lib/partner/enterprise-label";
import { Message } from "./message";

function Field({ state, name, label, children }: { state: ActionState; name: string; label: string; children: (describedBy?: string) => React.ReactNode }) {
  const problem = state.problems?.[name];
  const id = `compte-${name}-erreur`;
  return (
    <div className={problem ? "field field--invalid" : "field"}>
      <label htmlFor={`compte-${name}`}>{label}</label>
      {children(problem ? id : undefined)}
      {problem ? (
        <span id={id} className="field__error">
          {problem}
        </span>
      ) : null}
    </div>
  );
}

export function RoleForm({ users, partners }: { users: readonly Choice[]; partners: readonly Choice[] }) {
  const [state, action, pending] = useActionState(setRole, {});
  const select = (name: string, options: readonly Choice[]) => (describedBy?: string) => (
    <select id={`compte-${name}`} name={name} required defaultValue={state.values?.[name]} aria-describedby={describedBy}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
  return (
    <form className="form" action={action} aria-labelledby="role-titre">
      <h3 id="role-titre">Donner ou changer un rôle</h3>
      <Message text={state.error ?? state.ok} error={state.error !== undefined} />
      <div className="form__grid">
        <Field state={state} name="userId" label="Personne">
          {select("userId", users)}
        </Field>
        <Field state={state} name="partnerId" label="Organisation">
          {select("partnerId", partners)}
        </Field>
        <Field state={state} name="role" label="Rôle">
          {select(
            "role",
            MEMBER_ROLES.map((r) => ({ value: r, label: MEMBER_ROLE_LABELS[r] })),
          )}
        </Field>
      </div>
      <button type="submit" disabled={pending}>
        Enregistrer le rôle
      </button>
    </form>
  );
}

export function NewAccountForm() {
  const [state, action, pending] = useActionState(createUser, {});
  const input = (name: string, type: string) => (describedBy?: string) => (
    <input
      id={`compte-${name}`}
      name={name}
      type={type}
      required
      autoComplete={type === "password" ? "new-password" : "off"}
      defaultValue={type === "password" || state.ok ? undefined : state.values?.[name]}
      aria-invalid={state.problems?.[name] ? true : undefined}
      aria-describedby={describedBy}
    />
  );
  return (
    <form key={JSON.stringify(state)} className="form" action={action} aria-labelledby="compte-titre">
      <h3 id="compte-titre">Créer un compte</h3>
      <Message text={state.error ?? state.ok} error={state.error !== undefined} />
      <div className="form__grid">
        <Field state={state} name="name" label="Nom">
          {input("name", "text")}
        </Field>
        <Field state={state} name="email" label="Adresse e-mail">
          {input("email", "email")}
        </Field>
        <Field state={state} name="password" label="Mot de passe initial (12 caractères au moins)">
          {input("password", "password")}
        </Field>
      </div>
      <button type="submit" disabled={pending}>
        Créer le compte
      </button>
    </form>
  );
}
