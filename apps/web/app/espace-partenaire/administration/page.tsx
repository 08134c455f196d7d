import type { Metadata } from "next";
import Link from "next/link";
import { Administration } from "../../../components/partner/administration";
import { PartnerPage } from "../../../components/partner/partner-page";

export const metadata: Metadata = { title: "Administration" };

export default function Page() {
  return (
    <PartnerPage>
      <p>
        <Link href="/espace-partenaire">← Espace partenaire</Link>
      </p>
      <Administration />
    </PartnerPage>
  );
}
