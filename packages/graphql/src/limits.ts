// Bounds that keep one request cheap, set so that a researcher's real queries pass: a nested page
// of 100 × 100 records (partners → fundings → enterprise → commune) costs about 80 000; a third
// nested level of 100 (a million rows) is refused.
export const LIMITS = {
  /** Page size of every connection (`first` / `last`). */
  pageSize: 100,
  /** Rows of a page when neither `first` nor `last` is given (said in every connection's description). */
  defaultPageSize: 20,
  /** Estimated cost: fields × page sizes of the lists they are in. */
  complexity: 250_000,
  depth: 15,
  breadth: 200,
  aliases: 30,
  tokens: 5_000,
} as const;

/** Said by every connection field: the default is stated, never a silent cut. */
export const PAGING_RULES = `Pages of ${LIMITS.defaultPageSize} rows unless \`first\` (with \`after\`) or \`last\` (with \`before\`) says otherwise, at most ${LIMITS.pageSize}; \`first\` and \`last\` together are an error.`;
