// Who sees which contributed record. Anonymous callers: published records only. Members of a
// partner: also their organisation's drafts, submissions and rejections. the PTCE's coordination: all.

import { isCoordinator } from "@oess/app";
import { compilePage, type PageArgs, readPage } from "@oess/db";
import { GraphQLError } from "graphql";
import type { Context } from "./builder";
import { cancellable } from "./cancellable";
import { LIMITS } from "./limits";

function visibleWhere(ctx: Context): { status?: "PUBLISHED"; OR?: Array<Record<string, unknown>> } {
  const viewer = ctx.viewer;
  if (!viewer || viewer.memberships.length === 0) return { status: "PUBLISHED" };
  if (isCoordinator(viewer)) return {};
  return { OR: [{ status: "PUBLISHED" }, { ownerPartnerId: { in: viewer.memberships.map((m) => m.partnerId) } }] };
}

/** The `maxSize` of every connection: more than the limit is an error, never a silent cut. */
function pageSize(args: { first?: number | null; last?: number | null }): number {
  // Relay allows both, with a meaning nobody expects (the last of the first): ask for one.
  if (args.first != null && args.last != null) {
    throw new GraphQLError("first and last together: give `first` (with `after`) or `last` (with `before`), not both.", {
      extensions: { code: "BAD_USER_INPUT", argument: "last" },
    });
  }
  for (const name of ["first", "last"] as const) {
    const value = args[name];
    if (value != null && value > LIMITS.pageSize) {
      throw new GraphQLError(`${name}: ${value} is more than the page size limit of ${LIMITS.pageSize}; page with \`after\` / \`before\`.`, {
        extensions: { code: "PAGE_SIZE_LIMIT", argument: name, limit: LIMITS.pageSize },
      });
    }
    if (value != null && value < 0) {
      throw new GraphQLError(`${name} must not be negative.`, { extensions: { code: "BAD_USER_INPUT", argument: name } });
    }
  }
  return LIMITS.pageSize;
}

/** Cost of a connection field: its children count once per requested row. */
const connectionComplexity = (args: { first?: number | null; last?: number | null }) => ({
  field: 1,
  multiplier: args.first ?? args.last ?? LIMITS.defaultPageSize,
});

/** Page size and cost of every connection. */
export const PAGE_OPTIONS = { maxSize: pageSize, defaultSize: LIMITS.defaultPageSize, complexity: connectionComplexity } as const;

/** Options of a paged list of related contributed records: visible rows only, bounded and costed pages. */
export function visibleConnection<OrderBy>(description: string, orderBy: OrderBy) {
  return {
    description,
    cursor: "id" as const,
    ...PAGE_OPTIONS,
    totalCount: true as const,
    query: (_args: unknown, ctx: Context) => ({ where: visibleWhere(ctx), orderBy }),
  };
}

/** The caller's filter, restricted to the records the caller may see. */
export const visibleAnd = <Where>(ctx: Context, where: Where | null | undefined) => ({ AND: [visibleWhere(ctx), where ?? {}] });

/** The caller's ordering, ties broken by id so that pages are stable. */
const stableOrder = <OrderBy>(orderBy: OrderBy[] | null | undefined) => [...(orderBy ?? []), { id: "asc" as const }];

/**
 * A page of a record list (Pothos' connection query, the caller's filter and ordering) in one SQL
 * statement. Prisma runs a page after a `cursor` as one statement per relation: its joined loading
 * does not take cursors. In the default order, by id alone, that page is the rows whose id is past
 * the cursor's, which Prisma joins like a first page. Other orders keep Prisma's cursor.
 */
export function recordPage<Query extends { cursor?: { id?: string }; skip?: number; take?: number }, Where, OrderBy>(
  query: Query,
  where: Where,
  orderBy: OrderBy[] | null | undefined,
) {
  const order = stableOrder(orderBy);
  const id = order.length === 1 ? query.cursor?.id : undefined;
  const past = id === undefined ? undefined : (query.take ?? 0) < 0 ? { lt: id } : { gt: id };
  return { ...query, ...(past && { cursor: undefined, skip: 0 }), where: { AND: [where, past ? { id: past } : {}] }, orderBy: order };
}

/**
 * Runs a page of a list (recordPage's arguments) as one hand-written SQL statement where
 * compilePage translates it, and through Prisma's `findMany` otherwise (a nested list, a cursor
 * in another order than by id): the same rows either way, at about a sixth of the CPU the first way.
 */
export function readList<Args extends PageArgs, Row extends Record<string, unknown>>(
  ctx: Context,
  model: string,
  args: Args,
  findMany: (args: Args) => Promise<Row[]>,
): Promise<Row[]> {
  const page = compilePage(model, args);
  return cancellable(ctx, () => (page ? readPage<Row>(ctx.sql, page) : findMany(args)));
}
