import { dashboardPage } from "../../components/dashboard-page";
import { IncubationView } from "../../views/incubation-view";

export const dynamic = "force-dynamic";
export const metadata = { title: "Incubation" };
export default dashboardPage(
  "/incubation",
  "Incubation",
  "Les projets accompagnés par l'incubateur du PTCE, les entreprises qui en sont nées et leur pérennité à trois ans.",
  IncubationView,
);
