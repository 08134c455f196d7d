"use client";
// Sign-in: posted to a server action, so it works before (and without) JavaScript; a refusal is
// said above the form and the e-mail address stays typed.
import { useActionState } from "react";
import { signIn } from "../../app/espace-partenaire/actions";

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(signIn, {});
  return (
    <form className="panel form" action={action} aria-describedby={state.error ? "erreur-connexion" : undefined}>
      {state.error ? (
        <p id="erreur-connexion" role="alert" className="form-error">
          {state.error}
        </p>
      ) : null}
      <input type="hidden" name="suite" value={next} />
      <label>
        Adresse e-mail
        <input name="email" type="email" autoComplete="username" required defaultValue={state.values?.email} />
      </label>
      <label>
        Mot de passe
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button type="submit" disabled={pending}>
        {pending ? "Connexion…" : "Se connecter"}
      </button>
    </form>
  );
}
