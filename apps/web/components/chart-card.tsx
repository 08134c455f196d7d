// A chart as officials and screen-reader users both need it: a title, one sentence saying what it
// shows, the chart, the table of exactly the plotted values, and those values as CSV.
import type { ReactNode } from "react";
import { type Column, csvHref, toCsv } from "../lib/csv";
import { ScrollRegion } from "./scroll-region";

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
  return (
    <section className={className ? `chart-card ${className}` : "chart-card"} aria-labelledby={`${id}-titre`} id={id}>
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
          </p>
        </>
      )}
    </section>
  );
}

export function DataTable<Row>({ caption, columns, rows }: { caption: string; columns: readonly Column<Row>[]; rows: readonly Row[] }) {
  const [head, ...rest] = columns;
  if (!head) return null;
  return (
    <ScrollRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={c.numeric ? "num" : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const key = head.shown(row);
            return (
              <tr key={key}>
                <th scope="row">{key}</th>
                {rest.map((c) => (
                  <td key={c.label} className={c.numeric ? "num" : undefined}>
                    {c.shown(row)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
