import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LoadError } from "../../../../../components/partner/load-error";
import { RecordForm } from "../../../../../components/partner/record-form";
import { loadChoices } from "../../../../../lib/partner/choices";
import { specOfSlug } from "../../../../../lib/partner/record-specs";
import { requireSession } from "../../../../../lib/partner/session";

export const metadata: Metadata = { title: "Nouvelle fiche" };

export default async function NewRecordPage({ params }: { params: Promise<{ type: string }> }) {
  const { type } = await params;
  const spec = specOfSlug(type);
  if (!spec) notFound();
  const path = `/espace-partenaire/fiches/${spec.slug}/nouvelle`;
  const { isCoordinator, editable } = await requireSession(path);
  const choices = await loadChoices();
  const organisations = isCoordinator && choices.ok ? choices.data.partners.map((p) => ({ databaseId: p.value, shortName: p.label })) : editable;
  return (
    <>
      <p>
        <Link href="/espace-partenaire">← Espace partenaire</Link>
      </p>
      <h1>{spec.title} : nouvelle fiche</h1>
      {!choices.ok ? (
        <LoadError what="Les listes du formulaire" message={choices.error.message} retry={path} />
      ) : organisations.length === 0 ? (
        <p role="alert">Votre compte ne permet de saisir pour aucune organisation : demandez le rôle d'éditeur·rice à la coordination.</p>
      ) : (
        <RecordForm kind={spec.kind} record={null} initial={{}} organisations={organisations} choices={choices.data} />
      )}
    </>
  );
}
