// Saving a record form: its typed create and update documents, per kind, and the form read into
// the kind's input. Runs on the dashboard's server (server actions).
import { AID_NATURES, COOPERATIVE_KINDS, FUNDING_INSTRUMENTS, INCUBATION_OUTCOMES, LEGAL_FAMILIES, type RecordKind } from "@oess/domain/vocabulary";
import { graphql } from "../graphql";
import { type ApiResult, serverMutation } from "../server-api";
import { type FormReader, formReader } from "./form-reader";

const provenance = (f: FormReader) => ({ source: f.text("source"), dataYear: f.integer("dataYear") });

const enterpriseInput = (f: FormReader) => ({
  name: f.text("name"),
  legalFamily: f.choice("legalFamily", LEGAL_FAMILIES),
  cooperativeKind: f.optionalChoice("cooperativeKind", COOPERATIVE_KINDS),
  legalCategory: f.optionalText("legalCategory"),
  siret: f.optionalText("siret"),
  rna: f.optionalText("rna"),
  nafCode: f.text("nafCode"),
  communeCode: f.text("communeCode"),
  foundedOn: f.optionalText("foundedOn"),
  ceasedOn: f.optionalText("ceasedOn"),
  ...provenance(f),
});
const incubationInput = (f: FormReader) => ({
  enterpriseId: f.text("enterpriseId"),
  supportingPartnerId: f.text("supportingPartnerId"),
  startDate: f.text("startDate"),
  endDate: f.optionalText("endDate"),
  outcome: f.choice("outcome", INCUBATION_OUTCOMES),
  ...provenance(f),
});
const jobRecordInput = (f: FormReader) => ({
  enterpriseId: f.text("enterpriseId"),
  year: f.integer("year"),
  jobsCreated: f.integer("jobsCreated"),
  fte: f.text("fte"),
  ...provenance(f),
});
const fundingInput = (f: FormReader) => ({
  funderId: f.text("funderId"),
  beneficiaryEnterpriseId: f.optionalText("beneficiaryEnterpriseId"),
  beneficiaryPartnerId: f.optionalText("beneficiaryPartnerId"),
  amount: f.text("amount"),
  year: f.integer("year"),
  decisionDate: f.text("decisionDate"),
  instrument: f.choice("instrument", FUNDING_INSTRUMENTS),
  purpose: f.text("purpose"),
  decisionReference: f.optionalText("decisionReference"),
  conventionDate: f.optionalText("conventionDate"),
  aidNature: f.optionalChoice("aidNature", AID_NATURES),
  paymentTerms: f.optionalText("paymentTerms"),
  paymentStart: f.optionalText("paymentStart"),
  paymentEnd: f.optionalText("paymentEnd"),
  fundingShare: f.optionalText("fundingShare"),
  euNotification: f.checkbox("euNotification"),
  aidScheme: f.optionalText("aidScheme"),
  raeId: f.optionalText("raeId"),
  ...provenance(f),
});

const SAVED = graphql(`
  fragment Saved on RecordChange {
    databaseId
  }
`);

/** Where to save: a new record of an organisation, or a version of an existing one (global ID). */
export type SaveTarget = { partnerId: string } | { id: string; version: number };

type Saved = ApiResult<{ saved: { databaseId: string } }>;

/** A kind's form, read now, and the call that will save it. */
function saver<Input>(
  read: (f: FormReader) => Input,
  create: (partnerId: string, input: Input) => Promise<Saved>,
  update: (id: string, version: number, input: Input) => Promise<Saved>,
) {
  return (target: SaveTarget, f: FormReader) => {
    const input = read(f);
    return () => ("partnerId" in target ? create(target.partnerId, input) : update(target.id, target.version, input));
  };
}

const SAVERS: Record<RecordKind, (target: SaveTarget, f: FormReader) => () => Promise<Saved>> = {
  Enterprise: saver(
    enterpriseInput,
    (partnerId, input) =>
      serverMutation(
        graphql(
          `mutation CreateEnterprise($partnerId: String!, $input: EnterpriseInput!) { saved: createEnterprise(partnerId: $partnerId, input: $input) { ...Saved } }`,
          [SAVED],
        ),
        { partnerId, input },
      ),
    (id, version, input) =>
      serverMutation(
        graphql(
          `mutation UpdateEnterprise($id: ID!, $version: Int!, $input: EnterpriseInput!) { saved: updateEnterprise(id: $id, version: $version, input: $input) { ...Saved } }`,
          [SAVED],
        ),
        { id, version, input },
      ),
  ),
  Incubation: saver(
    incubationInput,
    (partnerId, input) =>
      serverMutation(
        graphql(
          `mutation CreateIncubation($partnerId: String!, $input: IncubationInput!) { saved: createIncubation(partnerId: $partnerId, input: $input) { ...Saved } }`,
          [SAVED],
        ),
        { partnerId, input },
      ),
    (id, version, input) =>
      serverMutation(
        graphql(
          `mutation UpdateIncubation($id: ID!, $version: Int!, $input: IncubationInput!) { saved: updateIncubation(id: $id, version: $version, input: $input) { ...Saved } }`,
          [SAVED],
        ),
        { id, version, input },
      ),
  ),
  JobRecord: saver(
    jobRecordInput,
    (partnerId, input) =>
      serverMutation(
        graphql(
          `mutation CreateJobRecord($partnerId: String!, $input: JobRecordInput!) { saved: createJobRecord(partnerId: $partnerId, input: $input) { ...Saved } }`,
          [SAVED],
        ),
        { partnerId, input },
      ),
    (id, version, input) =>
      serverMutation(
        graphql(
          `mutation UpdateJobRecord($id: ID!, $version: Int!, $input: JobRecordInput!) { saved: updateJobRecord(id: $id, version: $version, input: $input) { ...Saved } }`,
          [SAVED],
        ),
        { id, version, input },
      ),
  ),
  Funding: saver(
    fundingInput,
    (partnerId, input) =>
      serverMutation(
        graphql(
          `mutation CreateFunding($partnerId: String!, $input: FundingInput!) { saved: createFunding(partnerId: $partnerId, input: $input) { ...Saved } }`,
          [SAVED],
        ),
        { partnerId, input },
      ),
    (id, version, input) =>
      serverMutation(
        graphql(
          `mutation UpdateFunding($id: ID!, $version: Int!, $input: FundingInput!) { saved: updateFunding(id: $id, version: $version, input: $input) { ...Saved } }`,
          [SAVED],
        ),
        { id, version, input },
      ),
  ),
};

/**
 * Saves a form as a record of this kind. Problems the form itself shows (a missing choice, a
 * number that is not one) come back without asking the API; the API's own come back by field.
 */
export async function saveRecordForm(kind: RecordKind, target: SaveTarget, form: FormData): Promise<Saved> {
  const reader = formReader(form);
  const save = SAVERS[kind](target, reader);
  if (Object.keys(reader.problems).length > 0)
    return { ok: false, error: { message: "La saisie comporte des erreurs.", code: "BAD_USER_INPUT", problems: reader.problems } };
  return save();
}
