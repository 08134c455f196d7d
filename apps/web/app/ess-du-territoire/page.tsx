import { dashboardPage } from "../../components/dashboard-page";
import { RegisterFigures, RegisterView } from "../../views/register-view";

export const dynamic = "force-dynamic";
export const metadata = { title: "L'ESS du territoire" };
export default dashboardPage(
  "/ess-du-territoire",
  "L'ESS du territoire",
  "Le poids de l'économie sociale et solidaire sur le territoire d'après le répertoire Sirene de l'Insee : tous ses établissements, accompagnés ou non par le PTCE. Les filtres de commune et de famille juridique s'y appliquent ; ceux d'années et de partenaire, qui portent sur les enregistrements des partenaires, non.",
  RegisterView,
  { Figures: RegisterFigures },
);
