"use client";
// One chart component for the whole dashboard: columns or horizontal bars, one or several
// series, grouped or stacked. Recharts' accessibility layer makes it keyboard-operable.
import { Bar, CartesianGrid, Cell, BarChart as Chart, LabelList, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { SECRET_LABEL } from "../../lib/secret";
import { compact } from "./compact";
import { seriesFill } from "./palette";
import { barLabel, niceTicks } from "./scale";

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
  // Recharts draws no label for a missing value, nor for a bar of no length: a hidden figure is an
  // invisible bar of one pixel whose label (and tooltip) reads « secret », never a zero.
  const data = rows.map((row) => {
    const point: Record<string, string | number | boolean> = { name: category(row) };
    const values = series.map((s) => s.value(row));
    values.forEach((v, i) => {
      point[`s${i}`] = v ?? 0;
      point[`label${i}`] = v === null ? SECRET_LABEL : barLabel(v, format, short);
      point[`secret${i}`] = v === null;
    });
    point.totalLabel = values.includes(null)
      ? SECRET_LABEL
      : barLabel(
          values.reduce<number>((sum, v) => sum + (v ?? 0), 0),
          format,
          short,
        );
    return point;
  });
  const largest = Math.max(
    0,
    ...rows.map((row) => {
      const values = series.map((s) => s.value(row) ?? 0);
      return stacked ? values.reduce((a, b) => a + b, 0) : Math.max(...values);
    }),
  );
  const ticks = niceTicks(largest);
  // Long names (NAF sections) wrap beside horizontal bars; each bar gets the height of its name.
  const lines = Math.max(1, ...data.map((point) => wrapLabel(String(point.name)).length));
  const height = horizontal ? Math.max(160, Math.max(36, 16 * lines + 12) * data.length + 60) : 320;
  const categoryAxis = { dataKey: "name", type: "category" as const, tick: AXIS_TICK };
  const valueAxis = {
    type: "number" as const,
    tick: AXIS_TICK,
    tickFormatter: short,
    ticks,
    domain: [0, ticks[ticks.length - 1] as number],
    interval: 0 as const,
  };

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
      {horizontal ? <YAxis {...categoryAxis} tick={<WrappedTick />} interval={0} width={190} /> : <YAxis {...valueAxis} width={56} />}
      <Tooltip
        formatter={(value, _name, item) => (item.payload?.[`secret${String(item.dataKey).slice(1)}`] ? SECRET_LABEL : format(Number(value)))}
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
          minPointSize={(_value, index) => (data[index]?.[`secret${i}`] ? 1 : 0)}
        >
          {data.map((point) => (
            <Cell key={String(point.name)} fillOpacity={point[`secret${i}`] ? 0 : 1} strokeOpacity={point[`secret${i}`] ? 0 : 1} />
          ))}
          {/* Values are written next to the bars: the reader never has to match colours. */}
          {!stacked || i === series.length - 1 ? (
            <LabelList dataKey={stacked ? "totalLabel" : `label${i}`} position={horizontal ? "right" : "top"} fill="#1d2433" fontSize={12} />
          ) : null}
        </Bar>
      ))}
    </Chart>
  );
}

/** A name cut into lines of about 26 characters, at spaces. */
function wrapLabel(text: string, width = 26): string[] {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** A category name beside a horizontal bar, on as many lines as it needs, centred on the bar. */
function WrappedTick({ x = 0, y = 0, payload }: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  const lines = wrapLabel(String(payload?.value ?? ""));
  return (
    <text x={x} y={y} textAnchor="end" fill={AXIS_TICK.fill} fontSize={AXIS_TICK.fontSize}>
      {lines.map((line, i) => (
        // A name's lines differ (each holds words the others do not): they key themselves.
        <tspan key={line} x={x} dy={i === 0 ? `${0.35 - ((lines.length - 1) * 1.15) / 2}em` : "1.15em"}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
