// The SIRENE files from the admin page's form, passed on to the API as they arrive: several GB
// each, so never read here (a server action would hold them in memory). Then back to the page,
// which follows the import.
import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { env } from "../../../../lib/env";

const PAGE = "/espace-partenaire/registre";

export async function POST(request: Request) {
  const back = (params: Record<string, string>) => NextResponse.redirect(new URL(`${PAGE}?${new URLSearchParams(params)}`, request.url), 303);
  let response: Response;
  try {
    response = await fetch(new URL("/register/imports", env.apiUrl), {
      method: "POST",
      body: request.body,
      // A stream body is sent as it is read.
      duplex: "half",
      headers: {
        "content-type": request.headers.get("content-type") ?? "",
        cookie: (await cookies()).toString(),
        "x-graphql-yoga-csrf": "1",
        "x-forwarded-for": request.headers.get("x-forwarded-for") ?? "",
      },
      signal: request.signal,
    } as RequestInit);
  } catch {
    return back({ erreur: "Le service de données ne répond pas : réessayez dans un instant." });
  }
  if (response.status === 202) return back({ envoi: "ok" });
  const answer = (await response.json().catch(() => ({}))) as { error?: string };
  return back({ erreur: answer.error ?? `Le service de données a refusé l'envoi (${response.status}).` });
}
