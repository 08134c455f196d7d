import type { Metadata } from "next";
import { env } from "../../lib/env";
import { loadPublisherName } from "../../lib/options";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Données personnelles" };

export default async function PrivacyPage() {
  const publisher = await loadPublisherName();
  return (
    <>
      <h1>Données personnelles</h1>
      <p className="lead">
        Le tableau de bord public ne recueille aucune donnée personnelle : pas de compte, pas de traceur, pas de mesure d'audience. Seul l'espace partenaire en
        traite, pour savoir qui a saisi, relu et publié chaque chiffre.
      </p>
      <div className="prose">
        <h2>Responsable du traitement</h2>
        <p>{publisher}, pour le compte des partenaires du PTCE du Niortais.</p>
        <h2>Ce que l'espace partenaire conserve, et pourquoi</h2>
        <dl>
          <dt>Votre compte</dt>
          <dd>
            Votre nom, votre adresse électronique, vos organisations et votre rôle dans chacune (lecture, saisie, administration) : pour vous connecter et
            limiter chacun aux fiches de son organisation. Le mot de passe n'est jamais conservé, seulement son empreinte (Argon2id).
          </dd>
          <dt>Votre session</dt>
          <dd>
            Un cookie de session strictement nécessaire (oess_session), valable 14 jours au plus, et l'empreinte de son jeton côté serveur ; il disparaît à la
            déconnexion.
          </dd>
          <dt>L'historique des modifications</dt>
          <dd>
            Qui a créé, modifié, relu ou publié chaque fiche, quand, et ce qui a changé : c'est la traçabilité que les partenaires financeurs exigent d'un
            chiffre publié. Les lecteurs du tableau de bord public ne voient ni qui a saisi, ni les notes de relecture.
          </dd>
          <dt>Vos commentaires</dt>
          <dd>Les commentaires que vous laissez sur une fiche ou une vue, avec votre nom, visibles des autres partenaires connectés.</dd>
          <dt>Les adresses IP</dt>
          <dd>
            Le nombre de requêtes récentes de chaque adresse, en mémoire et pour une minute, pour limiter les abus (lectures anonymes, tentatives de connexion)
            ; il n'est pas écrit sur disque.
          </dd>
        </dl>
        <h2>Base légale et durée</h2>
        <p>
          Mission d'intérêt public des partenaires (suivi des financements publics et de leurs effets). Un compte est conservé tant que la personne fait partie
          d'une organisation partenaire ; l'historique des modifications, aussi longtemps que les chiffres qu'il justifie sont publiés.
        </p>
        <h2>Vos droits</h2>
        <p>
          Vous pouvez accéder à vos données, les faire rectifier ou effacer, et vous opposer à leur traitement, en écrivant à{" "}
          {env.privacyContact ? <a href={`mailto:${env.privacyContact}`}>{env.privacyContact}</a> : `la ${publisher}`}. Vous pouvez aussi saisir la CNIL
          (cnil.fr).
        </p>
      </div>
    </>
  );
}
