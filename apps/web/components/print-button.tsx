"use client";

/** Opens the browser's print dialog (the pages' print styles give A4). */
export function PrintButton({ label = "Imprimer" }: { label?: string }) {
  return (
    <button type="button" className="secondary" onClick={() => window.print()}>
      {label}
    </button>
  );
}
