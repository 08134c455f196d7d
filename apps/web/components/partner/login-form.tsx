"use client";
import { gql } from "@urql/core";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { mutate } from "../../lib/partner-api";
import { useHydrated } from "../../lib/use-hydrated";

const LOGIN = gql`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      name
    }
  }
`;

export function LoginForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Before hydration the form would post to the page itself and sign nobody in: say when it is live.
  const hydrated = useHydrated();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const result = await mutate(LOGIN, { email: form.get("email"), password: form.get("password") });
    setBusy(false);
    if (result.error) setError(result.error);
    else router.push("/espace-partenaire");
  };
  return (
    <form
      className="panel form"
      onSubmit={submit}
      method="post"
      data-hydrated={hydrated || undefined}
      aria-describedby={error ? "erreur-connexion" : undefined}
    >
      {error ? (
        <p id="erreur-connexion" role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <label>
        Adresse e-mail
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        Mot de passe
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? "Connexion…" : "Se connecter"}
      </button>
    </form>
  );
}
