export function KeyFigure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="key-figure">
      <dt>{label}</dt>
      <dd>
        <span className="key-figure__value">{value}</span>
        {detail ? <span className="key-figure__detail">{detail}</span> : null}
      </dd>
    </div>
  );
}
