// The sentence under a headline figure: its last complete year against the year before, told as
// a council would want it. A provisional year (declarations still coming in) is named as such and
// never compared; a change on a few units is told as two counts, not as a percentage.
import { formatChange } from "@oess/domain/format";
import { isYearComplete, PERCENT_CHANGE_FROM } from "@oess/domain/indicators";
import { shownOrSecret } from "./secret";

interface YearValue {
  year: number | null;
}

export function yearChange<Row extends YearValue>(
  rows: readonly Row[],
  value: (row: Row) => number | null,
  format: (n: number) => string,
  { counted, today }: { counted: boolean; today: Date },
): string {
  const complete = rows.filter((r) => r.year !== null && isYearComplete(r.year, today));
  const provisional = rows.filter((r) => r.year !== null && !isYearComplete(r.year, today));
  const last = complete.at(-1);
  const previous = complete.at(-2);
  const parts: string[] = [];
  if (last) {
    const [now, before] = [value(last), previous ? value(previous) : null];
    let comparison = "";
    if (previous && now !== null && before !== null) {
      const few = counted && Math.max(now, before) < PERCENT_CHANGE_FROM;
      const change = few ? null : formatChange(now, before);
      comparison = change ? `, ${change} par rapport à ${previous.year}` : `, contre ${format(before)} en ${previous.year}`;
    }
    parts.push(`En ${last.year} : ${shownOrSecret(now, format)}${comparison}.`);
  }
  for (const row of provisional) parts.push(`${row.year}, année provisoire (déclarations en cours) : ${shownOrSecret(value(row), format)}.`);
  return parts.join(" ");
}
