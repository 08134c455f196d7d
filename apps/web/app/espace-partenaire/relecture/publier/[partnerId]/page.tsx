import { isUuid } from "@oess/domain";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "../../../../../components/partner/action-form";
import { LoadError } from "../../../../../components/partner/load-error";
import { PublicationList } from "../../../../../components/partner/publication-list";
import { SUBMITTED_OF } from "../../../../../lib/partner/review";
import { requireSession } from "../../../../../lib/partner/session";
import { serverQuery } from "../../../../../lib/server-api";
import { publishAllSubmitted } from "../../../actions";

export const metadata: Metadata = { title: "Tout publier : confirmation" };

export default async function ConfirmPublication({ params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  if (!isUuid(partnerId)) notFound();
  const path = `/espace-partenaire/relecture/publier/${partnerId}`;
  const { isCoordinator } = await requireSession(path);
  if (!isCoordinator) return <p role="alert">Cette page est réservée à la coordination du PTCE.</p>;
  const result = await serverQuery(SUBMITTED_OF, { partnerId });
  if (!result.ok) return <LoadError what="Les fiches soumises" message={result.error.message} retry={path} />;
  const { items, totalCount } = result.data.worklist;
  const publishable = items.filter((i) => i.publicationProblems.length === 0).length;
  const owner = items[0]?.ownerName ?? "cette organisation";
  return (
    <>
      <p>
        <Link href="/espace-partenaire/relecture">← Relecture</Link>
      </p>
      <h1>Tout publier pour {owner} ?</h1>
      {totalCount === 0 ? (
        <p>Aucune fiche de cette organisation n'attend de relecture.</p>
      ) : (
        <>
          <p className="lead">
            {publishable} fiche{publishable > 1 ? "s deviendront publiques" : " deviendra publique"} : visibles de tous dans le tableau de bord, l'API et les
            données ouvertes. {items.length - publishable > 0 ? `${items.length - publishable} resteront soumises, pour les raisons dites.` : ""}
          </p>
          {totalCount > items.length ? (
            <p role="note">
              Seules les {items.length} premières des {totalCount} fiches soumises sont listées ; la publication les traite toutes.
            </p>
          ) : null}
          <PublicationList items={items} caption={`Fiches soumises de ${owner}`} />
          <div className="record-actions">
            <ActionForm action={publishAllSubmitted} hidden={{ partnerId }} submit={`Confirmer : publier ${publishable} fiche${publishable > 1 ? "s" : ""}`} />
            <Link className="button secondary-link" href="/espace-partenaire/relecture">
              Annuler
            </Link>
          </div>
        </>
      )}
    </>
  );
}
