// Every error a client gets carries a stable English `extensions.code` and a message it can act
// on: input the database refused is the caller's to fix (400), a database that cannot be reached
// or a statement cut by its time-out is ours (503 with Retry-After), and only a true bug is
// "Unexpected error." — logged with its stack, never shown.
import { type DatabaseProblem, databaseProblem, RETRY_AFTER_SECONDS } from "@oess/db";
import { GraphQLError } from "graphql";
import { maskError, type Plugin, type YogaInitialContext } from "graphql-yoga";

const isGraphQLError = (error: unknown): error is GraphQLError => error instanceof GraphQLError;

const PROBLEMS: Record<DatabaseProblem, { code: string; status: number; message: { en: string; fr: string } }> = {
  "invalid-value": {
    code: "BAD_USER_INPUT",
    status: 400,
    message: {
      en: "A value is not of the expected form: an identifier must be a UUID (such as 3f2b6c1e-…), a number must be a number.",
      fr: "Une valeur n'a pas la forme attendue : un identifiant est un UUID (comme 3f2b6c1e-…), un nombre est un nombre.",
    },
  },
  "invalid-text": {
    code: "BAD_USER_INPUT",
    status: 400,
    message: { en: "A text contains a character that cannot be stored (NUL).", fr: "Un texte contient un caractère qui ne peut pas être enregistré (nul)." },
  },
  timeout: {
    code: "TIMEOUT",
    status: 503,
    message: {
      en: "The query took longer than the server allows and was stopped: narrow it (filters, smaller pages) or try again later.",
      fr: "La requête a pris plus de temps que le serveur ne l'accepte et a été arrêtée : réessayez dans un moment.",
    },
  },
  unavailable: {
    code: "SERVICE_UNAVAILABLE",
    status: 503,
    message: {
      en: "The database is not reachable right now: try again in a few seconds.",
      fr: "La base de données ne répond pas pour le moment : réessayez dans quelques secondes.",
    },
  },
};

const retryAfter = (status: number) => (status === 503 ? { headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } } : {});

/** Mutations are the partner space's (French); reads are the researchers' (English). */
const languageOf = (error: GraphQLError): "en" | "fr" => (/^\s*mutation\b/m.test(error.source?.body ?? "") ? "fr" : "en");

/** Yoga's masking, with the database's refusals told apart from bugs. */
export function maskErrors(error: unknown, message: string, isDev?: boolean): Error {
  const problem = databaseProblem(isGraphQLError(error) ? (error.originalError ?? error) : error);
  if (!problem) return maskError(error, message, isDev);
  const { code, status, message: text } = PROBLEMS[problem];
  const graphqlError = isGraphQLError(error) ? error : null;
  return new GraphQLError(text[graphqlError ? languageOf(graphqlError) : "en"], {
    nodes: graphqlError?.nodes,
    source: graphqlError?.source,
    positions: graphqlError?.positions,
    path: graphqlError?.path,
    extensions: { code, http: { status, ...retryAfter(status) } },
  });
}

// Errors raised by libraries without a code (Pothos' cursors and global IDs, the complexity
// plugin, graphql-armor's limits): the code follows from what they say.
const UNCODED: Array<{ pattern: RegExp; code: string; rewrite?: (message: string) => string }> = [
  { pattern: /^Invalid (cursor|global ID)/, code: "BAD_USER_INPUT" },
  { pattern: /maximum (complexity|depth|breadth)/i, code: "QUERY_TOO_COMPLEX" },
  // graphql-armor reports its limits as syntax errors: they are limits.
  { pattern: /^Syntax Error: (Aliases|Token|Depth|Directives) limit/, code: "QUERY_TOO_COMPLEX", rewrite: (m) => m.replace(/^Syntax Error: /, "") },
  { pattern: /^Syntax Error/, code: "GRAPHQL_PARSE_FAILED" },
];

function withCode(error: GraphQLError): GraphQLError {
  if (error.extensions?.code) return error;
  const rule = UNCODED.find((r) => r.pattern.test(error.message));
  return new GraphQLError(rule?.rewrite?.(error.message) ?? error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code: rule?.code ?? "BAD_REQUEST" },
  });
}

export const useErrorCodes = (): Plugin<YogaInitialContext> => ({
  onResultProcess({ result, setResult }) {
    if (Array.isArray(result) || !("errors" in result) || !result.errors?.length) return;
    const errors = result.errors.map((e) => (isGraphQLError(e) ? withCode(e) : e));
    setResult({ ...result, errors });
  },
});
