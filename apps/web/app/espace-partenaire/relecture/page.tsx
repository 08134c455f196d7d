import { RECORD_KIND_LABELS, RECORD_KINDS } from "@oess/domain/vocabulary";
import type { Metadata } from "next";
import Link from "next/link";
import { LoadError } from "../../../components/partner/load-error";
import { Message } from "../../../components/partner/message";
import { PublicationList } from "../../../components/partner/publication-list";
import { WorklistTable } from "../../../components/partner/worklist-table";
import { ScrollRegion } from "../../../components/scroll-region";
import { SUBMITTED_OF } from "../../../lib/partner/review";
import { requireSession } from "../../../lib/partner/session";
import { parseWorklistView, WORKLIST, worklistHref, worklistVariables } from "../../../lib/partner/worklist";
import { serverQuery } from "../../../lib/server-api";

export const metadata: Metadata = { title: "Relecture" };

const PATH = "/espace-partenaire/relecture";

/** What the last « Tout publier » did, said where the coordination is looking. */
async function PublicationOutcome({ params }: { params: Record<string, string | string[] | undefined> }) {
  const partnerId = typeof params.organisation === "string" ? params.organisation : null;
  const published = Number(params.publiees);
  if (!partnerId || !Number.isInteger(published)) return null;
  const left = await serverQuery(SUBMITTED_OF, { partnerId });
  const items = left.ok ? left.data.worklist.items : [];
  return (
    <div className="panel">
      <Message
        text={`${published} fiche${published > 1 ? "s publiées" : " publiée"}${items.length > 0 ? ` ; ${items.length} ${items.length > 1 ? "restent soumises" : "reste soumise"}, pour les raisons ci-dessous.` : "."}`}
      />
      {items.length > 0 ? <PublicationList items={items} caption="Restées soumises" /> : null}
    </div>
  );
}

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { isCoordinator } = await requireSession(PATH);
  if (!isCoordinator) return <p role="alert">Cette page est réservée à la coordination du PTCE.</p>;
  const params = await searchParams;
  const view = parseWorklistView(params);
  const result = await serverQuery(WORKLIST, worklistVariables({ ...view, status: null }, ["SUBMITTED"]));
  return (
    <>
      <p>
        <Link href="/espace-partenaire">← Espace partenaire</Link>
      </p>
      <h1>Relecture</h1>
      <PublicationOutcome params={params} />
      {!result.ok ? (
        <LoadError what="Les fiches à relire" message={result.error.message} retry={worklistHref(PATH, view)} />
      ) : (
        <>
          <section className="panel" aria-labelledby="par-organisation-titre">
            <h2 id="par-organisation-titre">À relire par organisation ({result.data.worklist.totalCount})</h2>
            {result.data.worklist.groups.length === 0 ? (
              <p>Rien n'attend de relecture.</p>
            ) : (
              <ScrollRegion label="Fiches soumises par organisation et par type">
                <table>
                  <caption className="visually-hidden">Fiches soumises par organisation et par type</caption>
                  <thead>
                    <tr>
                      <th scope="col">Organisation</th>
                      {RECORD_KINDS.map((k) => (
                        <th key={k} scope="col">
                          {RECORD_KIND_LABELS[k]}
                        </th>
                      ))}
                      <th scope="col">Publier</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...new Map(result.data.worklist.groups.map((g) => [g.ownerPartnerId, g.ownerName])).entries()].map(([id, name]) => {
                      const count = (kind?: string) =>
                        result.data.worklist.groups.filter((g) => g.ownerPartnerId === id && (!kind || g.kind === kind)).reduce((n, g) => n + g.count, 0);
                      return (
                        <tr key={id}>
                          <th scope="row">{name}</th>
                          {RECORD_KINDS.map((k) => (
                            <td key={k}>{count(k)}</td>
                          ))}
                          <td>
                            <Link className="button secondary-link" href={`${PATH}/publier/${id}`}>
                              Tout publier ({count()})
                            </Link>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </ScrollRegion>
            )}
          </section>
          <section className="panel" aria-labelledby="soumises-titre">
            <h2 id="soumises-titre">Fiches soumises</h2>
            <WorklistTable
              data={result.data.worklist}
              view={{ ...view, status: null }}
              path={PATH}
              statuses={["SUBMITTED"]}
              caption="Fiches soumises"
              canSubmit={() => false}
            />
          </section>
        </>
      )}
    </>
  );
}
