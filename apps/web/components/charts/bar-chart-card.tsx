"use client";
import { ChartCard, type ChartCardProps } from "../chart-card";
import type { BarChartProps } from "./bar-model";
import { InteractiveChart } from "./interactive-chart";
import { SvgBarChart } from "./svg-bar-chart";

export type BarChartCardProps<Row> = Omit<ChartCardProps<Row>, "children"> & Omit<BarChartProps<Row>, "label" | "rows">;

/** A chart card: drawn on the server, interactive once the reader reaches for it. */
export function BarChartCard<Row>({ category, series, format, short, horizontal, stacked, ...card }: BarChartCardProps<Row>) {
  const chart: BarChartProps<Row> = { rows: card.rows, category, series, format, short, horizontal, stacked, label: card.title };
  return (
    <ChartCard {...card}>
      <InteractiveChart chart={chart}>
        <SvgBarChart id={`${card.id}-svg`} {...chart} />
      </InteractiveChart>
    </ChartCard>
  );
}
