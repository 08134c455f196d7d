"use client";
// Who is signed in, for the whole partner space; nothing is rendered on the server (the session
// cookie is HttpOnly and never leaves the browser's requests).
import type { MemberRole } from "@oess/domain/vocabulary";
import { gql } from "@urql/core";
import Link from "next/link";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import { query } from "../../lib/partner-api";

interface Membership {
  role: MemberRole;
  partner: { databaseId: string; slug: string; shortName: string };
}
export interface Me {
  databaseId: string;
  name: string;
  email: string;
  isCoordinator: boolean;
  memberships: Membership[];
}

const ME = gql`
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
`;

interface Session {
  me: Me;
  /** Of the PTCE's coordination: reviews, publishes and manages every account. */
  isAdmin: boolean;
  /** Organisations whose records this user may write. */
  editable: Membership["partner"][];
  reload: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside PartnerSession");
  return session;
}

export function PartnerSession({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ me: Me | null; error: string | null } | null>(null);
  const load = useCallback(async () => {
    const result = await query<{ me: Me | null }>(ME);
    setState({ me: result.data?.me ?? null, error: result.error });
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  if (!state) return <p role="status">Chargement de votre espace…</p>;
  if (state.error)
    return (
      <p role="alert" className="error">
        {state.error}
      </p>
    );
  if (!state.me) {
    return (
      <section className="prose">
        <h1>Espace partenaire</h1>
        <p>
          Cet espace est réservé aux partenaires du PTCE. <Link href="/connexion">Connectez-vous</Link> pour saisir, importer et relire les chiffres de votre
          organisation.
        </p>
      </section>
    );
  }
  const isAdmin = state.me.isCoordinator;
  const editable = state.me.memberships.filter((m) => m.role !== "VIEWER").map((m) => m.partner);
  return <SessionContext.Provider value={{ me: state.me, isAdmin, editable, reload: load }}>{children}</SessionContext.Provider>;
}
