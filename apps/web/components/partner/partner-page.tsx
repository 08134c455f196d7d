"use client";
// Every page of the partner space: rendered in the browser only, inside the signed-in session.
import type { ReactNode } from "react";
import { useHydrated } from "../../lib/use-hydrated";
import { PartnerSession } from "./session";

export function PartnerPage({ children }: { children: ReactNode }) {
  return useHydrated() ? <PartnerSession>{children}</PartnerSession> : <p role="status">Chargement de votre espace…</p>;
}
