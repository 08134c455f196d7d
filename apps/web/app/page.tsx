import { dashboardPage } from "../components/dashboard-page";
import { OverviewFigures, OverviewView } from "../views/overview-view";

// Figures are read from the API at request time, never frozen at build time.
export const dynamic = "force-dynamic";
export default dashboardPage(
  "/",
  "Vue d'ensemble",
  "Les emplois créés, les entreprises incubées et les financements des partenaires du PTCE de l'économie sociale et solidaire.",
  OverviewView,
  { map: "last", Figures: OverviewFigures },
);
