// Submitted records of an organisation, each with what publishing it does: public at once, or
// left submitted, and why.
import { RECORD_KIND_LABELS } from "@oess/domain/vocabulary";
import Link from "next/link";
import { recordPath } from "../../lib/partner/record-specs";
import type { SubmittedItem } from "../../lib/partner/review";
import { ScrollRegion } from "../scroll-region";

export function PublicationList({ items, caption }: { items: readonly SubmittedItem[]; caption: string }) {
  return (
    <ScrollRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Fiche</th>
            <th scope="col">Type</th>
            <th scope="col">En publiant</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row">
                <Link href={recordPath(item.kind, item.databaseId)}>{item.label}</Link>
              </th>
              <td>{RECORD_KIND_LABELS[item.kind]}</td>
              <td>{item.publicationProblems.length === 0 ? "devient publique" : `reste soumise : ${item.publicationProblems.join(" ")}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
