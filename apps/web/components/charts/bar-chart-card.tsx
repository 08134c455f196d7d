"use client";
import { ChartCard, type ChartCardProps } from "../chart-card";
import { BarChart, type BarChartProps } from "./bar-chart";

export type BarChartCardProps<Row> = Omit<ChartCardProps<Row>, "children"> & Omit<BarChartProps<Row>, "label" | "rows">;

/** A chart card drawn by Recharts (interactive, keyboard-operable). */
export function BarChartCard<Row>({ category, series, format, short, horizontal, stacked, ...card }: BarChartCardProps<Row>) {
  return (
    <ChartCard {...card}>
      <BarChart
        rows={card.rows}
        category={category}
        series={series}
        format={format}
        short={short}
        horizontal={horizontal}
        stacked={stacked}
        label={card.title}
      />
    </ChartCard>
  );
}
