// Series are told apart by colour and by pattern, never by colour alone (RGAA 3.2). Every colour
// keeps at least 3:1 contrast with the white page (WCAG 1.4.11), and the order avoids putting
// red and green side by side.
export const SERIES_COLOURS = ["#1f5fa8", "#b8480f", "#0f6e62", "#7a3b9c", "#8a5a00", "#b3185a", "#4b5563", "#2f6f33"] as const;

const overlays = [
  null,
  <path key="s" d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#fff" strokeWidth="1.6" />,
  <circle key="d" cx="4" cy="4" r="1.5" fill="#fff" />,
  <path key="x" d="M0,0 l8,8 M8,0 l-8,8" stroke="#fff" strokeWidth="1.2" />,
  <path key="h" d="M0,4 h8" stroke="#fff" strokeWidth="1.6" />,
  <path key="v" d="M4,0 v8" stroke="#fff" strokeWidth="1.6" />,
  <path key="b" d="M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4" stroke="#fff" strokeWidth="1.6" />,
  <rect key="q" x="0" y="0" width="4" height="4" fill="#fff" fillOpacity="0.6" />,
];

const PAGE_PREFIX = "motif";

/** The fill of series `index`: the page's patterns, or those a chart carries itself. */
export const seriesFill = (index: number, chart?: string): string => `url(#${chart ? `${chart}-motif` : PAGE_PREFIX}-${index % SERIES_COLOURS.length})`;

/** The patterns of the first `count` series, under ids of the given chart (or of the page). */
export function ChartPatternDefs({ chart, count = SERIES_COLOURS.length }: { chart?: string; count?: number }) {
  const prefix = chart ? `${chart}-motif` : PAGE_PREFIX;
  return (
    <defs>
      {SERIES_COLOURS.slice(0, count).map((colour, i) => (
        <pattern key={colour} id={`${prefix}-${i}`} width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill={colour} />
          {overlays[i]}
        </pattern>
      ))}
    </defs>
  );
}

/** The patterns, defined once per page, for the interactive charts and the legends. */
export function ChartPatterns() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" style={{ position: "absolute" }}>
      <ChartPatternDefs />
    </svg>
  );
}
