import { CONTOURS_ATTRIBUTION, loadContours } from "@oess/domain/contours";
import { builder } from "../builder";
import { PAGE_OPTIONS, readList, visibleConnection } from "../visibility";
import { IntFilter, StringFilter } from "./filters";

builder.prismaNode("Commune", {
  id: { field: "code" },
  description: "A commune of the territory (official INSEE list, from @etalab/decoupage-administratif).",
  select: { code: true },
  fields: (t) => ({
    code: t.exposeString("code", { description: 'Code officiel géographique (INSEE), e.g. "79191" for Niort.' }),
    name: t.exposeString("name", { description: "Official name." }),
    siren: t.exposeString("siren", { description: "SIREN of the commune as a local authority." }),
    population: t.exposeInt("population", { description: "Population municipale (INSEE)." }),
    contour: t.field({
      type: "JSON",
      nullable: true,
      description: `Its outline, a GeoJSON MultiPolygon (WGS 84 longitude, latitude; about 10 m precision), for maps. ${CONTOURS_ATTRIBUTION}: show it with the map. Null when the project ships no contour for it.`,
      resolve: (commune, _args, ctx) => {
        const polygons = loadContours(ctx.territory.epciSiren).get(commune.code);
        return polygons ? { type: "MultiPolygon", coordinates: polygons } : null;
      },
    }),
    enterprises: t.relatedConnection("enterprises", visibleConnection("ESS enterprises located in the commune.", { id: "asc" })),
  }),
});

const CommuneWhere = builder.prismaWhere("Commune", {
  name: "CommuneWhere",
  fields: { code: StringFilter, name: StringFilter, population: IntFilter, AND: true, OR: true, NOT: true },
});
const CommuneOrderBy = builder.prismaOrderBy("Commune", { name: "CommuneOrderBy", fields: { code: true, name: true, population: true } });

builder.queryField("communes", (t) =>
  t.prismaConnection(
    {
      type: "Commune",
      description: "The communes of the configured territory (EPCI). Default order: most populated first.",
      cursor: "code",
      ...PAGE_OPTIONS,
      args: { where: t.arg({ type: CommuneWhere, required: false }), orderBy: t.arg({ type: [CommuneOrderBy], required: false }) },
      resolve: (query, _root, args, ctx) =>
        readList(
          ctx,
          "Commune",
          {
            ...query,
            where: { AND: [{ epciSiren: ctx.territory.epciSiren }, args.where ?? {}] },
            orderBy: [...(args.orderBy ?? [{ population: "desc" as const }]), { code: "asc" as const }],
          },
          (page) => ctx.prisma.commune.findMany(page),
        ),
      totalCount: (_connection, args, ctx) => ctx.prisma.commune.count({ where: { AND: [{ epciSiren: ctx.territory.epciSiren }, args.where ?? {}] } }),
    },
    { description: "A page of communes." },
  ),
);
