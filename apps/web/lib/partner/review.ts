// What the coordination is about to publish for an organisation, and what would stay submitted.
import { graphql, type ResultOf } from "../graphql";

export const SUBMITTED_OF = graphql(`
  query SubmittedOf($partnerId: String!) {
    worklist(partnerId: $partnerId, statuses: [SUBMITTED], limit: 200, orderBy: KIND) {
      totalCount
      items {
        id
        databaseId
        kind
        label
        ownerName
        publicationProblems
      }
    }
  }
`);

export type SubmittedItem = ResultOf<typeof SUBMITTED_OF>["worklist"]["items"][number];
