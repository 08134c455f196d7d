import type { ReactNode } from "react";
import { useEmbedRole } from "./embed-context";

/** A page's headline figures (`KeyFigure`s), and what is said after them. */
export function KeyFigures({ children, after }: { children: ReactNode; after?: ReactNode }) {
  return (
    <section aria-labelledby="chiffres-cles" className="key-figures-section">
      <h2 id="chiffres-cles" className="visually-hidden">
        Chiffres clés
      </h2>
      <dl className="key-figures">{children}</dl>
      {after}
    </section>
  );
}

export function KeyFigure({ id, label, value, detail }: { id: string; label: string; value: string; detail?: string }) {
  const role = useEmbedRole(id);
  if (role === "hidden") return null;
  return (
    <div className="key-figure" data-figure={id} data-embedded={role === "embedded" || undefined}>
      <dt>{label}</dt>
      <dd>
        <span className="key-figure__value">{value}</span>
        {detail ? <span className="key-figure__detail">{detail}</span> : null}
      </dd>
    </div>
  );
}
