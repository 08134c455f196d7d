// What a chart writes: round axis ticks, and on each bar the value of its table.

/** A round step (1, 2, 2.5 or 5 × 10ⁿ) that gives about four grid lines up to `max`. */
function niceStep(max: number): number {
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
}

/** Ticks from 0 to the first round value at or above `max`: 0, 250, 500, 750… */
export function niceTicks(max: number): number[] {
  // Counts get whole steps: never a tick at 0.5 person.
  const step = Math.max(niceStep(Math.max(max, 1)), max <= 4 ? 1 : 0);
  const top = Math.max(step, Math.ceil(max / step) * step);
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
}

/** Below this, a value is written in full on its bar; above, abbreviated (the tooltip and the table give it in full). */
const ABBREVIATE_FROM = 10_000;

/** The text on a bar: the table's own text, or its abbreviation for large values. */
export const barLabel = (value: number, format: (n: number) => string, short: (n: number) => string): string =>
  Math.abs(value) < ABBREVIATE_FROM ? format(value) : short(value);
