import type { Metadata } from "next";
import Link from "next/link";
import { env } from "../../lib/env";
import { loadPublisherName } from "../../lib/options";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Mentions légales" };

export default async function LegalNoticePage() {
  const publisher = await loadPublisherName();
  return (
    <>
      <h1>Mentions légales</h1>
      <div className="prose">
        <h2>Éditeur</h2>
        <p>
          {publisher}, pour le compte des partenaires de la Maison de l'ESS et du pôle territorial de coopération économique (PTCE) du Niortais, qui en assurent
          ensemble le contenu.
        </p>
        <h2>Directeur ou directrice de la publication</h2>
        <p>{env.publicationDirector ?? `Le président ou la présidente de la ${publisher}.`}</p>
        <h2>Hébergement</h2>
        <p>{env.host ?? `Les serveurs de la ${publisher}.`}</p>
        <h2>Données et contenus</h2>
        <p>
          Les chiffres sont saisis par les organisations partenaires, relus par la coordination du PTCE puis publiés ; leur méthode est décrite dans la{" "}
          <Link href="/methodologie">méthodologie</Link>. Ils sont réutilisables librement sous la Licence Ouverte / Open Licence 2.0 (Etalab), en citant la
          source : voir les <Link href="/donnees-ouvertes">données ouvertes</Link>. Les contours des communes viennent d'IGN – Admin Express COG 2018, sous
          Licence Ouverte.
        </p>
        <h2>Logiciel</h2>
        <p>Le tableau de bord est un logiciel libre ; il ne charge aucune ressource d'un site tiers et ne dépose aucun traceur de mesure d'audience.</p>
        <h2>Données personnelles</h2>
        <p>
          Voir la page <Link href="/donnees-personnelles">Données personnelles</Link>.
        </p>
      </div>
    </>
  );
}
