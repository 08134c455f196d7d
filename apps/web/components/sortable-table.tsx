"use client";
// A table whose columns sort on a click of their header: a native button in each header, the
// order said by aria-sort. It receives plain cells, so that server components can fill it too;
// without JavaScript it is the same table, in the order it came.
import { useState } from "react";
import { ScrollRegion } from "./scroll-region";

export interface TableCell {
  shown: string;
  /** What the column sorts by: numbers by value, text in French order; null (a secret figure) last. */
  sort: string | number | null;
}

interface Order {
  column: number;
  descending: boolean;
}

const compareCells = (a: TableCell, b: TableCell): number => {
  if (a.sort === null || b.sort === null) return a.sort === null ? (b.sort === null ? 0 : 1) : -1;
  return typeof a.sort === "number" && typeof b.sort === "number" ? a.sort - b.sort : String(a.sort).localeCompare(String(b.sort), "fr");
};

export function SortableTable({
  caption,
  headers,
  numeric,
  rows,
}: {
  caption: string;
  headers: readonly string[];
  numeric: readonly boolean[];
  rows: readonly (readonly TableCell[])[];
}) {
  const [order, setOrder] = useState<Order | null>(null);
  const sorted = order
    ? [...rows].sort((x, y) => {
        const [a, b] = [x[order.column], y[order.column]] as [TableCell, TableCell];
        // Secret figures stay last whichever the direction.
        if (a.sort === null || b.sort === null) return compareCells(a, b);
        return order.descending ? compareCells(b, a) : compareCells(a, b);
      })
    : rows;
  const sortBy = (column: number) =>
    // Numbers first from the largest, names from A.
    setOrder((current) => ({ column, descending: current?.column === column ? !current.descending : Boolean(numeric[column]) }));
  return (
    <ScrollRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {headers.map((label, i) => {
              const sort = order?.column === i ? (order.descending ? "descending" : "ascending") : undefined;
              return (
                <th key={label} scope="col" className={numeric[i] ? "num" : undefined} aria-sort={sort}>
                  <button type="button" className="sort-button" onClick={() => sortBy(i)}>
                    {label}
                    <span aria-hidden="true" className="sort-button__mark">
                      {sort === "descending" ? " ▼" : sort === "ascending" ? " ▲" : " ↕"}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((cells) => (
            <tr key={cells[0]?.shown}>
              {cells.map((cell, i) =>
                i === 0 ? (
                  <th key={headers[i]} scope="row">
                    {cell.shown}
                  </th>
                ) : (
                  <td key={headers[i]} className={numeric[i] ? "num" : undefined}>
                    {cell.shown}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
