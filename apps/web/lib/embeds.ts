// What can be embedded in another website (« Intégrer »): each chart and headline figure of the
// dashboard's views, by its element id, and the view that draws it. The embed route renders that
// view and shows only the element; the dashboard offers the snippet on exactly these.
const EMBEDDABLE = {
  overviewFigures: ["emplois", "incubees", "creees", "financements"],
  overview: ["emplois-par-annee", "incubation-par-annee", "financements-par-annee"],
  jobs: ["emplois-etp-par-annee", "emplois-par-famille"],
  incubation: ["incubees-creees-par-annee", "perennite-3-ans", "incubees-par-partenaire"],
  funding: ["financements-par-partenaire", "financements-par-instrument", "financements-par-annee-instrument"],
  territory: ["emplois-par-commune", "financements-par-habitant"],
} as const;

export type EmbedView = keyof typeof EMBEDDABLE;

export function embedViewOf(id: string): EmbedView | null {
  for (const [view, ids] of Object.entries(EMBEDDABLE) as Array<[EmbedView, readonly string[]]>) if (ids.includes(id)) return view;
  return null;
}

export const EMBED_PREFIX = "/integrer/";
/** The request header by which proxy.ts tells the root layout that the page is an embed. */
export const EMBED_HEADER = "x-oess-embed";

/** The frame's address: the element and the filters of the view it comes from. */
export const embedPath = (id: string, search: string): string => `${EMBED_PREFIX}${id}${search}`;
