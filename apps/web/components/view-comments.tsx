"use client";
// Partners signed in can discuss the exact view on screen (its permalink). Anonymous visitors see
// nothing of it: the lookup is one small request after the page has loaded.
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { Comments } from "./partner/comments";

export function ViewComments() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const [viewer, setViewer] = useState<{ isAdmin: boolean } | null>(null);
  useEffect(() => {
    void fetch("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ me { isCoordinator } }" }) })
      .then((r) => r.json())
      .then((body: { data?: { me: { isCoordinator: boolean } | null } }) => {
        const me = body.data?.me;
        setViewer(me ? { isAdmin: me.isCoordinator } : null);
      })
      .catch(() => setViewer(null));
  }, []);
  if (!viewer) return null;
  return (
    <Comments
      target={{ viewPath: search ? `${pathname}?${search}` : pathname }}
      isAdmin={viewer.isAdmin}
      heading="Commentaires des partenaires sur cette vue"
    />
  );
}
