import Link from "next/link";

export default function NotFound() {
  return (
    <section className="prose">
      <h1>Fiche introuvable</h1>
      <p>Cette fiche n'existe pas, a été supprimée, ou vous n'avez pas le droit de la voir.</p>
      <p>
        <Link href="/espace-partenaire">Retour à l'espace partenaire</Link>
      </p>
    </section>
  );
}
