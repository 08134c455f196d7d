"use client";
// The interactive form of a bar chart: Recharts, for its tooltips and its keyboard layer (arrow
// keys move from bar to bar). It draws the same model as the server's SVG, which it replaces
// once the reader reaches for the chart (see interactive-chart.tsx).
import { Bar, CartesianGrid, Cell, BarChart as Chart, LabelList, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { SECRET_LABEL } from "../../lib/secret";
import { type BarChartProps, barModel, wrapLabel } from "./bar-model";
import { compact } from "./compact";
import { seriesFill } from "./palette";

const AXIS_TICK = { fill: "#1d2433", fontSize: 13 };
/** As in globals.css (.svg-chart--columns): a chart across a wide card stays as tall as in a narrow one. */
const MAX_COLUMNS_HEIGHT = 360;

/** The chart, `height` pixels high: the height of the drawing it replaces. */
export default function BarChart<Row>(props: BarChartProps<Row> & { height: number }) {
  const { format, short = compact, horizontal = false, stacked = false, label, height } = props;
  const { categories, series, totalLabels, ticks, top } = barModel(props);
  // Recharts draws no label for a missing value, nor for a bar of no length: a hidden figure is an
  // invisible bar of one pixel whose label (and tooltip) reads « secret », never a zero.
  const data = categories.map((name, i) => {
    const point: Record<string, string | number | boolean> = { name, totalLabel: totalLabels[i] as string };
    series.forEach((s, k) => {
      point[`s${k}`] = s.values[i] ?? 0;
      point[`label${k}`] = s.labels[i] as string;
      point[`secret${k}`] = s.values[i] === null;
    });
    return point;
  });
  const categoryAxis = { dataKey: "name", type: "category" as const, tick: AXIS_TICK };
  const valueAxis = {
    type: "number" as const,
    tick: AXIS_TICK,
    tickFormatter: short,
    ticks,
    domain: [0, top],
    interval: 0 as const,
  };

  // Wrapped names need their lines; otherwise the chart keeps the height of the drawing it replaces.
  const lines = Math.max(1, ...categories.map((name) => wrapLabel(name).length));
  const needed = horizontal ? (16 * lines + 12) * categories.length + 60 : 0;
  const columnsHeight = Math.min(height, MAX_COLUMNS_HEIGHT);

  return (
    <Chart
      data={data}
      layout={horizontal ? "vertical" : "horizontal"}
      responsive
      style={{ width: "100%", height: horizontal ? Math.max(height, needed) : columnsHeight }}
      margin={{ top: 20, right: horizontal ? 72 : 16, bottom: 4, left: 4 }}
      accessibilityLayer
      title={label}
    >
      <CartesianGrid stroke="#d5dae3" vertical={horizontal} horizontal={!horizontal} />
      {/* Every name beside horizontal bars; years under columns thin out on narrow screens. */}
      {horizontal ? <XAxis {...valueAxis} /> : <XAxis {...categoryAxis} interval="preserveStartEnd" minTickGap={4} />}
      {horizontal ? <YAxis {...categoryAxis} tick={<WrappedTick />} interval={0} width={190} /> : <YAxis {...valueAxis} width={56} />}
      <Tooltip
        formatter={(value, _name, item) => {
          const k = Number(String(item.dataKey).slice(1));
          return item.payload?.[`secret${k}`] ? SECRET_LABEL : (series[k]?.format ?? format)(Number(value));
        }}
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
