"use client";
// The embed route (/integrer/…) renders a whole view but shows one of its charts or figures: the
// others see this context and render nothing.
import { createContext, type ReactNode, useContext } from "react";

const EmbeddedElement = createContext<string | null>(null);

export function EmbedOnly({ id, children }: { id: string; children: ReactNode }) {
  return <EmbeddedElement.Provider value={id}>{children}</EmbeddedElement.Provider>;
}

/** Whether the element `id` is drawn: always on the dashboard, only if it is the one asked in an embed. */
export function useEmbedRole(id: string): "page" | "embedded" | "hidden" {
  const only = useContext(EmbeddedElement);
  return only === null ? "page" : only === id ? "embedded" : "hidden";
}
