import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import Link from "next/link";
import { type ReactNode, Suspense } from "react";
import { ChartPatterns } from "../components/charts/palette";
import { SiteNav } from "../components/site-nav";
import { GraphqlProvider } from "../components/urql-provider";
import { API_URL } from "../lib/api";
import { EMBED_HEADER } from "../lib/embeds";
import { env } from "../lib/env";
import { loadPublisherName } from "../lib/options";
import { SESSION_COOKIE } from "../lib/partner/session";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Observatoire ESS du Niortais", template: "%s · Observatoire ESS du Niortais" },
  description: "Emplois créés, entreprises incubées et financements des partenaires du PTCE de l'économie sociale et solidaire du Niortais.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const requestHeaders = await headers();
  // Every page is rendered per request: its scripts carry this response's CSP nonce (proxy.ts).
  const nonce = requestHeaders.get("x-nonce") ?? undefined;
  // An embedded chart (/integrer/…) is shown alone: no menu, no footer.
  const embed = requestHeaders.get(EMBED_HEADER) === "1";
  // Sign-in is one click from every page; with a session, the partner space is.
  const signedIn = (await cookies()).has(SESSION_COOKIE);
  return (
    <html lang="fr">
      <body className={embed ? "embed-body" : undefined}>
        {embed ? null : <SiteHeader signedIn={signedIn} />}
        <main id="contenu" tabIndex={-1}>
          <GraphqlProvider serverUrl={API_URL} nonce={nonce}>
            {children}
          </GraphqlProvider>
        </main>
        <ChartPatterns />
        {embed ? null : <SiteFooter />}
      </body>
    </html>
  );
}

function SiteHeader({ signedIn }: { signedIn: boolean }) {
  return (
    <>
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <header className="site-header">
        <p className="site-title">Observatoire de l'économie sociale et solidaire</p>
        <p className="site-subtitle">Maison de l'ESS et PTCE du Niortais</p>
        {signedIn ? (
          <Link className="site-account" href="/espace-partenaire">
            Espace partenaire
          </Link>
        ) : (
          <Link className="site-account" href="/connexion">
            Se connecter
          </Link>
        )}
      </header>
      <Suspense>
        <SiteNav />
      </Suspense>
    </>
  );
}

function SiteFooter() {
  return (
    <footer className="site-footer">
      <p className="site-footer__publisher">
        {/* biome-ignore lint/performance/noImgElement: a logo of any size the publisher drops in public/, below the fold: nothing for next/image to gain */}
        {env.publisherLogo ? <img src={env.publisherLogo} alt="Logo de l'éditeur" height={48} /> : null}
        <span>
          Éditeur :{" "}
          <Suspense fallback="l'agglomération">
            <PublisherName />
          </Suspense>
          , avec la Maison de l'ESS et le PTCE du Niortais. Partenaires : CA du Niortais, Ville de Niort, Région Nouvelle-Aquitaine, URSCOP, CRESS, SCIC Élan
          Coopératif Niortais, Université de Poitiers, comité de bassin d'emploi.
        </span>
      </p>
      <nav aria-label="Pied de page">
        <ul className="site-footer__links">
          <li>
            <Link href="/mentions-legales">Mentions légales</Link>
          </li>
          <li>
            <Link href="/donnees-personnelles">Données personnelles</Link>
          </li>
          <li>
            <Link href="/accessibilite">Accessibilité : non conforme</Link>
          </li>
          <li>
            <Link href="/plan-du-site">Plan du site</Link>
          </li>
          <li>
            <Link href="/methodologie">Méthodologie</Link>
          </li>
          <li>
            <Link href="/donnees-ouvertes">Données ouvertes</Link>
          </li>
        </ul>
      </nav>
      <p>Données publiées sous Licence Ouverte 2.0 (Etalab). Contours des communes : IGN – Admin Express COG 2018, Licence Ouverte.</p>
    </footer>
  );
}

/** The EPCI's name, from the API; streamed, so that the page's head never waits for it. */
async function PublisherName() {
  return loadPublisherName();
}
