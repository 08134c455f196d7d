// One record as the partner space shows and edits it: its typed document (every kind's fields),
// and its values by form field, as stored (for the form) and in French (for the page).
import { formatDate, formatExactDecimal, formatExactEuros } from "@oess/domain/format";
import { AID_NATURE_SCDL, COOPERATIVE_KIND_LABELS, FUNDING_INSTRUMENT_LABELS, INCUBATION_OUTCOME_LABELS, LEGAL_FAMILY_LABELS } from "@oess/domain/vocabulary";
import { graphql, type ResultOf } from "../graphql";
import type { FieldSpec } from "./record-specs";

export const RECORD = graphql(`
  query Record($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on ContributedRecord {
        version
        status
        reviewNote
        viewerCanChange
        source
        dataYear
      }
      ... on Enterprise {
        owner { databaseId shortName }
        name legalFamily cooperativeKind legalCategory { code label } siret rna nafCode commune { code name } foundedOn ceasedOn
        sirene { matchedBy establishment { siret name communeName } mismatches { field recorded register } }
      }
      ... on Incubation {
        owner { databaseId shortName }
        enterprise { databaseId name siret status commune { name } }
        supportingPartner { databaseId shortName }
        startDate endDate outcome
      }
      ... on JobRecord {
        owner { databaseId shortName }
        enterprise { databaseId name siret status commune { name } }
        year jobsCreated fte
      }
      ... on Funding {
        owner { databaseId shortName }
        funder { databaseId shortName }
        beneficiaryEnterprise { databaseId name siret status commune { name } }
        beneficiaryPartner { databaseId shortName }
        amount year decisionDate instrument purpose decisionReference conventionDate aidNature paymentTerms paymentStart paymentEnd
        fundingShare euNotification aidScheme raeId
      }
    }
    history(id: $id) { at action actorName note before after }
  }
`);

type Node = NonNullable<ResultOf<typeof RECORD>["node"]>;
/** A contributed record (the node of any other type is not one). */
export type RecordNode = Extract<Node, { __typename: "Enterprise" | "Incubation" | "JobRecord" | "Funding" }>;

export const isRecord = (node: Node | null): node is RecordNode =>
  node !== null && (node.__typename === "Enterprise" || node.__typename === "Incubation" || node.__typename === "JobRecord" || node.__typename === "Funding");

const CODE_LABELS: Record<string, Record<string, string>> = {
  instrument: FUNDING_INSTRUMENT_LABELS,
  legalFamily: LEGAL_FAMILY_LABELS,
  cooperativeKind: COOPERATIVE_KIND_LABELS,
  outcome: INCUBATION_OUTCOME_LABELS,
  aidNature: AID_NATURE_SCDL,
};

/** What a related object is called, and its identifier for a form. */
function related(value: object): { id: string; name: string } {
  const id = "databaseId" in value ? value.databaseId : "code" in value ? value.code : "";
  // A coded reference (an INSEE legal category) reads as its code and its label.
  const name = "name" in value ? value.name : "shortName" in value ? value.shortName : "label" in value ? `${String(id)} — ${String(value.label)}` : "";
  let where = "";
  if ("commune" in value && typeof value.commune === "object" && value.commune !== null && "name" in value.commune) where = `, ${value.commune.name}`;
  const siret = "siret" in value && typeof value.siret === "string" ? ` (SIRET ${value.siret})` : "";
  return { id: String(id), name: `${String(name)}${where}${siret}` };
}

/** The record's field (as a form names it), from the API's names: communeCode is commune, enterpriseId is enterprise… */
function rawValue(node: RecordNode, field: FieldSpec): unknown {
  const values = new Map<string, unknown>(Object.entries(node));
  if (field.name === "communeCode") return values.get("commune");
  if (field.type === "enterprise" || field.type === "partner") return values.get(field.name.replace(/Id$/, ""));
  return values.get(field.name);
}

/** The value a form field starts with. */
export function formValue(node: RecordNode, field: FieldSpec): string {
  const value = rawValue(node, field);
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return related(value).id;
  if (typeof value === "boolean") return value ? "on" : "";
  return String(value);
}

/** A field's value in French: labels for codes, exact euros and decimals, dates. */
export function shownValue(node: RecordNode, field: FieldSpec): string {
  const value = rawValue(node, field);
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "object") return related(value).name;
  if (typeof value === "boolean") return value ? "oui" : "non";
  const text = String(value);
  const labels = CODE_LABELS[field.name];
  if (labels) return labels[text] ?? text;
  if (field.name === "amount") return formatExactEuros(text);
  if (field.type === "decimal") return formatExactDecimal(text);
  if (field.type === "date") return formatDate(text);
  return text;
}

/** The record's title: its enterprise's or its own name, or a funding's purpose. */
export function recordTitle(node: RecordNode): string {
  if (node.__typename === "Enterprise") return node.name;
  if (node.__typename === "Funding") return node.purpose;
  return node.enterprise.name;
}
