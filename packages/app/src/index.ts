// The collaboration's application logic, called by the GraphQL schema's resolvers.
export { audit } from "./audit";
export { type BulkResult, publishAllSubmitted, submitAllDrafts } from "./bulk-review";
export { badState, conflict, invalidInput, notFound, refused } from "./errors";
export {
  applyImport,
  type ImportKind,
  type ImportPlan,
  type ImportProblem,
  type MatchedEnterprise,
  type PreviewRow,
  type PreviewValue,
  planImport,
} from "./import/plan";
export { readTable, TableError } from "./import/read-table";
export { planScdlImport } from "./import/scdl";
export { createRecord, type RecordChange, type RecordRules, updateRecord, type WriteContext } from "./record-writes";
export { canChange, canSee, canSeeDrafts, type RecordKind, type RecordStatus, type StoredRecord, visibleRecord } from "./records";
export { importSireneFiles, type SireneImportProgress } from "./register/import-sirene";
export { cancelRegisterJob, currentRegisterJob, ImportBusy, type RegisterJob, type RegisterJobFiles, startRegisterJob } from "./register/job";
export { findRegisterMatch, type MatchedBy, type Mismatch, type RegisterMatch, registerMismatches } from "./register/match";
export type { RegisterImportReport } from "./register/store";
export { enterpriseRules } from "./rules/enterprise";
export { fundingRules } from "./rules/funding";
export { incubationRules } from "./rules/incubation";
export { jobRecordRules } from "./rules/job-record";
export { signIn, viewerFromSession } from "./sessions";
export { canEdit, isAdminOf, isCoordinator, isMemberOf, type Viewer } from "./viewer";
export { deleteRecord, publishRecord, rejectRecord, submitRecord } from "./workflow";
export { WORKLIST_MAX_LIMIT, WORKLIST_ORDERS, type WorkItem, type Worklist, type WorklistGroup, whyNotPublishable, worklist } from "./worklist";
