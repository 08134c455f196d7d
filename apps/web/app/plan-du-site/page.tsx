import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Plan du site" };

const SECTIONS = [
  {
    title: "Tableau de bord",
    pages: [
      ["/", "Vue d'ensemble"],
      ["/emplois", "Emplois"],
      ["/incubation", "Incubation"],
      ["/financements", "Financements"],
      ["/territoire", "Territoire"],
      ["/ess-du-territoire", "L'ESS du territoire (Sirene)"],
      ["/panorama", "Panorama imprimable"],
    ],
  },
  {
    title: "Comprendre et réutiliser",
    pages: [
      ["/methodologie", "Méthodologie"],
      ["/donnees-ouvertes", "Données ouvertes"],
    ],
  },
  { title: "Partenaires", pages: [["/connexion", "Connexion à l'espace partenaire"]] },
  {
    title: "À propos",
    pages: [
      ["/mentions-legales", "Mentions légales"],
      ["/donnees-personnelles", "Données personnelles"],
      ["/accessibilite", "Déclaration d'accessibilité"],
    ],
  },
] as const;

export default function SiteMapPage() {
  return (
    <>
      <h1>Plan du site</h1>
      <div className="prose">
        {SECTIONS.map((section) => (
          <section key={section.title} aria-labelledby={`plan-${section.title}`}>
            <h2 id={`plan-${section.title}`}>{section.title}</h2>
            <ul>
              {section.pages.map(([href, label]) => (
                <li key={href}>
                  <Link href={href}>{label}</Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
