import { MEMBER_ROLE_LABELS } from "@oess/domain/vocabulary";
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "../../components/partner/action-form";
import { LoadError } from "../../components/partner/load-error";
import { Message } from "../../components/partner/message";
import { WorklistTable } from "../../components/partner/worklist-table";
import { doneMessage } from "../../lib/partner/action-state";
import { RECORD_SPECS } from "../../lib/partner/record-specs";
import { requireSession, type Session } from "../../lib/partner/session";
import { parseWorklistView, WORKLIST, worklistHref, worklistVariables } from "../../lib/partner/worklist";
import { serverQuery } from "../../lib/server-api";
import { signOut, submitAllDrafts } from "./actions";

export const metadata: Metadata = { title: "Espace partenaire" };

const PATH = "/espace-partenaire";

/** What « Soumettre tout » did, said on the page it comes back to. */
function submittedMessage(params: Record<string, string | string[] | undefined>, session: Session): string | undefined {
  const count = Number(params.soumises);
  const partner = session.me.memberships.find((m) => m.partner.databaseId === params.organisation)?.partner.shortName;
  if (!Number.isInteger(count) || typeof params.soumises !== "string") return undefined;
  return `${count} brouillon${count > 1 ? "s" : ""}${partner ? ` de ${partner}` : ""} soumis pour relecture.`;
}

export default async function PartnerHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireSession(PATH);
  const params = await searchParams;
  const view = parseWorklistView(params);
  const result = await serverQuery(WORKLIST, worklistVariables(view, ["DRAFT", "SUBMITTED", "REJECTED"]));
  const { me, isCoordinator, editable } = session;
  const editableIds = new Set(editable.map((p) => p.databaseId));
  const groups = result.ok ? result.data.worklist.groups : [];
  const draftsOf = (partnerId: string) => groups.filter((g) => g.ownerPartnerId === partnerId && g.status === "DRAFT").reduce((n, g) => n + g.count, 0);
  const submitted = groups.filter((g) => g.status === "SUBMITTED").reduce((n, g) => n + g.count, 0);
  const unfiltered = view.kind === null && view.status === null;

  return (
    <>
      <h1>Espace partenaire</h1>
      <Message text={doneMessage(params.fait) ?? submittedMessage(params, session)} />
      <div className="lead session-line">
        <p>
          Bonjour {me.name}. {me.memberships.map((m) => `${MEMBER_ROLE_LABELS[m.role]} pour ${m.partner.shortName}`).join(" · ")}
          {isCoordinator ? " · coordination du PTCE" : ""}.
        </p>
        <form action={signOut}>
          <button type="submit" className="secondary">
            Se déconnecter
          </button>
        </form>
      </div>
      {editable.length > 0 || isCoordinator ? (
        <section className="panel" aria-labelledby="saisir-titre">
          <h2 id="saisir-titre">Saisir</h2>
          <ul className="action-list">
            {RECORD_SPECS.map((s) => (
              <li key={s.slug}>
                <Link className="button" href={`/espace-partenaire/fiches/${s.slug}/nouvelle`}>
                  {s.title} : nouvelle fiche
                </Link>
              </li>
            ))}
            <li>
              <Link className="button secondary-link" href="/espace-partenaire/import">
                Importer un fichier (emplois, financements)
              </Link>
            </li>
          </ul>
        </section>
      ) : null}
      {isCoordinator ? (
        <nav className="panel" aria-label="Coordination du PTCE">
          <ul className="action-list">
            <li>
              <Link href="/espace-partenaire/relecture">À relire{result.ok && unfiltered ? ` (${submitted})` : ""}</Link>
            </li>
            <li>
              <Link href="/espace-partenaire/administration">Administration : comptes, rôles et journal des modifications</Link>
            </li>
            <li>
              <Link href="/espace-partenaire/registre">Registre Sirene : importer un extrait</Link>
            </li>
          </ul>
        </nav>
      ) : null}
      <section className="panel" aria-labelledby="a-faire-titre">
        <h2 id="a-faire-titre">{isCoordinator ? "Fiches non publiées de toutes les organisations" : "Vos fiches non publiées"}</h2>
        <p>Brouillons à soumettre, fiches soumises en attente de relecture, et fiches rejetées à corriger (avec la raison du rejet).</p>
        {!result.ok ? (
          <LoadError what="Vos fiches" message={result.error.message} retry={worklistHref(PATH, view)} />
        ) : (
          <>
            {unfiltered ? (
              <ul className="action-list">
                {editable
                  .filter((p) => draftsOf(p.databaseId) > 0)
                  .map((p) => (
                    <li key={p.databaseId}>
                      <ActionForm
                        action={submitAllDrafts}
                        hidden={{ partnerId: p.databaseId }}
                        submit={`Soumettre tout (${draftsOf(p.databaseId)}) : les brouillons de ${p.shortName}`}
                      />
                    </li>
                  ))}
              </ul>
            ) : null}
            <WorklistTable
              data={result.data.worklist}
              view={view}
              path={PATH}
              statuses={["DRAFT", "SUBMITTED", "REJECTED"]}
              caption="Fiches non publiées"
              canSubmit={(owner) => isCoordinator || editableIds.has(owner)}
            />
          </>
        )}
      </section>
    </>
  );
}
