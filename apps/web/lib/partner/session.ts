// Who is signed in, read once per request on the server from the session cookie.
import { redirect } from "next/navigation";
import { cache } from "react";
import { graphql, type ResultOf } from "../graphql";
import { type ApiFailure, serverQuery } from "../server-api";

/** The API's session cookie (packages/auth): its presence alone says whether to ask who is signed in. */
export const SESSION_COOKIE = "oess_session";

const ME = graphql(`
  query Me {
    me {
      databaseId
      name
      email
      isCoordinator
      memberships {
        role
        partner {
          databaseId
          slug
          shortName
        }
      }
    }
  }
`);

type Me = NonNullable<ResultOf<typeof ME>["me"]>;
type Organisation = Me["memberships"][number]["partner"];

export interface Session {
  me: Me;
  /** The PTCE's coordination: reviews, publishes and manages every account. */
  isCoordinator: boolean;
  /** Organisations whose records this user may write. */
  editable: Organisation[];
}

/** The session, null when nobody is signed in, or the API's failure. */
export const readSession = cache(async (): Promise<Session | null | ApiFailure> => {
  const result = await serverQuery(ME, {});
  if (!result.ok) return result.error;
  const me = result.data.me;
  if (!me) return null;
  return { me, isCoordinator: me.isCoordinator, editable: me.memberships.filter((m) => m.role !== "VIEWER").map((m) => m.partner) };
});

export const isFailure = (value: Session | ApiFailure): value is ApiFailure => "message" in value;

/** The signed-in user, or a trip to the sign-in page that comes back here afterwards. */
export async function requireSession(path: string): Promise<Session> {
  const session = await readSession();
  if (session === null) redirect(`/connexion?suite=${encodeURIComponent(path)}`);
  // A failed API is an error for the route's error boundary, never a signed-out page.
  if (isFailure(session)) throw new Error(session.message);
  return session;
}
