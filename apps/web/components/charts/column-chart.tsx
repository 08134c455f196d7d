// A light column chart drawn as plain SVG, on the server: it is in the HTML, prints without
// JavaScript and costs the page no script. The overview uses it for its trends, so that the
// first page an official opens stays light; the detailed pages use Recharts.
import { SECRET_LABEL } from "../../lib/secret";
import type { Series } from "./bar-chart";
import { SERIES_COLOURS, seriesFill } from "./palette";
import { barLabel, niceTicks } from "./scale";

interface ColumnChartProps<Row> {
  rows: readonly Row[];
  category: (row: Row) => string;
  series: readonly Series<Row>[];
  /** The value as the table writes it. */
  format: (n: number) => string;
  /** Axis ticks, and the values too large to write in full on a column. */
  short: (n: number) => string;
  label: string;
}

const WIDTH = 640;
const HEIGHT = 280;
const MARGIN = { top: 24, right: 8, bottom: 28, left: 56 };

export function ColumnChart<Row>({ rows, category, series, format, short, label }: ColumnChartProps<Row>) {
  const ticks = niceTicks(Math.max(0, ...rows.flatMap((r) => series.map((s) => s.value(r) ?? 0))));
  const top = ticks[ticks.length - 1] as number;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / rows.length;
  const barWidth = Math.min(40, (slot * 0.8) / series.length);
  const y = (v: number) => MARGIN.top + plotHeight - (v / top) * plotHeight;

  return (
    <>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="column-chart" role="img" aria-label={label}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(t)} y2={y(t)} stroke="#d5dae3" />
            <text x={MARGIN.left - 6} y={y(t)} dy="0.32em" textAnchor="end" className="column-chart__tick column-chart__axis">
              {short(t)}
            </text>
          </g>
        ))}
        {rows.map((row, i) => {
          const x0 = MARGIN.left + slot * i + (slot - barWidth * series.length) / 2;
          return (
            <g key={category(row)}>
              {series.map((s, k) => {
                const v = s.value(row);
                return (
                  <g key={s.label}>
                    {v === null ? null : (
                      <rect x={x0 + k * barWidth} y={y(v)} width={barWidth - 1} height={y(0) - y(v)} fill={seriesFill(k)} stroke="#1d2433" strokeWidth={0.5} />
                    )}
                    <text x={x0 + k * barWidth + barWidth / 2} y={y(v ?? 0) - 4} textAnchor="middle" className="column-chart__value">
                      {v === null ? SECRET_LABEL : barLabel(v, format, short)}
                    </text>
                  </g>
                );
              })}
              <text
                x={MARGIN.left + slot * i + slot / 2}
                y={HEIGHT - 8}
                textAnchor="middle"
                className={i % 2 ? "column-chart__tick column-chart__tick--odd" : "column-chart__tick"}
              >
                {category(row)}
              </text>
            </g>
          );
        })}
        <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} stroke="#1d2433" />
      </svg>
      {series.length > 1 ? (
        <ul className="legend">
          {series.map((s, k) => (
            <li key={s.label}>
              <svg width="14" height="14" aria-hidden="true">
                <rect width="14" height="14" fill={seriesFill(k)} stroke={SERIES_COLOURS[k]} />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
