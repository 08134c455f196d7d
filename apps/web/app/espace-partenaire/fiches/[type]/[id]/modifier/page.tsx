import { isUuid } from "@oess/domain";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LoadError } from "../../../../../../components/partner/load-error";
import { RecordForm } from "../../../../../../components/partner/record-form";
import { loadChoices } from "../../../../../../lib/partner/choices";
import { enterpriseChoice } from "../../../../../../lib/partner/enterprise-label";
import { formValue, isRecord, RECORD } from "../../../../../../lib/partner/record-query";
import { globalId, recordPath, specOfSlug } from "../../../../../../lib/partner/record-specs";
import { requireSession } from "../../../../../../lib/partner/session";
import { serverQuery } from "../../../../../../lib/server-api";

export const metadata: Metadata = { title: "Modifier une fiche" };

export default async function EditRecordPage({ params }: { params: Promise<{ type: string; id: string }> }) {
  const { type, id } = await params;
  const spec = specOfSlug(type);
  if (!spec || !isUuid(id)) notFound();
  const path = recordPath(spec.kind, id);
  await requireSession(`${path}/modifier`);
  const [record, choices] = await Promise.all([serverQuery(RECORD, { id: globalId(spec.kind, id) }), loadChoices()]);
  if (!record.ok && record.error.code === "NOT_FOUND") notFound();
  const failure = !record.ok ? record.error : !choices.ok ? choices.error : null;
  const node = record.ok ? record.data.node : null;
  if (!failure && (!isRecord(node) || node.__typename !== spec.kind)) notFound();
  return (
    <>
      <p>
        <Link href={path}>← Retour à la fiche</Link>
      </p>
      <h1>{spec.title} : modifier</h1>
      {failure || !choices.ok || !isRecord(node) ? (
        <LoadError what="La fiche et les listes du formulaire" message={failure?.message ?? ""} retry={`${path}/modifier`} />
      ) : !node.viewerCanChange ? (
        <p role="alert">Cette fiche ne peut plus être modifiée par vous : elle est soumise ou publiée. Demandez un rejet à la coordination pour la corriger.</p>
      ) : (
        <RecordForm
          kind={spec.kind}
          record={{ id: node.id, version: node.version, ownerName: node.owner.shortName, path }}
          initial={Object.fromEntries(spec.fields.map((f) => [f.name, formValue(node, f)]))}
          organisations={[]}
          choices={{
            ...choices.data,
            // The enterprise already chosen is offered even when it is not among the first ones.
            enterprises: [
              ...("enterprise" in node ? [enterpriseChoice(node.enterprise)] : []),
              ...("beneficiaryEnterprise" in node && node.beneficiaryEnterprise ? [enterpriseChoice(node.beneficiaryEnterprise)] : []),
              ...choices.data.enterprises,
            ].filter((c, i, all) => all.findIndex((d) => d.value === c.value) === i),
          }}
        />
      )}
    </>
  );
}
