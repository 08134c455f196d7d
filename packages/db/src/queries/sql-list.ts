import { Prisma } from "../generated/prisma/client";

/** `column IN (…)` with bound values, or nothing when no value is given (no restriction). */
export function inList(column: string, values: readonly string[] | null | undefined, cast = ""): Prisma.Sql | null {
  if (!values || values.length === 0) return null;
  return Prisma.sql`${Prisma.raw(column)} IN (${Prisma.join(values.map((v) => Prisma.sql`${v}${Prisma.raw(cast)}`))})`;
}
