"use client";
// The server's SVG is the chart everyone sees first, and the one printed and downloaded. Recharts
// (tooltips, arrow keys from bar to bar) is loaded only when a reader reaches for a chart —
// pointer, finger or keyboard — so that a page costs no charting script until then.
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { useHydrated } from "../../lib/use-hydrated";
import type { BarChartProps } from "./bar-model";

// A type-only reference: the module itself is fetched by the dynamic import below.
type LiveChart = typeof import("./bar-chart").default;

export function InteractiveChart<Row>({ chart, children }: { chart: BarChartProps<Row>; children: ReactNode }) {
  const frame = useRef<HTMLDivElement>(null);
  const requested = useRef(false);
  const hydrated = useHydrated();
  const [live, setLive] = useState<{ Chart: LiveChart; height: number; focus: boolean } | null>(null);

  const wake = (focus: boolean) => {
    if (requested.current) return;
    requested.current = true;
    const height = frame.current?.querySelector(".chart-static")?.getBoundingClientRect().height || 320;
    import("./bar-chart").then(({ default: Chart }) => setLive({ Chart, height, focus }));
  };
  // Focus follows the reader into the chart that replaced the drawing, which Recharts draws once it
  // has measured its box, a render or two later. Recharts' layers (<g> portals) are each a tab stop
  // in Chromium: taken out of the tab order, so that the chart is one stop, its surface.
  useEffect(() => {
    const element = frame.current;
    if (!live || !element) return;
    let focus = live.focus;
    const settle = () => {
      for (const layer of element.querySelectorAll('g[class*="recharts-zIndex-layer"]:not([tabindex])')) layer.setAttribute("tabindex", "-1");
      const surface = element.querySelector<SVGElement>(".recharts-surface[tabindex='0']");
      if (focus && surface) {
        surface.focus();
        focus = false;
      }
    };
    settle();
    const observer = new MutationObserver(settle);
    observer.observe(element, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [live]);

  // Recharts moves with ← and → only, and backwards down a chart of horizontal bars: there, ↓ and →
  // go to the next bar, ↑ and ← to the one before. The key is handed back to Recharts as the one it
  // expects (a dispatched event is untrusted, so it is not translated twice).
  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = { ArrowDown: "ArrowLeft", ArrowRight: "ArrowLeft", ArrowUp: "ArrowRight", ArrowLeft: "ArrowRight" }[event.key];
    if (!chart.horizontal || !live || !next || !event.nativeEvent.isTrusted) return;
    event.preventDefault();
    event.stopPropagation();
    event.target.dispatchEvent(new globalThis.KeyboardEvent("keydown", { key: next, bubbles: true }));
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: <fieldset> groups form controls; this names one chart's single tab stop
    <div
      ref={frame}
      className={chart.horizontal ? "chart-frame chart-frame--bars" : "chart-frame"}
      role="group"
      aria-label={`${chart.label} : graphique, flèches pour parcourir les valeurs`}
      tabIndex={hydrated && !live ? 0 : undefined}
      onPointerEnter={() => wake(false)}
      onTouchStart={() => wake(false)}
      onFocus={() => wake(true)}
      onKeyDownCapture={onKeyDownCapture}
      data-live={live ? "" : undefined}
    >
      <div className="chart-static">{children}</div>
      {live ? (
        <div className="chart-live">
          <live.Chart {...chart} height={live.height} />
        </div>
      ) : null}
    </div>
  );
}
