// The one Pothos builder: plugins, scalars and context are declared here once.
import { Prisma, type PrismaClient } from "@oess/db";
import type PrismaTypes from "@oess/db/pothos-types";
import { getDatamodel } from "@oess/db/pothos-types";
import type { Territory } from "@oess/domain";
import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";

export interface Context {
  prisma: PrismaClient;
  territory: Territory;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  Scalars: {
    Decimal: { Input: string; Output: Prisma.Decimal | string };
  };
  DefaultFieldNullability: false;
}>({
  plugins: [PrismaPlugin],
  defaultFieldNullability: false,
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
  },
});

builder.queryType({ description: "Read access to the Observatoire ESS: published figures and records." });
