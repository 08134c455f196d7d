import { dashboardPage } from "../../components/dashboard-page";
import { FundingView } from "../../views/funding-view";

export const dynamic = "force-dynamic";
export const metadata = { title: "Financements" };
export default dashboardPage(
  "/financements",
  "Financements",
  "Les subventions, avances remboursables, prêts et prestations des partenaires, par financeur, par instrument et par année.",
  FundingView,
);
