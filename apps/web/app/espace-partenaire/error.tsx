"use client";
// A page of the partner space that could not be rendered (the API failed where the page cannot
// go on without it): said as such, with a way to try again.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { startTransition } from "react";

export default function PartnerError({ reset }: { error: Error; reset: () => void }) {
  const router = useRouter();
  return (
    <section className="error" role="alert">
      <h1>Cette page de l'espace partenaire n'a pas pu s'afficher</h1>
      <p>Le service de données n'a pas répondu comme prévu. Rien de ce que vous aviez enregistré n'est perdu.</p>
      <p>
        <button
          type="button"
          onClick={() =>
            startTransition(() => {
              router.refresh();
              reset();
            })
          }
        >
          Réessayer
        </button>{" "}
        <Link href="/espace-partenaire">Retour à l'espace partenaire</Link>
      </p>
    </section>
  );
}
