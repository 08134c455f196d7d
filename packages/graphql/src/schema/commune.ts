import { builder } from "../builder";

builder.prismaObject("Commune", {
  description: "A commune of the territory (official INSEE list).",
  fields: (t) => ({
    code: t.exposeString("code", { description: "Code officiel géographique (INSEE), e.g. \"79191\" for Niort." }),
    name: t.exposeString("name", { description: "Official name." }),
    siren: t.exposeString("siren", { description: "SIREN of the commune as a local authority." }),
    population: t.exposeInt("population", { description: "Population municipale (INSEE)." }),
  }),
});

builder.queryField("communes", (t) =>
  t.prismaField({
    type: ["Commune"],
    description: "The communes of the configured territory (EPCI), most populated first.",
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.commune.findMany({ ...query, where: { epciSiren: ctx.territory.epciSiren }, orderBy: [{ population: "desc" }, { name: "asc" }] }),
  }),
);
