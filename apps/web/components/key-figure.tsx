import { useEmbedRole } from "./embed-context";

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
