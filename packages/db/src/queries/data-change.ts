// The data's change counter (see migration 0002): what caches and ETags key on.
import type { PrismaClient } from "../generated/prisma/client";

export interface DataVersion {
  version: string;
  changedAt: Date;
}

export async function dataVersion(prisma: PrismaClient): Promise<DataVersion> {
  const row = await prisma.dataChange.findUniqueOrThrow({ where: { id: 1 } });
  return { version: row.version.toString(), changedAt: row.changedAt };
}
