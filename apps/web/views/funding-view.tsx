"use client";
import { formatEuros, formatPercent } from "@oess/domain/format";
import { FUNDING_INSTRUMENT_LABELS, FUNDING_INSTRUMENTS, type FundingInstrument } from "@oess/domain/vocabulary";
import { BarChartCard } from "../components/charts/bar-chart-card";
import { compactEuros } from "../components/charts/compact";
import type { Column } from "../lib/csv";
import { graphql, type ResultOf } from "../lib/graphql";
import { counted } from "../lib/plural";
import { byDescending, sum } from "../lib/rows";
import type { ViewProps } from "../lib/view";
import { useViewQuery } from "./use-view-query";

const QUERY = graphql(`
  query Funding($where: IndicatorWhere) {
    byPartner: indicators(groupBy: [PARTNER], where: $where) {
      partnerName
      fundingAmount
      fundingCount
    }
    byInstrument: indicators(groupBy: [INSTRUMENT], where: $where) {
      instrument
      fundingAmount
      fundingCount
    }
    byYearInstrument: indicators(groupBy: [YEAR, INSTRUMENT], where: $where) {
      year
      instrument
      fundingAmount
    }
  }
`);

type Data = ResultOf<typeof QUERY>;
type Amount = Pick<Data["byPartner"][number], "fundingAmount" | "fundingCount">;
type InstrumentRow = Data["byInstrument"][number] & { instrument: FundingInstrument };
type YearRow = { year: number } & Record<FundingInstrument, number>;

const amountColumns = <Row extends Amount>(): Column<Row>[] => [
  { label: "Montant (€)", raw: (r) => r.fundingAmount, shown: (r) => formatEuros(r.fundingAmount), numeric: true },
];

const yearTotal = (r: YearRow) => FUNDING_INSTRUMENTS.reduce((acc, i) => acc + r[i], 0);

export function FundingView({ where, period, filterSuffix }: ViewProps) {
  const data = useViewQuery(QUERY, { where });
  const partners = data.byPartner.filter((r) => r.fundingCount > 0).sort(byDescending((r) => Number(r.fundingAmount)));
  const instruments = data.byInstrument
    .filter((r): r is InstrumentRow => r.instrument !== null && r.fundingCount > 0)
    .sort(byDescending((r) => Number(r.fundingAmount)));
  const years: YearRow[] = [];
  for (let year = period.from; year <= period.to; year++) {
    const row = { year, GRANT: 0, REPAYABLE_ADVANCE: 0, LOAN: 0, SERVICE: 0 };
    for (const r of data.byYearInstrument) {
      if (r.year === year && r.instrument) row[r.instrument] += Number(r.fundingAmount);
    }
    years.push(row);
  }
  const used = FUNDING_INSTRUMENTS.filter((i) => years.some((y) => y[i] > 0));
  const total = sum(partners, (r) => Number(r.fundingAmount));
  const span = period.from === period.to ? `en ${period.from}` : `de ${period.from} à ${period.to}`;
  const top = partners[0];
  const topInstrument = instruments[0];

  return (
    <div className="chart-grid">
      <BarChartCard
        id="financements-par-partenaire"
        title="Financements par partenaire"
        summary={
          top
            ? `${formatEuros(total)} ${span} ; ${top.partnerName} est le premier financeur avec ${formatEuros(top.fundingAmount)}, soit ${formatPercent(Number(top.fundingAmount) / total)} du total.`
            : "Aucun financement publié pour ces filtres."
        }
        rows={partners}
        category={(r) => r.partnerName ?? "Non renseigné"}
        series={[{ label: "Montant des financements", value: (r) => Number(r.fundingAmount) }]}
        format={formatEuros}
        short={compactEuros}
        horizontal
        columns={[
          { label: "Partenaire", raw: (r) => r.partnerName, shown: (r) => r.partnerName ?? "Non renseigné" },
          ...amountColumns<Data["byPartner"][number]>(),
        ]}
        fileName="financements-par-partenaire"
        filterSuffix={filterSuffix}
      />
      <BarChartCard
        id="financements-par-instrument"
        title="Financements par instrument"
        summary={
          topInstrument
            ? `L'instrument le plus utilisé en montant est : ${FUNDING_INSTRUMENT_LABELS[topInstrument.instrument].toLowerCase()}, avec ${formatEuros(topInstrument.fundingAmount)} (${counted(topInstrument.fundingCount, "financement", "financements")}).`
            : "Aucun financement publié pour ces filtres."
        }
        rows={instruments}
        category={(r) => FUNDING_INSTRUMENT_LABELS[r.instrument]}
        series={[{ label: "Montant des financements", value: (r) => Number(r.fundingAmount) }]}
        format={formatEuros}
        short={compactEuros}
        horizontal
        columns={[
          { label: "Instrument", raw: (r) => FUNDING_INSTRUMENT_LABELS[r.instrument], shown: (r) => FUNDING_INSTRUMENT_LABELS[r.instrument] },
          ...amountColumns<InstrumentRow>(),
        ]}
        fileName="financements-par-instrument"
        filterSuffix={filterSuffix}
      />
      <BarChartCard
        id="financements-par-annee-instrument"
        title="Financements par année et par instrument"
        summary={
          total > 0
            ? `Chaque barre empile les montants des ${counted(used.length, "instrument", "instruments")} de l'année ; le total figure au-dessus. ${formatEuros(total)} ${span}.`
            : "Aucun financement publié pour ces filtres."
        }
        rows={total > 0 ? years : []}
        category={(r) => String(r.year)}
        series={used.map((i) => ({ label: FUNDING_INSTRUMENT_LABELS[i], value: (r: YearRow) => r[i] }))}
        stacked
        format={formatEuros}
        short={compactEuros}
        columns={[
          { label: "Année", raw: (r) => r.year, shown: (r) => String(r.year) },
          ...used.map((i) => ({
            label: `${FUNDING_INSTRUMENT_LABELS[i]} (€)`,
            raw: (r: YearRow) => r[i],
            shown: (r: YearRow) => formatEuros(r[i]),
            numeric: true,
          })),
          { label: "Total (€)", raw: (r) => yearTotal(r), shown: (r) => formatEuros(yearTotal(r)), numeric: true },
        ]}
        fileName="financements-par-annee-et-instrument"
        filterSuffix={filterSuffix}
        className="wide"
      />
    </div>
  );
}
