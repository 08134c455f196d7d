// The data's change counter (see migration 0002) and the latest dataset version (release): what
// caches and ETags key on. A release changes what the API says of versions, not the records.
import type { PrismaClient } from "../generated/prisma/client";

export interface DataVersion {
  /** "{change counter}.{latest release number}". */
  version: string;
  changedAt: Date;
}

export async function dataVersion(prisma: PrismaClient): Promise<DataVersion> {
  const [row] = await prisma.$queryRaw<Array<{ version: string; changed_at: Date }>>`
    SELECT d.version::text || '.' || coalesce(r.number, 0) AS version, greatest(d.changed_at, r.released_at) AS changed_at
      FROM data_change d LEFT JOIN (SELECT number, released_at FROM release ORDER BY number DESC LIMIT 1) r ON true
     WHERE d.id = 1`;
  if (!row) throw new Error("data_change has no row: the migrations did not run");
  return { version: row.version, changedAt: new Date(row.changed_at) };
}
