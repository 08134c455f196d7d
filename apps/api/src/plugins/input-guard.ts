// Input no resolver should ever see: text PostgreSQL cannot store (a NUL byte) or that is not
// Unicode (a lone surrogate), and JSON nested deeper than any real query needs (a recursion bomb
// for every later step). Refused before parsing, with a 400 that names where the problem is.
import { createGraphQLError, type Plugin } from "graphql-yoga";

/** Deeper than any real variables object: the schema's own inputs nest a handful of levels. */
const MAX_INPUT_DEPTH = 32;

interface Problem {
  path: string;
  reason: "nul" | "surrogate" | "depth";
}

const MESSAGES = {
  en: {
    nul: (path: string) => `${path} contains a NUL character (\\u0000), which cannot be stored: remove it.`,
    surrogate: (path: string) => `${path} is not valid Unicode text (a lone surrogate): send it as UTF-8.`,
    depth: (path: string) => `${path} is nested more than ${MAX_INPUT_DEPTH} levels deep: no query of this API needs that.`,
  },
  fr: {
    nul: (path: string) => `${path} contient un caractère nul (\\u0000), qui ne peut pas être enregistré : retirez-le.`,
    surrogate: (path: string) => `${path} n'est pas un texte Unicode valide (demi-caractère isolé) : envoyez-le en UTF-8.`,
    depth: (path: string) => `${path} est imbriqué sur plus de ${MAX_INPUT_DEPTH} niveaux : aucune requête de cette API n'en a besoin.`,
  },
} as const;

/** The first problem found in a JSON value, walked without recursion (the value may be a bomb). */
function findInputProblem(value: unknown, root: string): Problem | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop() as (typeof stack)[number];
    if (typeof item.value === "string") {
      if (item.value.includes("\u0000")) return { path: item.path, reason: "nul" };
      if (!isWellFormed(item.value)) return { path: item.path, reason: "surrogate" };
    } else if (Array.isArray(item.value) || isPlainObject(item.value)) {
      if (item.depth >= MAX_INPUT_DEPTH) return { path: item.path, reason: "depth" };
      const entries = Array.isArray(item.value) ? item.value.map((v, i) => [String(i), v] as const) : Object.entries(item.value as Record<string, unknown>);
      for (const [key, child] of entries) {
        if (!isWellFormed(key) || key.includes("\u0000")) return { path: item.path, reason: isWellFormed(key) ? "nul" : "surrogate" };
        stack.push({ value: child, path: `${item.path}.${key}`, depth: item.depth + 1 });
      }
    }
  }
  return null;
}

/** JSON objects only: an uploaded File (multipart) is not walked into, byte by byte. */
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(value));

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isWellFormed = (text: string) => !LONE_SURROGATE.test(text);

/** Mutations are the partner space's (French); reads are the researchers' (English). */
const isMutation = (query: unknown) => typeof query === "string" && /^\s*mutation\b/.test(query.replace(/^(\s*#[^\n]*\n)*/, ""));

/** A request body beyond this is refused before it is read: an import's file is 10 MB at most. */
const MAX_BODY_BYTES = 12 * 1024 * 1024;

export const useInputGuard = (): Plugin => ({
  onRequest({ request, url, endResponse, fetchAPI }) {
    if (url.pathname !== "/graphql" || Number(request.headers.get("content-length") ?? 0) <= MAX_BODY_BYTES) return;
    endResponse(
      fetchAPI.Response.json(
        {
          errors: [
            {
              message: `The request body is over ${MAX_BODY_BYTES / 1048576} MB; a file to import is 10 MB at most.`,
              extensions: { code: "PAYLOAD_TOO_LARGE" },
            },
          ],
        },
        { status: 413 },
      ),
    );
  },
  onParams({ params }) {
    const problem =
      findInputProblem(params.query, "query") ??
      findInputProblem(params.operationName, "operationName") ??
      findInputProblem(params.variables, "variables") ??
      findInputProblem(params.extensions, "extensions");
    if (!problem) return;
    const language = isMutation(params.query) ? "fr" : "en";
    throw createGraphQLError(MESSAGES[language][problem.reason](problem.path), {
      extensions: { code: "BAD_USER_INPUT", field: problem.path, http: { status: 400 } },
    });
  },
});
