import { dashboardPage } from "../../components/dashboard-page";
import { TerritoryView } from "../../views/territory-view";

export const dynamic = "force-dynamic";
export const metadata = { title: "Territoire" };
export default dashboardPage("/territoire", "Territoire", "Les chiffres commune par commune, rapportés à la population municipale de l'INSEE.", TerritoryView, {
  map: "first",
});
