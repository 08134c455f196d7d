import type { Metadata } from "next";
import Link from "next/link";
import { PartnerPage } from "../../../components/partner/partner-page";
import { RecordForm } from "../../../components/partner/record-form";
import { specOfSlug } from "../../../components/partner/record-specs";

export const metadata: Metadata = { title: "Saisie" };

export default async function Page({ searchParams }: { searchParams: Promise<{ type?: string; id?: string }> }) {
  const { type, id } = await searchParams;
  const spec = specOfSlug(type ?? null);
  return (
    <PartnerPage>
      <p>
        <Link href="/espace-partenaire">← Espace partenaire</Link>
      </p>
      {spec ? (
        <>
          <h1>
            {spec.title} : {id ? "modifier" : "nouvelle saisie"}
          </h1>
          <RecordForm spec={spec} recordId={id ?? null} />
        </>
      ) : (
        <p role="alert">Type de saisie inconnu.</p>
      )}
    </PartnerPage>
  );
}
