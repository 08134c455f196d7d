import type { Metadata } from "next";
import { PartnerPage } from "../../../components/partner/partner-page";
import { RecordPage } from "../../../components/partner/record-page";

export const metadata: Metadata = { title: "Fiche" };

export default async function Page({ searchParams }: { searchParams: Promise<{ id?: string }> }) {
  const { id } = await searchParams;
  return <PartnerPage>{id ? <RecordPage id={id} /> : <p role="alert">Aucun record n'est indiqué.</p>}</PartnerPage>;
}
