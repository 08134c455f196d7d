// The SIRENE register of the territory's ESS establishments: a public source, read by everyone.
// Establishments that are not diffusible are counted in the aggregates and never listed.
import { cancelRegisterJob, currentRegisterJob, findRegisterMatch, type Mismatch, type RegisterJob, type RegisterMatch, registerMismatches } from "@oess/app";
import {
  computeRegisterAggregates,
  type REGISTER_DIMENSIONS,
  type RegisterAggregate,
  type RegisterFilter,
  type RegisterSource,
  registerSource,
} from "@oess/db";
import { DEMO_DATA_SOURCE, NAF_SECTION_LABELS, nafLabel, STAFF_BAND_CODES, staffBandLabel } from "@oess/domain";
import { builder, type Context } from "../builder";
import { cancellable } from "../cancellable";
import { PAGE_OPTIONS } from "../visibility";
import { LegalCategoryRef, legalCategoryOf } from "./enterprise";
import { LegalFamily } from "./enums";

const StaffBand = builder.enumType("StaffBand", {
  description: "SIRENE's staff band (tranche d'effectif salarié): a range of employees, never a head count.",
  values: Object.fromEntries(STAFF_BAND_CODES.map((code) => [`BAND_${code}`, { value: code, description: `${code} : ${staffBandLabel(code)}` }])),
});

const communeNameOf = (ctx: { territory: { communes: ReadonlyArray<{ code: string; name: string }> } }, code: string | null) =>
  code === null ? null : (ctx.territory.communes.find((c) => c.code === code)?.name ?? null);

const RegisterEstablishmentRef = builder.prismaNode("RegisterEstablishment", {
  id: { resolve: (e) => e.siret },
  // Undisclosed establishments are not listed, nor found by id: as if they did not exist.
  findUnique: (siret) => ({ siret, diffusible: true }),
  description:
    "An ESS establishment of the territory as SIRENE (INSEE) lists it (economieSocialeSolidaireUniteLegale = O): the public register, apart from the partners' records. Its id is stable: it is made of the SIRET.",
  select: { siret: true },
  fields: (t) => ({
    siret: t.exposeString("siret", { description: "SIRET of the establishment (14 digits)." }),
    siren: t.exposeString("siren", { description: "SIREN of its legal unit (9 digits)." }),
    name: t.exposeString("name", { nullable: true, description: "Name of the legal unit (dénomination)." }),
    establishmentName: t.exposeString("establishmentName", { nullable: true, description: "The establishment's own name (enseigne), if any." }),
    communeCode: t.exposeString("communeCode", { description: "INSEE code of its commune." }),
    communeName: t.string({
      nullable: true,
      description: "Name of its commune.",
      select: { communeCode: true },
      resolve: (e, _args, ctx) => communeNameOf(ctx, e.communeCode),
    }),
    legalCategory: t.field({
      type: LegalCategoryRef,
      description: "INSEE legal category of the legal unit (catégorie juridique, niveau III).",
      select: { legalCategory: true },
      resolve: (e) => legalCategoryOf(e.legalCategory) ?? { code: e.legalCategory, label: "" },
    }),
    legalFamily: t.expose("legalFamily", { type: LegalFamily, nullable: true, description: "ESS legal family the category implies." }),
    nafRev2: t.exposeString("nafRev2", {
      nullable: true,
      description: 'Activity in NAF rév. 2, e.g. "88.99B"; null when SIRENE gives it in another nomenclature only.',
    }),
    nafRev2Label: t.string({
      nullable: true,
      description: "Label of the NAF rév. 2 code.",
      select: { nafRev2: true },
      resolve: (e) => (e.nafRev2 ? (nafLabel(e.nafRev2) ?? null) : null),
    }),
    naf2025: t.exposeString("naf2025", { nullable: true, description: "Activity in NAF 2025, when SIRENE gives it." }),
    sector: t.exposeString("nafSection", { nullable: true, description: "NAF rév. 2 section (A to U) of the activity." }),
    staffBand: t.expose("staffBand", { type: StaffBand, nullable: true, description: "Staff band; null when SIRENE gives none." }),
    staffBandLabel: t.string({
      description: "The staff band in French, e.g. « 3 à 5 salariés ».",
      select: { staffBand: true },
      resolve: (e) => staffBandLabel(e.staffBand),
    }),
    staffBandYear: t.exposeInt("staffBandYear", { nullable: true, description: "Year the staff band refers to." }),
    createdOn: t.expose("createdOn", { type: "Date", nullable: true, description: "Creation date of the establishment." }),
    unitCreatedOn: t.expose("unitCreatedOn", { type: "Date", nullable: true, description: "Creation date of the legal unit." }),
    active: t.exposeBoolean("active", { description: "True while the establishment is open (etatAdministratifEtablissement = A)." }),
    ceasedOn: t.expose("ceasedOn", { type: "Date", nullable: true, description: "When a closed establishment closed." }),
    headOffice: t.exposeBoolean("headOffice", { description: "True for the legal unit's head office (siège)." }),
  }),
});

const RegisterWhere = builder.inputType("RegisterWhere", {
  description: "Restricts the register; every condition must hold.",
  fields: (t) => ({
    communeCodes: t.stringList({ description: "INSEE codes of communes." }),
    legalFamilies: t.field({ type: [LegalFamily], description: "ESS legal families." }),
    sectors: t.stringList({ description: "NAF rév. 2 section letters, A to U." }),
    staffBands: t.field({ type: [StaffBand], description: "Staff bands." }),
    active: t.boolean({ description: "True: open establishments only; false: closed ones only." }),
    supportedByPtce: t.boolean({
      description: "True: only the establishments of legal units the PTCE supports (a published enterprise with that SIREN); false: the others.",
    }),
  }),
});

const filterOf = (where: RegisterFilter | null | undefined): RegisterFilter => where ?? {};

builder.queryField("registerEstablishments", (t) =>
  t.prismaConnection(
    {
      type: "RegisterEstablishment",
      description:
        "The territory's ESS establishments in SIRENE, by SIRET. Establishments that are not diffusible (statutDiffusion ≠ O) are not listed: `registerAggregates` counts them.",
      cursor: "siret",
      ...PAGE_OPTIONS,
      args: { where: t.arg({ type: RegisterWhere, required: false }) },
      resolve: async (query, _root, args, ctx) => {
        const where = await prismaWhere(ctx, args.where);
        return cancellable(ctx, () => ctx.prisma.registerEstablishment.findMany({ ...query, where, orderBy: { siret: "asc" } }));
      },
      totalCount: async (_connection, args, ctx) => {
        const where = await prismaWhere(ctx, args.where);
        return cancellable(ctx, () => ctx.prisma.registerEstablishment.count({ where }));
      },
    },
    { description: "A page of register establishments." },
  ),
);

/** The SIRENs of the PTCE's published enterprises: a few hundred, read to filter by them. */
async function ptceSirens(ctx: Context): Promise<string[]> {
  const enterprises = await ctx.prisma.enterprise.findMany({ where: { status: "PUBLISHED", siret: { not: null } }, select: { siret: true } });
  return [...new Set(enterprises.map((e) => (e.siret ?? "").slice(0, 9)))];
}

async function prismaWhere(ctx: Context, where: RegisterFilter | null | undefined) {
  const f = filterOf(where);
  return {
    diffusible: true,
    ...(f.supportedByPtce != null && { siren: f.supportedByPtce ? { in: await ptceSirens(ctx) } : { notIn: await ptceSirens(ctx) } }),
    ...(f.communeCodes && { communeCode: { in: [...f.communeCodes] } }),
    ...(f.legalFamilies && { legalFamily: { in: [...f.legalFamilies] } }),
    ...(f.sectors && { nafSection: { in: [...f.sectors] } }),
    ...(f.staffBands && { staffBand: { in: [...f.staffBands] } }),
    ...(f.active != null && { active: f.active }),
  };
}

const RegisterDimension = builder.enumType("RegisterDimension", {
  description: "What the register's counts can be grouped by.",
  values: {
    COMMUNE: { description: "Commune of the establishment." },
    LEGAL_FAMILY: { description: "ESS legal family of its legal unit." },
    LEGAL_CATEGORY: { description: "INSEE legal category of its legal unit." },
    SECTOR: { description: "NAF rév. 2 section of its activity." },
    STAFF_BAND: { description: "Staff band (a range, never a head count)." },
    CREATION_YEAR: { description: "Year the establishment was created." },
    ACTIVE: { description: "Open or closed." },
  } satisfies Record<(typeof REGISTER_DIMENSIONS)[number], { description: string }>,
});

const RegisterAggregateRef = builder.objectRef<RegisterAggregate>("RegisterAggregate").implement({
  description: "A count of register establishments, diffusible or not, for one combination of the grouped dimensions (the others are null).",
  fields: (t) => ({
    communeCode: t.exposeString("communeCode", { nullable: true, description: "INSEE code of the commune." }),
    communeName: t.string({ nullable: true, description: "Name of the commune.", resolve: (a, _args, ctx) => communeNameOf(ctx, a.communeCode) }),
    legalFamily: t.expose("legalFamily", { type: LegalFamily, nullable: true, description: "ESS legal family." }),
    legalCategory: t.field({ type: LegalCategoryRef, nullable: true, description: "INSEE legal category.", resolve: (a) => legalCategoryOf(a.legalCategory) }),
    sector: t.exposeString("sector", { nullable: true, description: "NAF rév. 2 section letter." }),
    sectorLabel: t.string({
      nullable: true,
      description: "Label of the NAF section.",
      resolve: (a) => (a.sector ? (NAF_SECTION_LABELS[a.sector] ?? null) : null),
    }),
    staffBand: t.expose("staffBand", { type: StaffBand, nullable: true, description: "Staff band." }),
    creationYear: t.exposeInt("creationYear", { nullable: true, description: "Creation year of the establishments." }),
    active: t.exposeBoolean("active", { nullable: true, description: "Open (true) or closed (false)." }),
    establishments: t.exposeInt("establishments", { description: "Number of establishments." }),
    supportedByPtce: t.exposeInt("supportedByPtce", {
      description: "Of them, establishments of legal units the PTCE supports (a published enterprise of the same SIREN).",
    }),
  }),
});

builder.queryField("registerAggregates", (t) =>
  t.field({
    type: [RegisterAggregateRef],
    description:
      "Counts of the territory's ESS establishments in SIRENE, grouped by the dimensions given (none: one total). Undisclosed establishments are counted.",
    args: {
      groupBy: t.arg({ type: [RegisterDimension], required: true, description: "Dimensions, in the order of the rows' sort." }),
      where: t.arg({ type: RegisterWhere, required: false }),
    },
    resolve: (_root, args, ctx) => cancellable(ctx, () => computeRegisterAggregates(ctx.sql, args.groupBy, filterOf(args.where))),
  }),
);

const RegisterSourceRef = builder.objectRef<RegisterSource>("RegisterSource").implement({
  description: "The SIRENE extract the register holds.",
  fields: (t) => ({
    extractDate: t.string({
      nullable: true,
      description: "Date of the extract (YYYY-MM-DD), as INSEE states it or as its latest rows show.",
      resolve: (s) => s.extractDate,
    }),
    importedAt: t.field({ type: "DateTime", description: "When it was imported.", resolve: (s) => new Date(s.importedAt) }),
    establishments: t.exposeInt("establishments", { description: "Establishments in the register, diffusible or not." }),
    source: t.string({
      description: "The source as a citation names it; « Données de démonstration » for the demo's fictitious extract.",
      resolve: (s) => (s.demo ? DEMO_DATA_SOURCE : "Sirene (Insee), Licence Ouverte 2.0"),
    }),
  }),
});

builder.queryField("registerSource", (t) =>
  t.field({
    type: RegisterSourceRef,
    nullable: true,
    description: "The SIRENE extract the register holds; null before the first import.",
    resolve: (_root, _args, ctx) => registerSource(ctx.sql),
  }),
);

const RegisterImportStatus = builder.enumType("RegisterImportStatus", {
  description: "How an import of the SIRENE files went.",
  values: {
    RUNNING: { description: "Reading the files (this process)." },
    DONE: { description: "The register holds this extract." },
    FAILED: { description: "Stopped on an error: the register is as it was." },
    CANCELLED: { description: "Cancelled: the register is as it was." },
  } as const,
});

const RegisterImportJobRef = builder.objectRef<RegisterJob>("RegisterImportJob").implement({
  description: "The import of the SIRENE files this API process runs or last ran (admin page).",
  fields: (t) => ({
    status: t.field({ type: RegisterImportStatus, description: "Where it stands.", resolve: (j) => j.status }),
    startedAt: t.field({ type: "DateTime", description: "When the files were received.", resolve: (j) => j.startedAt }),
    finishedAt: t.field({ type: "DateTime", nullable: true, description: "When it ended; null while it runs.", resolve: (j) => j.finishedAt }),
    files: t.exposeString("files", { description: "The files' names." }),
    phase: t.string({
      nullable: true,
      description: "What it reads now: establishments, units, or writing the register.",
      resolve: (j) => j.progress?.phase.toUpperCase() ?? null,
    }),
    rowsRead: t.float({ description: "Rows read in the current file.", resolve: (j) => j.progress?.rowsRead ?? 0 }),
    rowsKept: t.int({
      description: "Rows kept in the current file (in the territory, or ESS units of those establishments).",
      resolve: (j) => j.progress?.rowsKept ?? 0,
    }),
    rowsPerSecond: t.int({ description: "Rows read per second in the current file.", resolve: (j) => j.progress?.rowsPerSecond ?? 0 }),
    kept: t.int({ nullable: true, description: "Once done: the establishments the register holds.", resolve: (j) => j.report?.kept ?? null }),
    added: t.int({ nullable: true, description: "Once done: establishments new to the register.", resolve: (j) => j.report?.added ?? null }),
    changed: t.int({ nullable: true, description: "Once done: establishments whose facts changed.", resolve: (j) => j.report?.changed ?? null }),
    removed: t.int({ nullable: true, description: "Once done: establishments no longer in the extract.", resolve: (j) => j.report?.removed ?? null }),
    error: t.exposeString("error", { nullable: true, description: "Why it stopped, in French." }),
  }),
});

builder.queryField("registerImportJob", (t) =>
  t.field({
    type: RegisterImportJobRef,
    nullable: true,
    authScopes: { coordinator: true },
    description: "The SIRENE import this API process runs, or the last it ran (coordination admins). Files are sent to POST /register/imports.",
    resolve: () => currentRegisterJob(),
  }),
);

builder.mutationField("cancelRegisterImport", (t) =>
  t.boolean({
    authScopes: { coordinator: true },
    description: "Cancels the running SIRENE import: the register stays as it was. False when none runs.",
    resolve: () => cancelRegisterJob(),
  }),
);

builder.prismaObject("RegisterImport", {
  description: "An import of the SIRENE stock files, once ended.",
  fields: (t) => ({
    status: t.expose("status", { type: RegisterImportStatus, description: "How it ended." }),
    startedAt: t.expose("startedAt", { type: "DateTime", description: "When it started." }),
    finishedAt: t.expose("finishedAt", { type: "DateTime", description: "When it ended." }),
    extractDate: t.expose("extractDate", { type: "Date", nullable: true, description: "Date of the extract." }),
    files: t.exposeString("files", { description: "The files' names." }),
    demo: t.exposeBoolean("demo", { description: "The demo's fictitious extract." }),
    rowsRead: t.float({ description: "Rows read in both files.", select: { rowsRead: true }, resolve: (r) => Number(r.rowsRead) }),
    kept: t.exposeInt("kept", { description: "Establishments the register held after it." }),
    added: t.exposeInt("added", { description: "Establishments it added." }),
    changed: t.exposeInt("changed", { description: "Establishments it changed (see the change log)." }),
    removed: t.exposeInt("removed", { description: "Establishments it removed." }),
    error: t.exposeString("error", { nullable: true, description: "Why it stopped, when it did not end DONE." }),
  }),
});

builder.queryField("registerImports", (t) =>
  t.prismaField({
    type: ["RegisterImport"],
    authScopes: { coordinator: true },
    description: "The last 20 imports of the SIRENE files, newest first (coordination admins).",
    resolve: (query, _root, _args, ctx) => ctx.prisma.registerImport.findMany({ ...query, orderBy: { seq: "desc" }, take: 20 }),
  }),
);

const MismatchField = builder.enumType("RegisterMismatchField", {
  description: "A fact of an enterprise that the partner's record and SIRENE may disagree on.",
  values: {
    communeCode: { value: "communeCode", description: "Commune." },
    legalCategory: { value: "legalCategory", description: "INSEE legal category." },
    nafCode: { value: "nafCode", description: "NAF rév. 2 code." },
    ceasedOn: { value: "ceasedOn", description: "Cessation: the record and the register disagree on whether, or when, it ceased." },
  } as const,
});

const MismatchRef = builder.objectRef<Mismatch>("RegisterMismatch").implement({
  description: "Where the partner's record and SIRENE disagree: flagged for review, never corrected silently.",
  fields: (t) => ({
    field: t.field({ type: MismatchField, description: "The fact.", resolve: (m) => m.field }),
    recorded: t.exposeString("recorded", { description: "As the record has it." }),
    register: t.exposeString("register", { description: "As SIRENE has it (empty: no value)." }),
  }),
});

const MatchedByEnum = builder.enumType("RegisterMatchedBy", {
  description: "How a SIRET was found in the register.",
  values: {
    SIRET: { description: "The same SIRET." },
    SIREN_AND_COMMUNE: { description: "Another establishment of the same SIREN, in the same commune." },
  } as const,
});

const RegisterMatchRef = builder.objectRef<RegisterMatch & { mismatches: Mismatch[] }>("RegisterMatch").implement({
  description: "The SIRENE establishment an enterprise corresponds to.",
  fields: (t) => ({
    establishment: t.field({ type: RegisterEstablishmentRef, description: "The establishment in the register.", resolve: (m) => m.establishment }),
    matchedBy: t.field({ type: MatchedByEnum, description: "How it was found.", resolve: (m) => m.matchedBy }),
    mismatches: t.field({
      type: [MismatchRef],
      description: "What the record and the register disagree on (empty for a lookup).",
      resolve: (m) => m.mismatches,
    }),
  }),
});

builder.queryField("registerLookup", (t) =>
  t.field({
    type: RegisterMatchRef,
    nullable: true,
    description:
      "The register's establishment of a SIRET (or, failing it, of its SIREN in `communeCode`), for forms to suggest and pre-fill; diffusible establishments only. Null when SIRENE does not list it.",
    args: {
      siret: t.arg.string({ required: true, description: "14 digits; spaces are ignored." }),
      communeCode: t.arg.string({ description: "INSEE code of the commune, to match by SIREN when the SIRET is not listed." }),
    },
    resolve: async (_root, args, ctx) => {
      const match = await findRegisterMatch(ctx.prisma, args.siret.replace(/\s/g, ""), args.communeCode ?? null);
      return match ? { ...match, mismatches: [] } : null;
    },
  }),
);

builder.prismaObjectField("Enterprise", "sirene", (t) =>
  t.field({
    type: RegisterMatchRef,
    nullable: true,
    description:
      "Its establishment in the SIRENE register, matched by SIRET or by SIREN and commune, with what the two disagree on. Null when SIRENE does not list it.",
    select: { siret: true, communeCode: true, legalCategory: true, nafCode: true, ceasedOn: true },
    resolve: async (enterprise, _args, ctx) => {
      const match = await findRegisterMatch(ctx.prisma, enterprise.siret, enterprise.communeCode);
      return match ? { ...match, mismatches: registerMismatches(enterprise, match.establishment) } : null;
    },
  }),
);
