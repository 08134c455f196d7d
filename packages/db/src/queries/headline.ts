// The headline figures, computed by the database over published records only.
import { Prisma, type PrismaClient } from "../generated/prisma/client";

export interface YearRange {
  fromYear?: number | null;
  toYear?: number | null;
}

export interface HeadlineFigures {
  jobsCreated: number;
  fullTimeEquivalents: Prisma.Decimal;
  /** Incubations that started in the period, whatever their outcome. */
  enterprisesIncubated: number;
  fundingAmount: Prisma.Decimal;
  fundingCount: number;
  firstYear: number | null;
  lastYear: number | null;
}

const ZERO = new Prisma.Decimal(0);

export async function headlineFigures(prisma: PrismaClient, { fromYear, toYear }: YearRange = {}): Promise<HeadlineFigures> {
  const published = { status: "PUBLISHED" } as const;
  const year = { gte: fromYear ?? undefined, lte: toYear ?? undefined };
  const [jobs, fundings, incubated] = await Promise.all([
    prisma.jobRecord.aggregate({ where: { ...published, year }, _sum: { jobsCreated: true, fte: true }, _min: { year: true }, _max: { year: true } }),
    prisma.funding.aggregate({ where: { ...published, year }, _sum: { amount: true }, _count: { _all: true }, _min: { year: true }, _max: { year: true } }),
    prisma.incubation.count({ where: { ...published, dataYear: year } }),
  ]);
  const years = [jobs._min.year, jobs._max.year, fundings._min.year, fundings._max.year].filter((y): y is number => y !== null);
  return {
    jobsCreated: jobs._sum.jobsCreated ?? 0,
    fullTimeEquivalents: jobs._sum.fte ?? ZERO,
    enterprisesIncubated: incubated,
    fundingAmount: fundings._sum.amount ?? ZERO,
    fundingCount: fundings._count._all,
    firstYear: years.length > 0 ? Math.min(...years) : null,
    lastYear: years.length > 0 ? Math.max(...years) : null,
  };
}
