import { DEFINITIONS } from "@oess/domain/indicators";
import type { Metadata } from "next";
import Link from "next/link";
import { Fragment } from "react";
import { ApiUnavailable } from "../../components/api-unavailable";
import { DemoNotice } from "../../components/demo-notice";
import { loadDashboardContext } from "../../lib/options";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Méthodologie" };

export default async function MethodologyPage() {
  const context = await loadDashboardContext();
  if (!context) return <ApiUnavailable />;
  const { options, notice, territoryName, secrecy } = context;
  return (
    <>
      <h1>Méthodologie</h1>
      <p className="lead">D'où viennent les chiffres, ce qu'ils mesurent et leurs limites.</p>
      {notice ? <DemoNotice notice={notice} /> : null}
      <div className="prose">
        <h2>Sources</h2>
        <p>
          Les chiffres sont saisis ou importés par les partenaires du PTCE (Communauté d'agglomération du Niortais, Ville de Niort, Région Nouvelle-Aquitaine,
          URSCOP, CRESS, SCIC Élan Coopératif Niortais, Université de Poitiers, comité de bassin d'emploi), puis relus et publiés par la coordination du PTCE.
          Seuls les enregistrements publiés entrent dans le tableau de bord, l'API et les données ouvertes : les trois donnent donc toujours les mêmes chiffres.
        </p>
        <p>
          Le territoire est celui de la {territoryName} ; la liste des communes et leur population municipale proviennent du découpage administratif officiel
          (INSEE, via @etalab/decoupage-administratif).
        </p>
        <h2>Le registre Sirene</h2>
        <p>
          La page « <Link href="/ess-du-territoire">L'ESS du territoire</Link> » et la couche « Établissements de l'ESS » de la carte ne viennent pas des
          partenaires mais du répertoire Sirene de l'Insee (fichiers stock des unités légales et des établissements, Licence Ouverte 2.0), importé par la
          coordination : chaque page dit la date de l'extrait. Sont retenus les établissements situés dans les communes du territoire dont l'unité légale est
          déclarée de l'économie sociale et solidaire (economieSocialeSolidaireUniteLegale = O).
        </p>
        <p>
          Limites : la qualité ESS est celle que Sirene enregistre, pas un examen des statuts ; les tranches d'effectif sont des intervalles déclarés pour une
          année parfois ancienne (elles sont montrées comme tranches, jamais additionnées en emplois) ; l'activité est donnée en NAF rév. 2, et en NAF 2025
          quand Sirene la donne ; les unités non diffusibles sont comptées sans jamais être nommées ; un établissement fermé reste dans le registre avec sa date
          de fermeture. « Accompagnés par le PTCE » compte les établissements d'une unité légale (même SIREN) dont une entreprise est publiée par les
          partenaires.
        </p>
        <h2>Années couvertes</h2>
        <p>
          De {options.firstYear} à {options.lastYear}. Les emplois d'une année sont déclarés au printemps de l'année suivante : une année n'est complète qu'à
          partir du 1er juillet de l'année suivante. Avant, les chiffres clés la disent « provisoire » et comparent la dernière année complète à celle qui la
          précède. Une évolution portant sur moins de 10 unités est donnée en nombres (« 5, contre 9 »), jamais en pourcentage.
        </p>
        <h2>Définitions</h2>
        <dl>
          {Object.values(DEFINITIONS).map((d) => (
            <Fragment key={d.label}>
              <dt>{d.label}</dt>
              <dd>
                {d.fr.definition}{" "}
                <span className="definition-meta">
                  Unité : {d.fr.unit}. Date de référence : {d.fr.reference}.
                </span>
              </dd>
            </Fragment>
          ))}
          <dt>Pérennité à 3 ans</dt>
          <dd>
            Parmi les entreprises créées une année donnée à l'issue d'une incubation, part de celles qui n'avaient pas cessé leur activité trois ans après leur
            création. Une génération n'est comptée que lorsque ses trois ans sont écoulés avant la fin de la dernière année publiée.
          </dd>
          <dt>Famille juridique</dt>
          <dd>Association, coopérative (dont Scop, SCIC et CAE), mutuelle, fondation ou société commerciale de l'ESS (loi du 31 juillet 2014).</dd>
          <dt>Par habitant</dt>
          <dd>Chiffre de la commune divisé par sa population municipale.</dd>
        </dl>
        <h2>Secret statistique</h2>
        <p>
          Les financements sont publics ; les embauches d'une entreprise nommée ne le sont pas. Les emplois ne sont donc publiés que par année, commune et
          famille juridique, avec leurs totaux, et une case est masquée (« secret ») quand moins de {secrecy.minContributors} entreprises y contribuent
          {secrecy.dominancePercent < 100 ? `, ou quand une seule en fait ${secrecy.dominancePercent} % ou plus` : ""}. D'autres cases sont masquées à leur tour
          quand elles permettraient de retrouver une case secrète par soustraction, et un total n'est affiché que s'il ne révèle aucune case secrète. Un chiffre
          secret n'est jamais remplacé par zéro. Les emplois par secteur d'activité, qui découperaient ces cases, ne sont pas publiés. Les partenaires connectés
          voient tous les chiffres.
        </p>
        <h2>Filtres</h2>
        <p>
          Un filtre porte sur ce que chaque chiffre connaît : les emplois et les créations ne sont rattachés à aucun partenaire, si bien qu'un filtre «
          Partenaire » ne laisse que les financements et les incubations. Les financements versés à un partenaire plutôt qu'à une entreprise n'ont pas de
          commune.
        </p>
        <h2>Réutiliser les données</h2>
        <p>
          Toutes les données publiées sont téléchargeables sous Licence Ouverte 2.0 depuis la page <Link href="/donnees-ouvertes">Données ouvertes</Link>, et
          interrogeables par l'API GraphQL documentée. Chaque graphique propose aussi ses propres chiffres en CSV.
        </p>
        <p>
          Les données publiées sont figées en versions numérotées qui ne changent plus : pour une étude, citez la version utilisée (page Données ouvertes, «
          Citer les données »).
        </p>
      </div>
    </>
  );
}
