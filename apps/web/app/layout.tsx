import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteNav } from "../components/site-nav";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Observatoire ESS du Niortais", template: "%s · Observatoire ESS du Niortais" },
  description: "Emplois créés, entreprises incubées et financements des partenaires du PTCE de l'économie sociale et solidaire du Niortais.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="fr">
      <body>
        <a className="skip-link" href="#contenu">
          Aller au contenu
        </a>
        <header className="site-header">
          <p className="site-title">Observatoire de l'économie sociale et solidaire</p>
          <p className="site-subtitle">Maison de l'ESS et PTCE du Niortais</p>
        </header>
        <SiteNav />
        <main id="contenu" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>Données publiées sous Licence Ouverte 2.0 (Etalab). Partenaires : CA du Niortais, Ville de Niort, Région Nouvelle-Aquitaine, URSCOP, CRESS, SCIC Élan Coopératif Niortais, Université de Poitiers, comité de bassin d'emploi.</p>
        </footer>
      </body>
    </html>
  );
}
