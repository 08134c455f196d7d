// What is known of the dataset as a whole (set by the demo seed).
import type { PrismaClient } from "../generated/prisma/client";

export interface DatasetInfo {
  isDemo: boolean;
}

export async function datasetInfo(prisma: PrismaClient): Promise<DatasetInfo> {
  const setting = await prisma.setting.findUnique({ where: { key: "dataset" } });
  const value = setting?.value as { demo?: boolean } | null | undefined;
  return { isDemo: value?.demo === true };
}
