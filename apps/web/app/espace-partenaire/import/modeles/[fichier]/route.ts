// The import page's downloads: templates (CSV, XLSX) and the allowed values, for signed-in users.
import { IMPORT_KINDS } from "@oess/domain/import-columns";
import { graphql } from "../../../../../lib/graphql";
import { allowedValuesCsv, TEMPLATE_NAMES, templateCsv, templateXlsx } from "../../../../../lib/partner/import-templates";
import { serverQuery } from "../../../../../lib/server-api";

const FUNDERS = graphql(`
  query Funders {
    partners(first: 100, orderBy: [{ name: Asc }]) { edges { node { slug name } } }
  }
`);

const CSV = "text/csv; charset=utf-8";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const download = (body: BodyInit, type: string, name: string) =>
  new Response(body, { headers: { "content-type": type, "content-disposition": `attachment; filename="${name}"`, "cache-control": "private, no-store" } });

export async function GET(_request: Request, { params }: { params: Promise<{ fichier: string }> }) {
  const { fichier } = await params;
  if (fichier === "valeurs-autorisees.csv") {
    const partners = await serverQuery(FUNDERS, {});
    if (!partners.ok)
      return new Response(`Les partenaires n'ont pas pu être lus : ${partners.error.message}`, { status: 503, headers: { "retry-after": "5" } });
    return download(allowedValuesCsv(partners.data.partners.edges.map((e) => e.node)), CSV, fichier);
  }
  for (const kind of IMPORT_KINDS) {
    if (fichier === `modele-${TEMPLATE_NAMES[kind]}.csv`) return download(templateCsv(kind), CSV, fichier);
    if (fichier === `modele-${TEMPLATE_NAMES[kind]}.xlsx`) return download(Buffer.from(await templateXlsx(kind)), XLSX, fichier);
  }
  return new Response("Fichier inconnu.", { status: 404 });
}
