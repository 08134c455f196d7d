export function KeyFigure({ id, label, value, detail }: { id: string; label: string; value: string; detail?: string }) {
  return (
    <div className="key-figure" data-figure={id}>
      <dt>{label}</dt>
      <dd>
        <span className="key-figure__value">{value}</span>
        {detail ? <span className="key-figure__detail">{detail}</span> : null}
      </dd>
    </div>
  );
}
