import type { Metadata } from "next";

export const metadata: Metadata = { title: "Déclaration d'accessibilité" };

export default function AccessibilityPage() {
  return (
    <>
      <h1>Déclaration d'accessibilité</h1>
      <p className="lead">
        La Maison de l'ESS du Niortais s'engage à rendre ce tableau de bord accessible, conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005.
      </p>
      <div className="prose">
        <p>Cette déclaration d'accessibilité s'applique à l'Observatoire de l'économie sociale et solidaire du Niortais.</p>
        <h2>État de conformité</h2>
        <p>
          Le site est <strong>non conforme</strong> au référentiel général d'amélioration de l'accessibilité (RGAA 4.1), faute d'audit de conformité réalisé à
          ce jour. Un audit est prévu ; cette déclaration sera mise à jour avec ses résultats.
        </p>
        <h2>Mesures déjà prises</h2>
        <ul>
          <li>Chaque page est vérifiée automatiquement (axe-core, critères WCAG 2.1 niveaux A et AA) à chaque modification du code.</li>
          <li>Chaque graphique a un titre, une phrase qui résume ce qu'il montre et le tableau de ses données, avec en-têtes de lignes et de colonnes.</li>
          <li>
            Les séries se distinguent par la couleur et par un motif, et leurs valeurs sont écrites à côté des barres : l'information ne passe jamais par la
            seule couleur.
          </li>
          <li>Les graphiques, les filtres et les liens s'utilisent au clavier ; le focus reste visible ; un lien d'évitement mène au contenu.</li>
          <li>Les filtres sont de simples listes déroulantes, qui fonctionnent aussi sans JavaScript.</li>
          <li>Les pages s'impriment sur A4 avec leurs tableaux de données.</li>
        </ul>
        <h2>Établissement de cette déclaration</h2>
        <p>Cette déclaration a été établie le 26 novembre 2026.</p>
        <p>Technologies utilisées : HTML, CSS, SVG, JavaScript. Navigateurs de test : Chromium (Debian).</p>
        <h2>Retour d'information et contact</h2>
        <p>
          Si vous n'arrivez pas à accéder à un contenu ou à un service, contactez la Maison de l'ESS du Niortais pour être orienté vers une alternative
          accessible ou obtenir le contenu sous une autre forme.
        </p>
        <h2>Voies de recours</h2>
        <p>
          Si vous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un service et que vous n'avez pas obtenu de réponse
          satisfaisante, vous pouvez écrire un message au Défenseur des droits, contacter son délégué dans votre région, ou lui écrire par courrier postal
          (gratuit, sans affranchissement) : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.
        </p>
      </div>
    </>
  );
}
