import type { Column, Row } from "../dataset";

/** Rows with JSON types: numbers and booleans rather than their text. */
export function typed(columns: readonly Column[], row: Row): Row {
  return Object.fromEntries(
    columns.map((c) => {
      const value = row[c.name] ?? null;
      if (value === null) return [c.name, null];
      if (c.type === "integer" || c.type === "number") return [c.name, Number(value)];
      if (c.type === "boolean") return [c.name, value === true || value === "true"];
      return [c.name, value];
    }),
  );
}
