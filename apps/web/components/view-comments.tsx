// Partners signed in can discuss the exact view on screen (its permalink). Anonymous visitors see
// nothing of it, and cost the API nothing: without a session cookie, nobody is asked.
import { cookies } from "next/headers";
import { isFailure, readSession, SESSION_COOKIE } from "../lib/partner/session";
import { Comments } from "./partner/comments";

export async function ViewComments({ path, params }: { path: string; params: Record<string, string | string[] | undefined> }) {
  if (!(await cookies()).has(SESSION_COOKIE)) return null;
  const session = await readSession();
  if (session === null || isFailure(session)) return null;
  const search = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : (v ?? []).map((x) => [k, x])))).toString();
  return (
    <Comments
      target={{ viewPath: search ? `${path}?${search}` : path }}
      isCoordinator={session.isCoordinator}
      heading="Commentaires des partenaires sur cette vue"
    />
  );
}
