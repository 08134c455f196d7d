"use client";
// Every page of the partner space: rendered in the browser only, inside the signed-in session.
import { type ReactNode, useEffect, useState } from "react";
import { PartnerSession } from "./session";

export function PartnerPage({ children }: { children: ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted ? <PartnerSession>{children}</PartnerSession> : <p role="status">Chargement de votre espace…</p>;
}
