// Statistical confidentiality of employment (secret statistique). Jobs are published to
// anonymous readers only through one protected table per year: commune × legal family, with its
// margins (commune totals, family totals, the year's total). A cell of it is secret when too few
// enterprises contribute or one dominates it (primary secret); more cells are then hidden
// (secondary secret) until no secret cell can be recovered by subtraction along the margins.
// Any other figure (several years, several communes…) is published only when it follows from
// the published cells, so no query reveals more than the table.
//
// Why a graph: write the year's table with its margins as a bipartite graph whose vertices are
// the table's rows (communes, and the total row) and columns (families, and the total column),
// and whose edges are its secret cells. Every row and column adds up, so the secret values can
// move together along any cycle without changing a published figure; a sum of secret cells is
// determined exactly when it cannot move along any cycle: when some potential p on the vertices
// gives each edge (u, v) its weight as p(u) + p(v). A lone secret cell is determined exactly when
// its edge lies on no cycle.

export interface SecrecyRules {
  /** A cell with fewer contributing enterprises is secret. */
  minContributors: number;
  /** A cell where one enterprise makes this share (in %) or more of its jobs or FTE is secret; 100 turns the rule off. */
  dominancePercent: number;
}

export const DEFAULT_SECRECY_RULES: SecrecyRules = { minContributors: 3, dominancePercent: 85 };

/** Why a jobs figure is hidden; SECRET_IN_VERSION when read from a released version, whose table keeps the « s » flag, not its reason. */
export type SecretReason = "FEW_CONTRIBUTORS" | "DOMINANT_CONTRIBUTOR" | "COMPLEMENTARY" | "FINER_THAN_PUBLISHED" | "SECRET_IN_VERSION";

/** What one cell of the table gathers: its contributing enterprises and their jobs and FTE. */
export interface CellStats {
  contributors: number;
  jobs: number;
  /** The largest contribution of one enterprise. */
  maxJobs: number;
  fte: number;
  maxFte: number;
}

/** One cell of a year's table; a null commune or family is its margin (the total over them). */
export interface JobsCell extends CellStats {
  year: number;
  commune: string | null;
  family: string | null;
}

/** Which jobs a figure gathers: years, and communes and families (null: all). */
export interface JobsQuery {
  years: readonly number[];
  communes: readonly string[] | null;
  families: readonly string[] | null;
}

const TOTAL = "*";
const cellKey = (commune: string | null, family: string | null) => `${commune ?? TOTAL}|${family ?? TOTAL}`;
const rowVertex = (commune: string | null) => `r:${commune ?? TOTAL}`;
const columnVertex = (family: string | null) => `c:${family ?? TOTAL}`;

function primarySecret(stats: CellStats, rules: SecrecyRules): SecretReason | null {
  if (stats.contributors < rules.minContributors) return "FEW_CONTRIBUTORS";
  if (rules.dominancePercent < 100) {
    const dominated = (max: number, total: number) => total > 0 && max * 100 >= rules.dominancePercent * total;
    if (dominated(stats.maxJobs, stats.jobs) || dominated(stats.maxFte, stats.fte)) return "DOMINANT_CONTRIBUTOR";
  }
  return null;
}

interface Edge {
  key: string;
  u: string;
  v: string;
}

/** The secret cells of one year as a graph (see above). */
class SecretGraph {
  private readonly adjacent = new Map<string, Edge[]>();
  readonly edges: Edge[] = [];

  add(edge: Edge): void {
    this.edges.push(edge);
    for (const vertex of [edge.u, edge.v]) {
      const list = this.adjacent.get(vertex);
      if (list) list.push(edge);
      else this.adjacent.set(vertex, [edge]);
    }
  }

  /** True when the sum of the secret cells weighted by `weight` follows from the published cells. */
  determines(weight: (edge: Edge) => number): boolean {
    const potential = new Map<string, number>();
    for (const root of this.adjacent.keys()) {
      if (potential.has(root)) continue;
      potential.set(root, 0);
      const stack = [root];
      while (stack.length > 0) {
        const u = stack.pop() as string;
        const pu = potential.get(u) as number;
        for (const edge of this.adjacent.get(u) ?? []) {
          const v = edge.u === u ? edge.v : edge.u;
          const wanted = weight(edge) - pu;
          const pv = potential.get(v);
          if (pv === undefined) {
            potential.set(v, wanted);
            stack.push(v);
          } else if (pv !== wanted) return false;
        }
      }
    }
    return true;
  }

  /** The vertices reachable from `from` without crossing `without`. */
  reach(from: string, without: Edge): Set<string> {
    const seen = new Set([from]);
    const stack = [from];
    while (stack.length > 0) {
      const u = stack.pop() as string;
      for (const edge of this.adjacent.get(u) ?? []) {
        if (edge === without) continue;
        const v = edge.u === u ? edge.v : edge.u;
        if (!seen.has(v)) {
          seen.add(v);
          stack.push(v);
        }
      }
    }
    return seen;
  }
}

interface TableCell {
  cell: JobsCell;
  edge: Edge;
  secret: SecretReason | null;
}

/** One year's protected table. */
class YearTable {
  readonly cells = new Map<string, TableCell>();
  readonly graph = new SecretGraph();

  constructor(cells: readonly JobsCell[], rules: SecrecyRules) {
    for (const cell of cells) {
      const key = cellKey(cell.commune, cell.family);
      const secret = primarySecret(cell, rules);
      const entry: TableCell = { cell, edge: { key, u: rowVertex(cell.commune), v: columnVertex(cell.family) }, secret };
      this.cells.set(key, entry);
      if (secret) this.graph.add(entry.edge);
    }
    this.suppressComplements();
  }

  /**
   * Secondary secret: while a secret cell lies on no cycle, hide one more published cell so that
   * it does, the cheapest first (fewest jobs; inner cells before margins). Hiding every cell
   * leaves no bridge (each cell is on the rectangle it makes with its margins and the total), so
   * this ends.
   */
  private suppressComplements(): void {
    for (;;) {
      const exposed = this.graph.edges.find((edge) => this.graph.determines((e) => (e === edge ? 1 : 0)));
      if (!exposed) return;
      const fromU = this.graph.reach(exposed.u, exposed);
      const fromV = this.graph.reach(exposed.v, exposed);
      const published = [...this.cells.values()].filter((c) => c.secret === null);
      const closesCycle = (c: TableCell) => (fromU.has(c.edge.u) && fromV.has(c.edge.v)) || (fromU.has(c.edge.v) && fromV.has(c.edge.u));
      const touches = (c: TableCell) => [c.edge.u, c.edge.v].some((x) => fromU.has(x) || fromV.has(x));
      const candidates = published.filter(closesCycle);
      const chosen = cheapest(candidates.length > 0 ? candidates : published.filter(touches));
      if (!chosen) throw new Error(`no cell can protect cell ${exposed.key}`);
      chosen.secret = "COMPLEMENTARY";
      this.graph.add(chosen.edge);
    }
  }

  /** Why a figure over these communes and families may not be published, or null if it may. */
  secrecyOf(communes: readonly string[] | null, families: readonly string[] | null): SecretReason | null {
    const inQuery = (c: JobsCell) =>
      c.commune !== null && c.family !== null && (communes === null || communes.includes(c.commune)) && (families === null || families.includes(c.family));
    const weights = new Map<Edge, number>();
    for (const entry of this.cells.values()) if (entry.secret && inQuery(entry.cell)) weights.set(entry.edge, 1);
    if (weights.size === 0 || this.graph.determines((e) => weights.get(e) ?? 0)) return null;
    // A figure that is one cell of the table gives that cell's reason.
    const one = (values: readonly string[] | null) => (values === null ? null : values.length === 1 ? values[0] : undefined);
    const commune = one(communes);
    const family = one(families);
    const cell = commune !== undefined && family !== undefined ? this.cells.get(cellKey(commune, family)) : undefined;
    return cell?.secret ?? "COMPLEMENTARY";
  }
}

function cheapest(cells: readonly TableCell[]): TableCell | undefined {
  const cost = (c: TableCell) => [c.cell.commune === null || c.cell.family === null ? 1 : 0, c.cell.jobs, c.cell.fte] as const;
  return [...cells].sort((a, b) => {
    const [x, y] = [cost(a), cost(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || a.edge.key.localeCompare(b.edge.key);
  })[0];
}

/** The protected jobs tables of every year, built from their cells and margins. */
export class JobsProtection {
  private readonly tables = new Map<number, YearTable>();

  constructor(cells: readonly JobsCell[], rules: SecrecyRules) {
    const byYear = new Map<number, JobsCell[]>();
    for (const cell of cells) byYear.set(cell.year, [...(byYear.get(cell.year) ?? []), cell]);
    for (const [year, yearCells] of byYear) this.tables.set(year, new YearTable(yearCells, rules));
  }

  /** Years with published jobs, in order. */
  get years(): number[] {
    return [...this.tables.keys()].sort((a, b) => a - b);
  }

  /** A cell of the table (null commune or family: a margin), with why it is secret (null: published). */
  cell(year: number, commune: string | null, family: string | null): { stats: CellStats; secret: SecretReason | null } | null {
    const entry = this.tables.get(year)?.cells.get(cellKey(commune, family));
    return entry ? { stats: entry.cell, secret: entry.secret } : null;
  }

  /** Every cell of the table, margins included. */
  *cells(): Generator<JobsCell & { secret: SecretReason | null }> {
    for (const table of this.tables.values()) for (const entry of table.cells.values()) yield { ...entry.cell, secret: entry.secret };
  }

  /** Why the jobs of this figure may not be published, or null when they follow from published cells. */
  secrecyOf(query: JobsQuery): SecretReason | null {
    for (const year of query.years) {
      const reason = this.tables.get(year)?.secrecyOf(query.communes, query.families) ?? null;
      if (reason) return reason;
    }
    return null;
  }
}
