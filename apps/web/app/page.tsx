import { formatDecimal, formatEuros, formatInteger } from "@oess/domain/format";
import { HEADLINE_INDICATORS } from "@oess/domain/indicators";
import { gql } from "@urql/core";
import { DemoNotice } from "../components/demo-notice";
import { KeyFigure } from "../components/key-figure";
import { getClient } from "../lib/api";

// Figures are read from the API at request time, never frozen at build time.
export const dynamic = "force-dynamic";

const OVERVIEW = gql`
  query Overview {
    dataset {
      territoryName
      notice
    }
    headlineFigures {
      jobsCreated
      fullTimeEquivalents
      enterprisesIncubated
      fundingAmount
      fundingCount
      firstYear
      lastYear
    }
  }
`;

interface OverviewData {
  dataset: { territoryName: string; notice: string | null };
  headlineFigures: {
    jobsCreated: number;
    fullTimeEquivalents: string;
    enterprisesIncubated: number;
    fundingAmount: string;
    fundingCount: number;
    firstYear: number | null;
    lastYear: number | null;
  };
}

export default async function OverviewPage() {
  const result = await getClient().query<OverviewData>(OVERVIEW, {}).toPromise();
  if (!result.data) {
    return (
      <section className="error" role="alert">
        <h1>Les chiffres sont momentanément indisponibles</h1>
        <p>Le service de données ne répond pas. Réessayez dans quelques instants ; si le problème persiste, contactez la Maison de l'ESS.</p>
      </section>
    );
  }
  const { dataset, headlineFigures: h } = result.data;
  const period = h.firstYear && h.lastYear ? `de ${h.firstYear} à ${h.lastYear}` : "";
  return (
    <>
      <h1>Vue d'ensemble</h1>
      <p className="lead">
        L'économie sociale et solidaire accompagnée par le PTCE sur le territoire de la {dataset.territoryName}
        {period ? `, ${period}` : ""}.
      </p>
      {dataset.notice ? <DemoNotice notice={dataset.notice} /> : null}
      <section aria-labelledby="chiffres-cles">
        <h2 id="chiffres-cles" className="visually-hidden">
          Chiffres clés
        </h2>
        <dl className="key-figures">
          <KeyFigure
            label={HEADLINE_INDICATORS.jobsCreated.label}
            value={formatInteger(h.jobsCreated)}
            detail={`soit ${formatDecimal(Number(h.fullTimeEquivalents))} équivalents temps plein`}
          />
          <KeyFigure label={HEADLINE_INDICATORS.enterprisesIncubated.label} value={formatInteger(h.enterprisesIncubated)} detail="projets entrés en incubation" />
          <KeyFigure label={HEADLINE_INDICATORS.fundingAmount.label} value={formatEuros(h.fundingAmount)} detail={`${formatInteger(h.fundingCount)} financements`} />
        </dl>
      </section>
    </>
  );
}
