// A chart as officials and screen-reader users both need it: a title, one sentence saying what it
// shows, the chart, the table of exactly the plotted values, and those values as CSV.
import type { ReactNode } from "react";
import { type Column, csvHref, toCsv } from "../lib/csv";
import { ChartShare } from "./chart-share";
import { useEmbedRole } from "./embed-context";
import { SortableTable } from "./sortable-table";

export interface ChartCardProps<Row> {
  id: string;
  /** The plotted values, one per table row. */
  rows: readonly Row[];
  /** The chart itself, drawn from the same rows. */
  children: ReactNode;
  title: string;
  summary: string;
  columns: readonly Column<Row>[];
  /** The CSV's file name, without extension; the active filters are appended to it. */
  fileName: string;
  filterSuffix: string;
  className?: string;
  /** Nothing to draw (no rows, or only zeros): the summary, which says so, is the card's one message. */
  empty?: boolean;
}

export function ChartCard<Row>({
  id,
  title,
  summary,
  rows,
  columns,
  fileName,
  filterSuffix,
  className,
  empty = rows.length === 0,
  children,
}: ChartCardProps<Row>) {
  const role = useEmbedRole(id);
  if (role === "hidden") return null;
  return (
    <section
      className={className ? `chart-card ${className}` : "chart-card"}
      aria-labelledby={`${id}-titre`}
      id={id}
      data-embedded={role === "embedded" || undefined}
    >
      <h2 id={`${id}-titre`}>{title}</h2>
      <p className="chart-summary" id={`${id}-resume`}>
        {summary}
      </p>
      {empty ? null : (
        <>
          <figure className="chart" aria-describedby={`${id}-resume`}>
            {children}
          </figure>
          <details className="chart-data">
            <summary>Tableau des données du graphique</summary>
            <DataTable caption={title} columns={columns} rows={rows} />
          </details>
          <p className="chart-actions">
            <a href={csvHref(toCsv(columns, rows))} download={`${fileName}${filterSuffix}.csv`}>
              Télécharger ces données (CSV)
            </a>
            {role === "page" ? <ChartShare id={id} title={title} fileName={`${fileName}${filterSuffix}`} /> : null}
          </p>
        </>
      )}
    </section>
  );
}

/** The table of a chart or a view, sortable by each of its columns. */
export function DataTable<Row>({ caption, columns, rows }: { caption: string; columns: readonly Column<Row>[]; rows: readonly Row[] }) {
  if (columns.length === 0) return null;
  return (
    <SortableTable
      caption={caption}
      headers={columns.map((c) => c.label)}
      numeric={columns.map((c) => Boolean(c.numeric))}
      rows={rows.map((row) =>
        columns.map((c) => {
          const raw = c.raw(row);
          // The CSV's value orders the column: numbers as numbers, « s » (secret) last.
          const sort = raw === null || raw === "s" ? null : c.numeric && !Number.isNaN(Number(raw)) ? Number(raw) : String(raw);
          return { shown: c.shown(row), sort };
        }),
      )}
    />
  );
}
