import { isUuid } from "@oess/domain";
import { RECORD_STATUS_LABELS } from "@oess/domain/vocabulary";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "../../../../../components/partner/action-form";
import { Comments } from "../../../../../components/partner/comments";
import { LoadError } from "../../../../../components/partner/load-error";
import { Message } from "../../../../../components/partner/message";
import { RecordHistory } from "../../../../../components/partner/record-history";
import { SireneComparison } from "../../../../../components/partner/sirene-comparison";
import { doneMessage } from "../../../../../lib/partner/action-state";
import { isRecord, RECORD, recordTitle, shownValue } from "../../../../../lib/partner/record-query";
import { globalId, recordPath, specOfSlug } from "../../../../../lib/partner/record-specs";
import { requireSession } from "../../../../../lib/partner/session";
import { serverQuery } from "../../../../../lib/server-api";
import { deleteRecord, publishRecord, rejectRecord, submitRecord } from "../../../actions";

export const metadata: Metadata = { title: "Fiche" };

interface Props {
  params: Promise<{ type: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function RecordPage({ params, searchParams }: Props) {
  const { type, id } = await params;
  const spec = specOfSlug(type);
  if (!spec || !isUuid(id)) notFound();
  const { isCoordinator } = await requireSession(recordPath(spec.kind, id));
  const recordId = globalId(spec.kind, id);
  const result = await serverQuery(RECORD, { id: recordId });
  if (!result.ok) {
    if (result.error.code === "NOT_FOUND") notFound();
    return <LoadError what="La fiche et son historique" message={result.error.message} retry={recordPath(spec.kind, id)} />;
  }
  const node = result.data.node;
  if (!isRecord(node) || node.__typename !== spec.kind) notFound();
  const step = { id: recordId, version: node.version };
  const changeable = node.viewerCanChange && (node.status === "DRAFT" || node.status === "REJECTED");

  return (
    <>
      <p>
        <Link href="/espace-partenaire">← Espace partenaire</Link>
      </p>
      <h1>
        {spec.title} — {recordTitle(node)}
      </h1>
      <Message text={doneMessage((await searchParams).fait)} />
      <p className="status-line">
        <span className={`status status--${node.status.toLowerCase()}`}>{RECORD_STATUS_LABELS[node.status]}</span> · {node.owner.shortName} · version{" "}
        {node.version}
      </p>
      {node.status === "REJECTED" && node.reviewNote ? (
        <p className="form-error" role="note">
          <strong>Raison du rejet :</strong> {node.reviewNote}
        </p>
      ) : null}
      <div className="record-actions">
        {node.viewerCanChange ? (
          <Link className="button" href={`${recordPath(spec.kind, id)}/modifier`}>
            Modifier
          </Link>
        ) : null}
        {changeable ? (
          <>
            <ActionForm action={submitRecord} hidden={step} submit="Soumettre pour relecture" />
            <ActionForm action={deleteRecord} hidden={step} submit="Supprimer le brouillon" secondary confirm="Supprimer définitivement ce brouillon ?" />
          </>
        ) : null}
        {isCoordinator && (node.status === "SUBMITTED" || node.status === "DRAFT") ? (
          <ActionForm action={publishRecord} hidden={step} submit="Publier" confirm="Publier cette fiche ? Elle deviendra visible de tous." />
        ) : null}
      </div>
      {isCoordinator && node.status === "SUBMITTED" ? (
        <ActionForm action={rejectRecord} hidden={step} submit="Rejeter" secondary className="panel form reject-form">
          <label>
            Raison du rejet (visible par l'organisation)
            <textarea name="reason" rows={2} required maxLength={2000} />
          </label>
        </ActionForm>
      ) : null}
      <section className="panel" aria-labelledby="donnees-titre">
        <h2 id="donnees-titre">Données</h2>
        <dl className="record-fields">
          {spec.fields.map((field) => (
            <div key={field.name}>
              <dt>{field.label}</dt>
              <dd>{shownValue(node, field)}</dd>
            </div>
          ))}
        </dl>
      </section>
      {node.__typename === "Enterprise" ? <SireneComparison sirene={node.sirene} /> : null}
      <RecordHistory events={result.data.history} spec={spec} />
      <Comments target={{ recordId }} isCoordinator={isCoordinator} />
    </>
  );
}
