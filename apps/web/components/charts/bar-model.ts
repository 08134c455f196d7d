// What a bar chart shows, computed once from its rows: the values, the text written on each bar,
// the totals of stacked bars and round axis ticks. The server's SVG and the interactive chart
// both draw this model, so they always write the same figures.
import { SECRET_LABEL } from "../../lib/secret";
import { compact } from "./compact";
import { barLabel, niceTicks } from "./scale";

export interface Series<Row> {
  label: string;
  /** Null: hidden by statistical confidentiality, drawn as no bar and labelled « secret ». */
  value: (row: Row) => number | null;
  /** As its table column writes it, when it differs from the chart's (jobs as integers beside FTE with decimals). */
  format?: (n: number) => string;
}

export interface BarChartProps<Row> {
  rows: readonly Row[];
  category: (row: Row) => string;
  series: readonly Series<Row>[];
  /** The value as the table writes it. */
  format: (n: number) => string;
  /** Axis ticks and the values too large to write in full on a bar (« 850 k »). */
  short?: (n: number) => string;
  /** Bars run left to right, categories down the side: for long names (communes, partners). */
  horizontal?: boolean;
  stacked?: boolean;
  /** Accessible name of the chart. */
  label: string;
}

export interface BarModel {
  categories: string[];
  series: Array<{ label: string; values: Array<number | null>; labels: string[]; format: (n: number) => string }>;
  /** Per category: what is written at the end of its bar(s) when stacked. */
  totalLabels: string[];
  ticks: number[];
  top: number;
}

export function barModel<Row>({ rows, category, series, format, short = compact, stacked = false }: BarChartProps<Row>): BarModel {
  const columns = series.map((s) => {
    const values = rows.map((row) => s.value(row));
    const written = s.format ?? format;
    return { label: s.label, values, labels: values.map((v) => (v === null ? SECRET_LABEL : barLabel(v, written, short))), format: written };
  });
  const totals = rows.map((_, i) => columns.map((c) => c.values[i] ?? null));
  const totalLabels = totals.map((values) =>
    values.includes(null)
      ? SECRET_LABEL
      : barLabel(
          values.reduce<number>((sum, v) => sum + (v ?? 0), 0),
          format,
          short,
        ),
  );
  const largest = Math.max(
    0,
    ...totals.map((values) => (stacked ? values.reduce<number>((a, b) => a + (b ?? 0), 0) : Math.max(0, ...values.map((v) => v ?? 0)))),
  );
  const ticks = niceTicks(largest);
  return { categories: rows.map(category), series: columns, totalLabels, ticks, top: ticks[ticks.length - 1] as number };
}

/** A name cut into lines of about `width` characters, at spaces. */
export function wrapLabel(text: string, width = 24): string[] {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
