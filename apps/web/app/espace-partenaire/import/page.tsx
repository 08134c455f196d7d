import type { Metadata } from "next";
import Link from "next/link";
import { ImportForm } from "../../../components/partner/import-form";
import { PartnerPage } from "../../../components/partner/partner-page";

export const metadata: Metadata = { title: "Importer un fichier" };

export default function Page() {
  return (
    <PartnerPage>
      <p>
        <Link href="/espace-partenaire">← Espace partenaire</Link>
      </p>
      <h1>Importer un fichier</h1>
      <p className="lead">
        Un tableur d'emplois ou de financements, vérifié ligne par ligne avant tout enregistrement. Importer deux fois le même fichier ne change rien.
      </p>
      <ImportForm />
    </PartnerPage>
  );
}
