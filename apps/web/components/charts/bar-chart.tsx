"use client";
// One chart component for the whole dashboard: columns or horizontal bars, one or several
// series, grouped or stacked. Recharts' accessibility layer makes it keyboard-operable.
import { Bar, CartesianGrid, BarChart as Chart, LabelList, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { SECRET_LABEL } from "../../lib/secret";
import { compact } from "./compact";
import { seriesFill } from "./palette";

export interface Series<Row> {
  label: string;
  /** Null: hidden by statistical confidentiality, drawn as no bar and labelled « secret ». */
  value: (row: Row) => number | null;
}

export interface BarChartProps<Row> {
  rows: readonly Row[];
  category: (row: Row) => string;
  series: readonly Series<Row>[];
  format: (n: number) => string;
  /** Axis ticks and bar labels: short (« 850 k ») unless said otherwise. */
  short?: (n: number) => string;
  /** Bars run left to right, categories down the side: for long names (communes, partners). */
  horizontal?: boolean;
  stacked?: boolean;
  /** Accessible name of the chart. */
  label: string;
}

const AXIS_TICK = { fill: "#1d2433", fontSize: 13 };

export function BarChart<Row>({ rows, category, series, format, short = compact, horizontal = false, stacked = false, label }: BarChartProps<Row>) {
  const data = rows.map((row) => {
    const point: Record<string, string | number | null> = { name: category(row) };
    series.forEach((s, i) => {
      point[`s${i}`] = s.value(row);
    });
    const values = series.map((s) => s.value(row));
    point.total = values.includes(null) ? null : values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
    return point;
  });
  const height = horizontal ? Math.max(160, 36 * data.length + 60) : 320;
  const categoryAxis = { dataKey: "name", type: "category" as const, tick: AXIS_TICK };
  const valueAxis = { type: "number" as const, tick: AXIS_TICK, tickFormatter: short };

  return (
    <Chart
      data={data}
      layout={horizontal ? "vertical" : "horizontal"}
      responsive
      style={{ width: "100%", height }}
      margin={{ top: 20, right: horizontal ? 72 : 16, bottom: 4, left: 4 }}
      accessibilityLayer
      title={label}
    >
      <CartesianGrid stroke="#d5dae3" vertical={horizontal} horizontal={!horizontal} />
      {/* Every name beside horizontal bars; years under columns thin out on narrow screens. */}
      {horizontal ? <XAxis {...valueAxis} /> : <XAxis {...categoryAxis} interval="preserveStartEnd" minTickGap={4} />}
      {horizontal ? <YAxis {...categoryAxis} interval={0} width={160} /> : <YAxis {...valueAxis} width={56} />}
      <Tooltip
        formatter={(value) => (value === null || value === undefined ? SECRET_LABEL : format(Number(value)))}
        cursor={{ fill: "rgb(0 90 156 / 0.08)" }}
      />
      {series.length > 1 ? <Legend iconType="square" itemSorter={null} wrapperStyle={{ color: "#1d2433" }} /> : null}
      {series.map((s, i) => (
        <Bar
          key={s.label}
          dataKey={`s${i}`}
          name={s.label}
          fill={seriesFill(i)}
          stroke="#1d2433"
          strokeWidth={0.5}
          stackId={stacked ? "stack" : undefined}
          isAnimationActive={false}
        >
          {/* Values are written next to the bars: the reader never has to match colours. */}
          {!stacked || i === series.length - 1 ? (
            <LabelList
              dataKey={stacked ? "total" : `s${i}`}
              position={horizontal ? "right" : "top"}
              formatter={(v) => (v === null || v === undefined ? SECRET_LABEL : short(Number(v)))}
              fill="#1d2433"
              fontSize={12}
            />
          ) : null}
        </Bar>
      ))}
    </Chart>
  );
}
