// The few queries that run both through Prisma (the API's requests) and through the SQL driver
// (inside a transaction, where Prisma cannot go: a dataset version reads one snapshot).
import type { SqlExecutor } from "../driver";
import type { PrismaClient } from "../generated/prisma/client";

export type QueryRunner = PrismaClient | SqlExecutor;

/** Runs `sql` ($1, $2… placeholders) on whichever of the two it is given. */
export const rawQuery = <Row>(db: QueryRunner, sql: string, params: readonly unknown[] = []): Promise<Row[]> =>
  "$queryRawUnsafe" in db ? db.$queryRawUnsafe<Row[]>(sql, ...params) : db.query<Row>(sql, [...params]);
