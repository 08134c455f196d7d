"use client";

export default function PageError({ reset }: { error: Error; reset: () => void }) {
  return (
    <section className="error" role="alert">
      <h1>Les chiffres sont momentanément indisponibles</h1>
      <p>Le service de données n'a pas répondu. Réessayez dans quelques instants ; si le problème persiste, contactez la Maison de l'ESS.</p>
      <button type="button" onClick={reset}>
        Réessayer
      </button>
    </section>
  );
}
