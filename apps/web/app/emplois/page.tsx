import { dashboardPage } from "../../components/dashboard-page";
import { JobsView } from "../../views/jobs-view";

export const dynamic = "force-dynamic";
export const metadata = { title: "Emplois" };
export default dashboardPage(
  "/emplois",
  "Emplois",
  "Les emplois créés par les entreprises de l'ESS suivies par le PTCE, en effectifs et en équivalents temps plein, déclarés chaque année.",
  JobsView,
);
