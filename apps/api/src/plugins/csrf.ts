// CSRF protection for cookie sessions: a mutation must carry a header that a cross-site form or
// a "simple" request cannot set, so that a browser always asks (CORS preflight) before sending it.
// Queries stay open to plain GETs and curl: they change nothing.
import { getOperationAST } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";

export const CSRF_HEADER = "x-graphql-yoga-csrf";

export const useMutationCsrf = (): Plugin<{ request: Request }> => ({
  onExecute({ args }) {
    const operation = getOperationAST(args.document, args.operationName);
    if (operation?.operation === "mutation" && !args.contextValue.request.headers.has(CSRF_HEADER)) {
      throw createGraphQLError(`Mutations need the ${CSRF_HEADER} header (protection against cross-site request forgery).`, {
        extensions: { code: "CSRF", http: { status: 403 } },
      });
    }
  },
});
