import type { Metadata } from "next";
import { PartnerHome } from "../../components/partner/partner-home";
import { PartnerPage } from "../../components/partner/partner-page";

export const metadata: Metadata = { title: "Espace partenaire" };

export default function Page() {
  return (
    <PartnerPage>
      <PartnerHome />
    </PartnerPage>
  );
}
