// Every bar chart of the dashboard, drawn as plain SVG during server rendering: it is in the HTML,
// visible before any script runs and without JavaScript, prints as it shows, and is the image a
// reader downloads. It carries its own patterns and text styles, so that the file stands alone.
import type { ReactNode } from "react";
import { type BarChartProps, barModel, wrapLabel } from "./bar-model";
import { ChartPatternDefs, SERIES_COLOURS, seriesFill } from "./palette";

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif';
const INK = "#1d2433";
const GRID = "#d5dae3";

/**
 * The chart's geometry, in boxes about as wide as a card is in pixels on a desktop: the text keeps
 * about its size there, and shrinks by a quarter at most on a phone.
 */
const COLUMNS = { width: 440, height: 250, top: 22, right: 4, bottom: 24, left: 48 };
const BARS = { width: 360, nameWidth: 150, valueWidth: 58, top: 8, bottom: 26, line: 15 };
/** About the width of a character of the bar labels (12 units). */
const LABEL_CHAR = 6.6;

export function SvgBarChart<Row>(props: BarChartProps<Row> & { id: string }) {
  const { id, label, horizontal = false, stacked = false } = props;
  const model = barModel(props);
  const { categories, series, totalLabels, ticks, top } = model;
  const fill = (k: number) => seriesFill(k, id);
  const valueLabel = (k: number, i: number) => (stacked ? (k === series.length - 1 ? totalLabels[i] : null) : series[k]?.labels[i]);
  const segment = (k: number, i: number) => {
    const below = stacked ? series.slice(0, k).reduce((sum, s) => sum + (s.values[i] ?? 0), 0) : 0;
    const value = series[k]?.values[i] ?? null;
    return { from: below, to: below + (value ?? 0), secret: value === null };
  };

  if (horizontal) {
    const rows = categories.map((name) => wrapLabel(name, 22));
    const rowHeights = rows.map((lines) => Math.max(30, BARS.line * lines.length + 10));
    const height = BARS.top + rowHeights.reduce((a, b) => a + b, 0) + BARS.bottom;
    const left = BARS.nameWidth;
    const plot = BARS.width - left - BARS.valueWidth;
    const x = (v: number) => left + (v / top) * plot;
    const bottom = height - BARS.bottom;
    // Tick values under the bars every other line when they would touch (« 0 € », « 1 M € »…).
    const tickText = props.short ?? String;
    const widest = Math.max(...ticks.map((t) => tickText(t).length)) * 7.5;
    const tickEvery = plot / Math.max(1, ticks.length - 1) < widest + 6 ? 2 : 1;
    let y0 = BARS.top;
    return (
      <ChartFrame id={id} label={label} width={BARS.width} height={height} labels={series.map((s) => s.label)} className="svg-chart--bars">
        {ticks.map((t, i) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={BARS.top} y2={bottom} stroke={GRID} />
            {i % tickEvery ? null : (
              <text x={x(t)} y={bottom + 17} textAnchor="middle" fill={INK} className="svg-chart__tick">
                {tickText(t)}
              </text>
            )}
          </g>
        ))}
        {rows.map((lines, i) => {
          const rowTop = y0;
          const rowHeight = rowHeights[i] as number;
          y0 += rowHeight;
          const band = Math.min(rowHeight - 8, 22 * (stacked ? 1 : series.length));
          const barHeight = stacked ? band : band / series.length;
          const bandTop = rowTop + (rowHeight - band) / 2;
          const centre = rowTop + rowHeight / 2;
          return (
            <g key={categories[i]} className="svg-chart__point" data-index={i}>
              <text x={left - 6} y={centre} textAnchor="end" fill={INK}>
                {lines.map((line, n) => (
                  <tspan key={line} x={left - 6} dy={n === 0 ? `${0.35 - ((lines.length - 1) * 1.15) / 2}em` : "1.15em"}>
                    {line}
                  </tspan>
                ))}
              </text>
              {series.map((s, k) => {
                const { from, to, secret } = segment(k, i);
                const yBar = bandTop + (stacked ? 0 : k * barHeight);
                const text = valueLabel(k, i);
                return (
                  <g key={s.label}>
                    {secret || to === from ? null : (
                      <rect x={x(from)} y={yBar} width={x(to) - x(from)} height={barHeight - 1} fill={fill(k)} stroke={INK} strokeWidth={0.5} />
                    )}
                    {text === null || text === undefined ? null : (
                      <text x={x(to) + 4} y={yBar + barHeight / 2} dy="0.35em" fill={INK} fontSize={12} className="svg-chart__value">
                        {text}
                      </text>
                    )}
                  </g>
                );
              })}
            </g>
          );
        })}
        <line x1={left} x2={left} y1={BARS.top} y2={bottom} stroke={INK} />
      </ChartFrame>
    );
  }

  const { width, height } = COLUMNS;
  const plotWidth = width - COLUMNS.left - COLUMNS.right;
  const slot = plotWidth / Math.max(1, categories.length);
  const barWidth = stacked ? Math.min(48, slot * 0.7) : Math.min(40, (slot * 0.8) / series.length);
  const groupWidth = stacked ? barWidth : barWidth * series.length;
  // Labels wider than their column stand upright over it rather than overlap their neighbours.
  const longest = Math.max(0, ...series.flatMap((s) => s.labels.map((text) => text.length)), ...totalLabels.map((text) => text.length));
  const upright = longest * LABEL_CHAR > barWidth + 4;
  // Every other name under the columns when they would touch (years: 2014, 2016…).
  const crowded = slot < Math.max(...categories.map((name) => name.length)) * 7.5 + 6;
  const marginTop = upright ? 8 + longest * LABEL_CHAR : COLUMNS.top;
  const plotHeight = height - marginTop - COLUMNS.bottom;
  const y = (v: number) => marginTop + plotHeight - (v / top) * plotHeight;
  return (
    <ChartFrame id={id} label={label} width={width} height={height} labels={series.map((s) => s.label)} className="svg-chart--columns">
      {ticks.map((t) => (
        <g key={t}>
          <line x1={COLUMNS.left} x2={width - COLUMNS.right} y1={y(t)} y2={y(t)} stroke={GRID} />
          <text x={COLUMNS.left - 6} y={y(t)} dy="0.32em" textAnchor="end" fill={INK} className="svg-chart__tick">
            {(props.short ?? String)(t)}
          </text>
        </g>
      ))}
      {categories.map((name, i) => {
        const x0 = COLUMNS.left + slot * i + (slot - groupWidth) / 2;
        return (
          <g key={name} className="svg-chart__point" data-index={i}>
            {series.map((s, k) => {
              const { from, to, secret } = segment(k, i);
              const xBar = x0 + (stacked ? 0 : k * barWidth);
              const text = valueLabel(k, i);
              return (
                <g key={s.label}>
                  {secret || to === from ? null : (
                    <rect x={xBar} y={y(to)} width={barWidth - 1} height={y(from) - y(to)} fill={fill(k)} stroke={INK} strokeWidth={0.5} />
                  )}
                  {text === null || text === undefined ? null : upright ? (
                    <text
                      transform={`translate(${xBar + barWidth / 2} ${y(to) - 3}) rotate(-90)`}
                      dy="0.35em"
                      fill={INK}
                      fontSize={11}
                      className="svg-chart__value"
                    >
                      {text}
                    </text>
                  ) : (
                    <text x={xBar + barWidth / 2} y={y(to) - 4} textAnchor="middle" fill={INK} fontSize={12} className="svg-chart__value">
                      {text}
                    </text>
                  )}
                </g>
              );
            })}
            {i % 2 && crowded ? null : (
              <text
                x={COLUMNS.left + slot * i + slot / 2}
                y={height - 8}
                textAnchor="middle"
                fill={INK}
                className={i % 2 ? "svg-chart__name svg-chart__name--odd" : "svg-chart__name"}
              >
                {name}
              </text>
            )}
          </g>
        );
      })}
      <line x1={COLUMNS.left} x2={width - COLUMNS.right} y1={y(0)} y2={y(0)} stroke={INK} />
    </ChartFrame>
  );
}

const LEGEND_LINE = 22;

/** Legend entries in rows that fit the width, measured roughly (7 units per character at 13 units). */
function legendLayout(labels: readonly string[], width: number) {
  const entries: Array<{ label: string; x: number; row: number }> = [];
  let x = 8;
  let row = 0;
  for (const label of labels) {
    const size = 20 + label.length * 7 + 16;
    if (x + size > width && x > 8) {
      row += 1;
      x = 8;
    }
    entries.push({ label, x, row });
    x += size;
  }
  return { entries, height: labels.length > 1 ? (row + 1) * LEGEND_LINE + 8 : 0 };
}

/**
 * The chart's SVG element, its patterns and its legend. On the page the legend is HTML below the
 * drawing (it reflows and stays readable on a phone); the SVG keeps a copy under the drawing, out
 * of its box, that the downloaded image shows by taking the taller box of `data-export-box`.
 */
function ChartFrame({
  id,
  label,
  width,
  height,
  labels,
  className,
  children,
}: {
  id: string;
  label: string;
  width: number;
  height: number;
  labels: readonly string[];
  className: string;
  children: ReactNode;
}) {
  const legend = legendLayout(labels, width);
  return (
    <>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        data-export-box={`0 0 ${width} ${height + legend.height}`}
        className={`svg-chart ${className}`}
        role="img"
        aria-label={label}
        fontFamily={FONT}
        fontSize={13}
      >
        <ChartPatternDefs chart={id} count={labels.length} />
        {children}
        {legend.height > 0 ? (
          <g className="svg-chart__legend">
            {legend.entries.map((entry, k) => (
              <g key={entry.label} transform={`translate(${entry.x} ${height + 8 + entry.row * LEGEND_LINE})`}>
                <rect width="14" height="14" fill={seriesFill(k, id)} stroke={SERIES_COLOURS[k]} />
                <text x="20" y="7" dy="0.35em" fill={INK}>
                  {entry.label}
                </text>
              </g>
            ))}
          </g>
        ) : null}
      </svg>
      {labels.length > 1 ? (
        <ul className="legend">
          {labels.map((text, k) => (
            <li key={text}>
              <svg width="14" height="14" aria-hidden="true">
                <rect width="14" height="14" fill={seriesFill(k, id)} stroke={SERIES_COLOURS[k]} />
              </svg>
              {text}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
