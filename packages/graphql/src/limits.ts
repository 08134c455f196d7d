// Bounds that keep one request cheap, set so that a researcher's real queries pass: a nested page
// of 100 × 100 records (partners → fundings → enterprise → commune) costs about 80 000; a third
// nested level of 100 (a million rows) is refused.
export const LIMITS = {
  /** Page size of every connection (`first` / `last`). */
  pageSize: 100,
  /** Estimated cost: fields × page sizes of the lists they are in. */
  complexity: 250_000,
  depth: 15,
  breadth: 200,
  aliases: 30,
  tokens: 5_000,
} as const;
