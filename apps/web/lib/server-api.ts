// The partner space asks the API on the user's behalf, from the dashboard's server: the session
// cookie is HttpOnly for the browser, not for us. Requests carry the user's cookie, address and
// the CSRF header; cookies the API sets (sign-in, sign-out) are passed back to the browser.
import { ResponseCookies } from "@edge-runtime/cookies";
import { type AnyVariables, Client, type DocumentInput, fetchExchange, type OperationResult } from "@urql/core";
import { cookies, headers } from "next/headers";
import { env } from "./env";

/** Why a call failed, as the partner space tells it. */
export interface ApiFailure {
  /** In French, for a banner. */
  message: string;
  code: string | null;
  /** Field problems of a refused input, by field name without the "input." prefix. */
  problems: Record<string, string>;
}

export type ApiResult<Data> = { ok: true; data: Data } | { ok: false; error: ApiFailure };

const UNREACHABLE = "Le service de données ne répond pas. Réessayez dans un instant.";

function problemsOf(value: unknown): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!Array.isArray(value)) return problems;
  for (const p of value) if (typeof p?.field === "string" && typeof p?.message === "string") problems[p.field.replace(/^input\./, "")] ??= p.message;
  return problems;
}

function outcome<Data>(result: OperationResult<Data>): ApiResult<Data> {
  if (!result.error && result.data) return { ok: true, data: result.data };
  const first = result.error?.graphQLErrors[0];
  const code = first?.extensions?.code;
  return {
    ok: false,
    error: { message: first?.message ?? UNREACHABLE, code: typeof code === "string" ? code : null, problems: problemsOf(first?.extensions?.problems) },
  };
}

/** A client for this request only: it carries this user's cookie and records what the API sets. */
async function requestClient(setCookies: string[]): Promise<Client> {
  const incoming = await headers();
  const forwarded: Record<string, string> = { cookie: (await cookies()).toString(), "x-graphql-yoga-csrf": "1" };
  for (const name of ["x-forwarded-for", "user-agent", "accept-language"]) {
    const value = incoming.get(name);
    if (value) forwarded[name] = value;
  }
  // The API decides the cookie's Secure flag from the URL the browser used.
  forwarded["x-forwarded-proto"] = incoming.get("x-forwarded-proto") ?? "http";
  const host = incoming.get("x-forwarded-host") ?? incoming.get("host");
  if (host) forwarded["x-forwarded-host"] = host;
  return new Client({
    url: env.apiUrl,
    exchanges: [fetchExchange],
    requestPolicy: "network-only",
    fetchOptions: { cache: "no-store", headers: forwarded },
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      setCookies.push(...response.headers.getSetCookie());
      return response;
    },
  });
}

/** Reads on the user's behalf (server components). */
export async function serverQuery<Data, Variables extends AnyVariables>(
  document: DocumentInput<Data, Variables>,
  variables: Variables,
): Promise<ApiResult<Data>> {
  return outcome(await (await requestClient([])).query(document, variables).toPromise());
}

/** Writes on the user's behalf (server actions): the cookies the API sets reach the browser. */
export async function serverMutation<Data, Variables extends AnyVariables>(
  document: DocumentInput<Data, Variables>,
  variables: Variables,
): Promise<ApiResult<Data>> {
  const setCookies: string[] = [];
  const result = await (await requestClient(setCookies)).mutation(document, variables).toPromise();
  if (setCookies.length > 0) {
    const jar = await cookies();
    const sent = new Headers();
    for (const line of setCookies) sent.append("set-cookie", line);
    for (const cookie of new ResponseCookies(sent).getAll()) jar.set(cookie);
  }
  return outcome(result);
}
