import type { ReactNode } from "react";

/**
 * A wide table on a narrow screen scrolls sideways: keyboard users must be able to reach it
 * (axe: scrollable-region-focusable), and screen readers hear it named as a region.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus
    <section className="table-scroll" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
