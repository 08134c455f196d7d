"use client";
// « Télécharger l'image » and « Intégrer » under a chart: the image is the server's drawing, with
// the chart's title above it and the source below, as SVG or as PNG (drawn by the browser at twice
// the size, for slides); the embed code is an <iframe> of this chart with the view's filters.
import { useState } from "react";
import { embedPath, embedViewOf } from "../lib/embeds";
import { useHydrated } from "../lib/use-hydrated";

const SVG_NS = "http://www.w3.org/2000/svg";
const TITLE_HEIGHT = 32;
const SOURCE_HEIGHT = 36;

function setAttributes(element: Element, attributes: Record<string, string | number>) {
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
}

/** The chart's drawing as a standalone SVG document: white background, title, legend, source. */
function chartImage(card: HTMLElement, title: string): { svg: string; width: number; height: number } | null {
  const drawing = card.querySelector<SVGSVGElement>(".chart-static svg.svg-chart");
  if (!drawing) return null;
  const [, , width = 640, height = 300] = (drawing.dataset.exportBox ?? drawing.getAttribute("viewBox") ?? "").split(" ").map(Number);
  const inner = drawing.cloneNode(true) as SVGSVGElement;
  setAttributes(inner, { viewBox: `0 0 ${width} ${height}`, y: TITLE_HEIGHT, width, height });
  inner.removeAttribute("class");
  const image = document.createElementNS(SVG_NS, "svg");
  const total = TITLE_HEIGHT + height + SOURCE_HEIGHT;
  setAttributes(image, { viewBox: `0 0 ${width} ${total}`, width, height: total, "font-family": drawing.getAttribute("font-family") ?? "sans-serif" });
  const text = (content: string, y: number, size: number, weight = "normal") => {
    const node = document.createElementNS(SVG_NS, "text");
    setAttributes(node, { x: 8, y, "font-size": size, "font-weight": weight, fill: "#1d2433" });
    node.textContent = content;
    return node;
  };
  const background = document.createElementNS(SVG_NS, "rect");
  setAttributes(background, { width: "100%", height: "100%", fill: "#ffffff" });
  image.append(
    background,
    text(title, 21, 15, "bold"),
    inner,
    text("Source : Observatoire de l'ESS du Niortais — données publiées, Licence Ouverte 2.0", TITLE_HEIGHT + height + 16, 11),
    text(window.location.href, TITLE_HEIGHT + height + 30, 10),
  );
  return { svg: new XMLSerializer().serializeToString(image), width, height: total };
}

function save(href: string, name: string) {
  const link = document.createElement("a");
  link.href = href;
  link.download = name;
  link.click();
}

export function ChartShare({ id, title, fileName }: { id: string; title: string; fileName: string }) {
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);
  const [snippet, setSnippet] = useState("");
  // Without JavaScript these need the browser: the CSV link above stays.
  if (!hydrated) return null;
  const card = () => document.getElementById(id);

  const download = (format: "svg" | "png") => {
    const element = card();
    const drawn = element && chartImage(element, title);
    if (!drawn) return;
    const svgUrl = URL.createObjectURL(new Blob([drawn.svg], { type: "image/svg+xml" }));
    if (format === "svg") {
      save(svgUrl, `${fileName}.svg`);
      setTimeout(() => URL.revokeObjectURL(svgUrl), 1000);
      return;
    }
    const picture = new Image();
    picture.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = drawn.width * 2;
      canvas.height = drawn.height * 2;
      const context = canvas.getContext("2d");
      context?.drawImage(picture, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(svgUrl);
      canvas.toBlob((blob) => {
        if (!blob) return;
        const pngUrl = URL.createObjectURL(blob);
        save(pngUrl, `${fileName}.png`);
        setTimeout(() => URL.revokeObjectURL(pngUrl), 1000);
      }, "image/png");
    };
    picture.src = svgUrl;
  };

  // The frame is as tall as the card is here, so that the host page shows it without a scroll bar.
  const writeSnippet = () =>
    setSnippet(
      `<iframe src="${window.location.origin}${embedPath(id, window.location.search)}" title="${title.replaceAll('"', "&quot;")}" width="100%" height="${
        Math.ceil(card()?.offsetHeight ?? 480) + 24
      }" style="border:0" loading="lazy"></iframe>`,
    );

  return (
    <span className="chart-share">
      <button type="button" className="link-button" onClick={() => download("png")} aria-label={`Image (PNG) du graphique « ${title} »`}>
        Image (PNG)
      </button>
      <button type="button" className="link-button" onClick={() => download("svg")} aria-label={`Image (SVG) du graphique « ${title} »`}>
        Image (SVG)
      </button>
      {embedViewOf(id) !== null ? (
        <details className="embed-code" onToggle={writeSnippet}>
          <summary>Intégrer</summary>
          <p>Copiez ce code dans une page de votre site : le graphique y reste à jour, avec les filtres de cette vue.</p>
          <textarea readOnly value={snippet} rows={4} aria-label={`Code d'intégration : ${title}`} onFocus={(e) => e.currentTarget.select()} />
          <button
            type="button"
            onClick={() =>
              navigator.clipboard?.writeText(snippet).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            Copier le code
          </button>
          <span role="status">{copied ? " Code copié." : ""}</span>
        </details>
      ) : null}
    </span>
  );
}
