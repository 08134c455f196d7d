// Database work that stops when the caller hangs up (see @oess/db's cancelledWith): for a
// resolver's own queries, the lists and aggregates that may run long.
import { cancelledWith } from "@oess/db";
import type { Context } from "./builder";

/** Runs `work` in the request's scope. Prisma's queries are lazy: awaited here, they start inside it. */
export const cancellable = <T>(ctx: Context, work: () => PromiseLike<T>): Promise<T> => cancelledWith(ctx.signal, async () => await work());
