import { builder } from "../builder";
import { cancellable } from "../cancellable";
import { PAGE_OPTIONS, readList, visibleConnection } from "../visibility";
import { PartnerKind } from "./enums";
import { BooleanFilter, IdFilter, PartnerKindFilter, StringFilter } from "./filters";

builder.prismaNode("Partner", {
  id: { field: "id" },
  description: "A partner organisation of the PTCE (collectivité, réseau, coopérative, université…).",
  select: { id: true },
  fields: (t) => ({
    databaseId: t.exposeString("id", { description: "The partner's UUID, as in the open-data files." }),
    slug: t.exposeString("slug", { description: 'Short stable name, e.g. "can".' }),
    name: t.exposeString("name", { description: "Full name." }),
    shortName: t.exposeString("shortName", { description: "Name for charts and tables." }),
    kind: t.expose("kind", { type: PartnerKind, description: "Kind of organisation." }),
    siret: t.exposeString("siret", { nullable: true, description: "SIRET of the organisation." }),
    isPublicBody: t.exposeBoolean("isPublicBody", { description: "Public bodies publish their grants in the SCDL « Subventions » format." }),
    fundingsGiven: t.relatedConnection("fundingsGiven", visibleConnection("Fundings this partner gave.", { id: "asc" })),
    fundingsReceived: t.relatedConnection(
      "fundingsReceived",
      visibleConnection("Fundings this partner received (e.g. the structure that carries the PTCE).", { id: "asc" }),
    ),
    incubations: t.relatedConnection("incubations", visibleConnection("Incubations this partner supported.", { id: "asc" })),
  }),
});

const PartnerWhere = builder.prismaWhere("Partner", {
  name: "PartnerWhere",
  fields: {
    id: IdFilter,
    slug: StringFilter,
    name: StringFilter,
    kind: PartnerKindFilter,
    isPublicBody: BooleanFilter,
    siret: StringFilter,
    AND: true,
    OR: true,
    NOT: true,
  },
});
const PartnerOrderBy = builder.prismaOrderBy("Partner", { name: "PartnerOrderBy", fields: { name: true, slug: true, kind: true } });

builder.queryField("partners", (t) =>
  t.prismaConnection({
    type: "Partner",
    description: "The partner organisations. Default order: by name.",
    cursor: "id",
    ...PAGE_OPTIONS,
    args: { where: t.arg({ type: PartnerWhere, required: false }), orderBy: t.arg({ type: [PartnerOrderBy], required: false }) },
    resolve: (query, _root, args, ctx) =>
      readList(
        ctx,
        "Partner",
        { ...query, where: args.where ?? {}, orderBy: [...(args.orderBy ?? [{ name: "asc" as const }]), { id: "asc" as const }] },
        (page) => ctx.prisma.partner.findMany(page),
      ),
    totalCount: (_connection, args, ctx) => cancellable(ctx, () => ctx.prisma.partner.count({ where: args.where ?? {} })),
  }),
);
