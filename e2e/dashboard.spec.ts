import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "./axe";

const API = "http://localhost:4310";
const PAGES = [
  { path: "/", name: "accueil", title: "Vue d'ensemble" },
  { path: "/emplois", name: "emplois", title: "Emplois" },
  { path: "/incubation", name: "incubation", title: "Incubation" },
  { path: "/financements", name: "financements", title: "Financements" },
  { path: "/territoire", name: "territoire", title: "Territoire" },
  { path: "/ess-du-territoire", name: "ess-du-territoire", title: "L'ESS du territoire" },
  { path: "/panorama", name: "panorama", title: "Panorama de l'économie sociale et solidaire — CA du Niortais" },
  { path: "/donnees-ouvertes", name: "donnees-ouvertes", title: "Données ouvertes" },
  { path: "/methodologie", name: "methodologie", title: "Méthodologie" },
  { path: "/accessibilite", name: "accessibilite", title: "Déclaration d'accessibilité" },
  { path: "/connexion", name: "connexion", title: "Connexion à l'espace partenaire" },
  { path: "/mentions-legales", name: "mentions-legales", title: "Mentions légales" },
  { path: "/donnees-personnelles", name: "donnees-personnelles", title: "Données personnelles" },
  { path: "/plan-du-site", name: "plan-du-site", title: "Plan du site" },
];
const VIEWPORTS = [
  { name: "bureau", width: 1440, height: 900 },
  { name: "telephone", width: 390, height: 844 },
];

/** Console errors, failed requests and any request that would leave this machine. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (!["localhost", "127.0.0.1"].includes(url.hostname) && url.protocol !== "data:") problems.push(`outside request: ${r.url()}`);
  });
  return problems;
}

async function graphql<T>(request: import("@playwright/test").APIRequestContext, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await request.post(`${API}/graphql`, { data: { query, variables } });
  const body = await response.json();
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");
const fr = (n: number) => plain(new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 }).format(n));

for (const viewport of VIEWPORTS) {
  test(`every page loads cleanly, offline, and passes axe (WCAG 2.1 A/AA) — ${viewport.name}`, async ({ browser }) => {
    // Thirteen pages, each analysed by axe and photographed: more than the default 30 s on a busy machine.
    test.setTimeout(240_000);
    // @axe-core/playwright needs a page of a context of its own.
    const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
    const page = await context.newPage();
    const problems = watch(page);
    for (const p of PAGES) {
      await page.goto(p.path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.title);
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, p.path);
      // No page scrolls sideways: wide tables scroll inside their own region.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), p.path).toBeLessThanOrEqual(viewport.width);
      await page.screenshot({ path: `test-results/screenshots/${p.name}-${viewport.name}.png`, fullPage: true });
    }
    expect(problems).toEqual([]);
    await context.close();
  });
}

test("a filter change rewrites the URL, the charts follow, and the URL alone restores the view", async ({ page, browser }) => {
  const problems = watch(page);
  await page.goto("/emplois");
  const table = page.locator("#emplois-par-famille table");
  const before = await table.textContent({ timeout: 10_000 });
  await expect(page.locator("form[data-hydrated]")).toBeAttached();
  await page.getByLabel("Commune").selectOption({ label: "Niort" });
  await expect(page).toHaveURL(/\/emplois\?commune=79191$/);
  await page.getByLabel("Depuis").selectOption("2019");
  await expect(page).toHaveURL(/\/emplois\?debut=2019&commune=79191$/);
  await expect(page.locator(".view-summary")).toContainText(/De 2019 à \d{4} · Commune : Niort/);
  await expect(table).not.toHaveText(before ?? "");
  const after = await table.textContent();

  // A fresh browser, with nothing but the link.
  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByLabel("Commune")).toHaveValue("79191");
  await expect(other.getByLabel("Depuis")).toHaveValue("2019");
  await expect(other.locator("#emplois-par-famille table")).toHaveText(after ?? "");
  await context.close();

  // Back restores the previous view, controls included.
  await page.goBack();
  await expect(page).toHaveURL(/\/emplois\?commune=79191$/);
  await expect(page.getByLabel("Depuis")).toHaveValue("");
  expect(problems).toEqual([]);
});

test("the headline figures equal the API's indicators for the same filters", async ({ page, request }) => {
  const { partners } = await graphql<{ partners: { edges: Array<{ node: { databaseId: string; slug: string } }> } }>(
    request,
    `{ partners(first: 100) { edges { node { databaseId slug } } } }`,
  );
  const region = partners.edges.find((e) => e.node.slug === "region-na")?.node.databaseId;
  const views = [
    { url: "/", where: {} },
    {
      url: "/?debut=2019&fin=2023&commune=79191&famille=cooperative",
      where: { fromYear: 2019, toYear: 2023, communeCodes: ["79191"], legalFamilies: ["COOPERATIVE"] },
    },
    { url: "/?debut=2021&partenaire=region-na", where: { fromYear: 2021, partnerIds: [region] } },
  ];
  for (const view of views) {
    const { indicators } = await graphql<{ indicators: Array<{ jobsCreated: number | null; enterprisesIncubated: number; fundingAmount: string }> }>(
      request,
      `query ($where: IndicatorWhere) { indicators(groupBy: [], where: $where) { jobsCreated enterprisesIncubated fundingAmount } }`,
      { where: view.where },
    );
    const [totals] = indicators;
    await page.goto(view.url);
    const figure = (id: string) => page.locator(`[data-figure="${id}"] .key-figure__value`);
    if (view.where.partnerIds) await expect(figure("emplois")).toHaveText("—");
    // A total statistical confidentiality hides reads « secret », never zero.
    else await expect(figure("emplois")).toHaveText(totals?.jobsCreated == null ? "secret" : fr(totals.jobsCreated), { useInnerText: true });
    expect(plain(await figure("incubees").innerText())).toBe(fr(totals?.enterprisesIncubated ?? 0));
    expect(plain(await figure("financements").innerText())).toBe(`${fr(Number(totals?.fundingAmount ?? 0))} €`);
  }
});

test("a chart's table and CSV hold exactly its values, with the filters applied", async ({ page, request }) => {
  await page.goto("/financements?debut=2020&famille=association");
  const card = page.locator("#financements-par-partenaire");
  await card.getByText("Tableau des données du graphique").click();
  const rows = card.locator("tbody tr");
  const { indicators } = await graphql<{ indicators: Array<{ partnerName: string; fundingAmount: string; fundingCount: number }> }>(
    request,
    `{ indicators(groupBy: [PARTNER], where: { fromYear: 2020, legalFamilies: [ASSOCIATION] }) { partnerName fundingAmount fundingCount } }`,
  );
  const expected = indicators.filter((r) => r.fundingCount > 0).sort((a, b) => Number(b.fundingAmount) - Number(a.fundingAmount));
  await expect(rows).toHaveCount(expected.length);
  for (const [i, r] of expected.entries())
    await expect(rows.nth(i)).toHaveText(`${r.partnerName}${fr(Number(r.fundingAmount))} €`.replace(/ /g, " "), { useInnerText: false });

  const link = card.getByRole("link", { name: "Télécharger ces données (CSV)" });
  expect(await link.getAttribute("download")).toBe("financements-par-partenaire_2020-2025_association.csv");
  const href = (await link.getAttribute("href")) as string;
  const csv = decodeURIComponent(href.slice(href.indexOf(",") + 1)).replace(/^\uFEFF/, "");
  expect(csv.trim().split("\r\n")).toEqual(["Partenaire,Montant (€)", ...expected.map((r) => `${r.partnerName},${r.fundingAmount}`)]);
});

test("jobs hidden by statistical confidentiality read « secret », never zero, on the page, in its CSV and in the open data", async ({ page, request }) => {
  const { indicators } = await graphql<{ indicators: Array<{ communeCode: string | null; communeName: string | null; jobsSecret: string | null }> }>(
    request,
    "{ indicators(groupBy: [COMMUNE]) { communeCode communeName jobsSecret } }",
  );
  const hidden = indicators.filter((r) => r.jobsSecret !== null).map((r) => r.communeName);
  expect(hidden.length).toBeGreaterThan(0);

  await page.goto("/territoire");
  const card = page.locator("#emplois-par-commune");
  await expect(card.locator(".chart-summary")).toContainText("secret statistique");
  await card.getByText("Tableau des données du graphique").click();
  for (const name of hidden) await expect(card.locator("tbody tr").filter({ hasText: name ?? "" })).toContainText("secret");
  const href = (await card.getByRole("link", { name: "Télécharger ces données (CSV)" }).getAttribute("href")) as string;
  const csv = decodeURIComponent(href.slice(href.indexOf(",") + 1));
  for (const name of hidden) expect(csv).toContain(`${name},s`);

  await page.goto("/emplois");
  await expect(page.getByRole("note").filter({ hasText: "secteur" })).toContainText("secret statistique");
  const file = await (await request.get(`${API}/opendata/jobs.csv`)).text();
  expect(file.split("\n")[0]).toBe("year,level,commune_code,commune_name,legal_family,jobs_created,fte,jobs_flag,source");
  expect(file).toMatch(/,,,s,/);
});

test("the Territoire map names each commune with the value of its table and the API's, and a click on a commune filters the view", async ({
  page,
  request,
}) => {
  const { indicators } = await graphql<{ indicators: Array<{ communeCode: string; communeName: string; fundingAmount: string }> }>(
    request,
    "{ indicators(groupBy: [COMMUNE]) { communeCode communeName fundingAmount } }",
  );
  await page.goto("/territoire?carte=financements");
  const map = page.locator("#carte");
  await expect(map.getByRole("heading", { level: 2 })).toHaveText("Carte des communes : financements");
  const communes = map.locator("svg a");
  await expect(communes).toHaveCount(40);
  const table = new Map<string, string>();
  for (const row of await map.getByRole("table").locator("tbody tr").all()) {
    table.set(plain(await row.locator("th").innerText()), plain(await row.locator("td").innerText()));
  }
  expect(table.size).toBe(40);
  for (const commune of await communes.all()) {
    const [name, value] = plain((await commune.getAttribute("aria-label")) ?? "").split(" : ");
    expect(`${value}`.startsWith(`${table.get(name ?? "")} `), `${name}: ${value}`).toBe(true);
  }
  for (const row of indicators.filter((r) => r.communeCode !== null)) {
    expect(table.get(row.communeName), row.communeName).toBe(`${fr(Number(row.fundingAmount))} €`);
  }
  await expect(map).toContainText("Contours : IGN – Admin Express COG 2018, Licence Ouverte");
  await expect(map.locator(".map-legend li")).not.toHaveCount(0);

  await map.getByRole("link", { name: /^Niort : / }).click();
  await expect(page).toHaveURL(/\/territoire\?.*commune=79191/);
  await expect(page).toHaveURL(/carte=financements/);
  await expect(page.locator(".view-summary")).toContainText("Commune : Niort");
  await expect(map.getByRole("link", { name: /^Niort : / })).toHaveAttribute("aria-current", "true");

  await map.getByRole("navigation", { name: "Indicateur de la carte" }).getByRole("link", { name: "Emplois créés", exact: true }).click();
  await expect(page).toHaveURL(/carte=emplois#carte$/);
  await expect(map.getByRole("heading", { level: 2 })).toHaveText("Carte des communes : emplois créés");
  await expect(page.locator(".view-summary")).toContainText("Commune : Niort");
  // A filter changed in the form keeps the map's indicator (the form acts on a change once hydrated).
  await expect(page.locator("form.filters[data-hydrated]")).toBeAttached();
  await page.getByLabel("Famille juridique").selectOption("cooperative");
  await expect(page).toHaveURL(/famille=cooperative/);
  await expect(page).toHaveURL(/carte=emplois/);
  await expect(map.getByRole("heading", { level: 2 })).toHaveText("Carte des communes : emplois créés");

  await page.goto("/");
  const preview = page.locator("#carte-apercu");
  await expect(preview.locator("svg a")).toHaveCount(40);
  await preview.getByRole("link", { name: /^Niort : / }).click();
  await expect(page).toHaveURL(/\/territoire\?commune=79191#carte$/);
});

test("the value written on each bar is its table's value, abbreviated only above 10 000 and then within 0.5 %; axes step roundly", async ({ page }) => {
  const number = (text: string) => {
    const t = plain(text).replace(/\s*€$/, "").trim();
    const [, digits = "", unit = ""] = /^([\d ,]+)\s*(k|M|Md)?$/.exec(t) ?? [];
    return Number(digits.replace(/ /g, "").replace(",", ".")) * ({ k: 1e3, M: 1e6, Md: 1e9 }[unit] ?? 1);
  };
  // Unstacked charts: their labels (category by category, series by series) and their table's cells come in the same order.
  for (const [path, card] of [
    ["/emplois", "#emplois-etp-par-annee"],
    ["/incubation", "#incubees-creees-par-annee"],
    ["/territoire", "#emplois-par-commune"],
    ["/territoire", "#financements-par-habitant"],
    ["/financements", "#financements-par-instrument"],
    ["/", "#emplois-par-annee"],
    ["/", "#financements-par-annee"],
  ] as const) {
    await page.goto(path);
    const chart = page.locator(card).first();
    await expect(chart.locator("svg.svg-chart")).toBeVisible();
    const labels = (await chart.locator(".svg-chart__value").allTextContents()).map(plain);
    const cells = (await chart.locator("table tbody td").allTextContents()).map(plain);
    expect(labels.length, `${path} ${card}`).toBeGreaterThan(0);
    expect(labels.length).toBe(cells.length);
    for (const [i, label] of labels.entries()) {
      const exact = number(cells[i] as string);
      if (cells[i] === "secret" || exact < 10_000) expect(label, `${path} ${card}`).toBe(cells[i]);
      else expect(Math.abs(number(label) - exact) / exact, `${label} for ${cells[i]}`).toBeLessThan(0.005);
    }
    // Ticks are multiples of 1, 2, 2.5 or 5 × 10ⁿ, from 0.
    const ticks = (await chart.locator(".svg-chart__tick").allTextContents()).map(plain).map(number);
    const steps = new Set(ticks.slice(1).map((t, i) => t - (ticks[i] as number)));
    expect(ticks[0]).toBe(0);
    expect(steps.size, `${path} ${card}: ${ticks.join(" ")}`).toBe(1);
    const step = [...steps][0] as number;
    expect([1, 2, 2.5, 5]).toContain(step / 10 ** Math.floor(Math.log10(step)));
  }
});

test("a view with no data says so once per card, draws no empty axis, and never writes « 1 projets » nor « 0 emplois »", async ({ page, request }) => {
  const { communes, indicators } = await graphql<{
    communes: { edges: Array<{ node: { code: string; name: string } }> };
    indicators: Array<{
      communeCode: string | null;
      jobsCreated: number | null;
      enterprisesIncubated: number;
      enterprisesCreated: number;
      fundingCount: number;
    }>;
  }>(
    request,
    "{ communes(first: 100) { edges { node { code name } } } indicators(groupBy: [COMMUNE]) { communeCode jobsCreated enterprisesIncubated enterprisesCreated fundingCount } }",
  );
  const busy = new Set(
    indicators.filter((r) => (r.jobsCreated ?? 1) > 0 || r.enterprisesIncubated + r.enterprisesCreated + r.fundingCount > 0).map((r) => r.communeCode),
  );
  const quiet = communes.edges.map((e) => e.node).find((c) => !busy.has(c.code));
  expect(quiet, "the demo data has a commune with nothing recorded").toBeDefined();
  for (const path of ["/", "/emplois", "/incubation", "/financements"]) {
    await page.goto(`${path}?commune=${quiet?.code}`);
    await expect(page.locator(".view-summary")).toContainText(`Commune : ${quiet?.name}`);
    const cards = page.locator("main .chart-card:not(.map-card)");
    expect(await cards.count(), path).toBeGreaterThan(0);
    for (const card of await cards.all()) {
      await expect(card.locator("svg.svg-chart, .recharts-surface"), path).toHaveCount(0);
      const text = plain((await card.textContent()) ?? "");
      expect(text.match(/Aucun/g)?.length ?? 0, `${path}: ${text}`).toBeLessThanOrEqual(1);
    }
    const body = plain((await page.locator("main").textContent()) ?? "");
    expect(body, path).not.toMatch(/\b[01] (emplois|projets|financements|entreprises|communes)\b/);
    expect(body, path).not.toMatch(/la plus forte est \d{4} avec 0/);
  }
});

test("tables sort on a click of a column's header, the order said by aria-sort, secret figures last", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/territoire");
  const table = page.getByRole("table", { name: "Chiffres par commune" });
  const column = async (index: number) =>
    (await table.locator("tbody tr").evaluateAll((rows, i) => rows.map((r) => r.children[i]?.textContent ?? ""), index)).map(plain);
  const amount = (text: string) => Number(text.replace(/[^\d,]/g, "").replace(",", "."));
  const population = table.getByRole("columnheader", { name: /Population/ });

  // A click before hydration does nothing: click until the table answers. On a loaded machine the
  // answer may come after the check: click again only when the order is not yet the one asked.
  await expect(async () => {
    if ((await population.getAttribute("aria-sort")) !== "descending") await population.getByRole("button").click();
    await expect(population).toHaveAttribute("aria-sort", "descending", { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  const down = (await column(2)).map(amount);
  expect(down).toEqual([...down].sort((a, b) => b - a));
  expect((await column(0))[0]).toBe("Niort");

  await population.getByRole("button").click();
  await expect(population).toHaveAttribute("aria-sort", "ascending");
  const up = (await column(2)).map(amount);
  expect(up).toEqual([...up].sort((a, b) => a - b));

  const jobs = table.getByRole("columnheader", { name: /^Emplois créés/ });
  await jobs.getByRole("button").click();
  await expect(jobs).toHaveAttribute("aria-sort", "descending");
  await expect(population).not.toHaveAttribute("aria-sort");
  const values = await column(3);
  const shown = values.filter((v) => v !== "secret").map(amount);
  expect(shown).toEqual([...shown].sort((a, b) => b - a));
  expect(values.slice(shown.length).every((v) => v === "secret")).toBe(true);
});

test("on a phone the headline figures come right after the title, and the filters fold under « Filtrer » and the view in words", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto("/?famille=cooperative");
  const title = await page.getByRole("heading", { level: 1 }).boundingBox();
  const figure = await page.locator(".key-figure").first().boundingBox();
  const lead = await page.locator(".lead").boundingBox();
  expect(figure && title && lead).toBeTruthy();
  // The first figure's value is on the first screen, before the introduction.
  expect((figure?.y ?? 0) + (figure?.height ?? 0)).toBeLessThan(844);
  expect(figure?.y ?? 0).toBeLessThan(lead?.y ?? 0);
  const filters = page.getByRole("form", { name: "Filtres" });
  await expect(filters).toBeHidden();
  const toggle = page.locator(".filter-panel > summary");
  await expect(toggle).toContainText("Filtrer");
  await expect(toggle).toContainText("Famille juridique : Coopérative");
  await toggle.click();
  await expect(filters).toBeVisible();
  await expect(page.getByLabel("Famille juridique")).toHaveValue("cooperative");
  await context.close();
});

test("arrow keys in a filter apply the view once they rest: one history entry, not one per key", async ({ page }) => {
  await page.goto("/financements");
  await expect(page.locator("form.filters[data-hydrated]")).toBeAttached();
  const before = await page.evaluate(() => history.length);
  const from = page.getByLabel("Depuis");
  await from.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowDown");
  await expect(page).toHaveURL(/debut=\d{4}/);
  await expect(page.locator(".view-summary")).toContainText(`De ${await from.inputValue()} à`);
  expect(await page.evaluate(() => history.length)).toBe(before + 1);
});

test("the footer names the publisher and leads to the legal notice, the personal data page and a site map that reaches every page", async ({ page }) => {
  await page.goto("/");
  const footer = page.getByRole("contentinfo");
  await expect(footer).toContainText("Éditeur : CA du Niortais");
  for (const title of ["Mentions légales", "Données personnelles", "Plan du site"]) {
    await footer.getByRole("link", { name: title, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  }
  const listed = await page.locator("main .prose a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect([...listed].sort()).toEqual(
    PAGES.map((p) => p.path)
      .filter((path) => path !== "/plan-du-site")
      .sort(),
  );
});

test("the printable panorama of the current view fits 2 to 4 A4 pages, no block taller than a page, no table cut", async ({ page }) => {
  await page.goto("/territoire?debut=2018&famille=cooperative");
  await page.getByRole("link", { name: "Panorama imprimable" }).click();
  await expect(page).toHaveURL(/\/panorama\?debut=2018&famille=cooperative$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Panorama de l'économie sociale et solidaire — CA du Niortais");
  await expect(page.locator(".view-summary")).toContainText("De 2018 à 2025 · Toutes les communes · Famille juridique : Coopérative");
  await expect(page.getByRole("heading", { name: "Ce que comptent ces chiffres" })).toBeVisible();
  await expect(page.locator("#carte-apercu svg a")).toHaveCount(40);
  await expect(page.locator(".chart-card:not(.map-card)")).toHaveCount(3);

  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", path: "test-results/screenshots/panorama.pdf" });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(pages).toBeLessThanOrEqual(4);
  // Laid out at the width of an A4 page's content (210 − 2 × 12 mm), every block is shorter than
  // the page's content (297 − 2 × 14 mm): break-inside: avoid then keeps each on one page.
  await page.setViewportSize({ width: Math.floor((186 / 25.4) * 96), height: 1000 });
  const pageHeight = (269 / 25.4) * 96;
  const blocks = await page
    .locator(".panorama-block, .key-figures-section, .map-card, .chart-card")
    .evaluateAll((elements) =>
      elements.map((e) => ({ name: e.querySelector("h1, h2")?.textContent ?? e.className, height: e.getBoundingClientRect().height })),
    );
  expect(blocks.length).toBeGreaterThanOrEqual(7);
  for (const block of blocks) expect(block.height, block.name).toBeLessThan(pageHeight);
  for (const table of await page.locator("table").all()) {
    expect(await table.evaluate((t) => t.scrollWidth <= (t.parentElement?.clientWidth ?? 0) + 1)).toBe(true);
  }
});

test("without JavaScript the pages are complete and the filter form still works", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/territoire");
  await expect(page.locator("table").first()).toBeAttached();
  // Every chart is drawn on the server: there without a line of JavaScript, with its values.
  for (const card of await page.locator(".chart-card:not(.map-card):has(figure)").all()) {
    await expect(card.locator("svg.svg-chart")).toBeVisible();
    expect((await card.locator(".svg-chart__value").allTextContents()).length).toBeGreaterThan(0);
  }
  await page.getByLabel("Famille juridique").selectOption("cooperative");
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page).toHaveURL(/\/territoire\?.*famille=cooperative/);
  await expect(page.locator(".view-summary")).toContainText("Famille juridique : Coopérative");
  await expect(page.getByRole("table", { name: "Chiffres par commune" }).locator("tbody tr")).toHaveCount(40);
  await context.close();
});

test("a chart is one tab stop: Tab reaches it, Recharts takes over in place, arrow keys move from bar to bar", async ({ page }) => {
  await page.goto("/financements");
  const card = page.locator("#financements-par-annee-instrument");
  // Hydrated: the drawing has become focusable.
  await expect(card.locator(".chart-frame[tabindex='0']")).toBeAttached();
  // The server's drawing is there before any charting script: Recharts is not loaded yet.
  await expect(card.locator(".chart-static svg.svg-chart")).toBeVisible();
  await expect(card.locator(".recharts-surface")).toHaveCount(0);
  // From the last control of the card before it, one Tab lands on the chart.
  await page.locator("#financements-par-instrument .embed-code > summary").focus();
  await page.keyboard.press("Tab");
  await expect(card.getByRole("application")).toBeFocused();
  await expect(card.locator(".chart-static")).toBeHidden();
  const tooltip = card.locator(".recharts-tooltip-wrapper");
  await page.keyboard.press("ArrowRight");
  await expect(tooltip).toContainText(/20\d\d.*Subvention.*€/);
  const year = Number(/20\d\d/.exec((await tooltip.textContent()) ?? "")?.[0]);
  await page.keyboard.press("ArrowRight");
  await expect(tooltip).toContainText(String(year + 1));
  // The next Tab leaves the chart: no other stop inside it.
  await page.keyboard.press("Tab");
  await expect(card.locator(".chart-data > summary")).toBeFocused();

  // Down a chart of horizontal bars, ↓ goes to the next bar and ↑ back.
  const bars = page.locator("#financements-par-instrument");
  await bars.locator(".chart-frame").focus();
  await expect(bars.getByRole("application")).toBeFocused();
  const names = (await bars.locator("table tbody th").allTextContents()).map(plain);
  const barTip = bars.locator(".recharts-tooltip-wrapper");
  await page.keyboard.press("ArrowDown");
  await expect(barTip).toContainText(/Montant/);
  const tip = plain((await barTip.textContent()) ?? "");
  const at = names.findIndex((name) => tip.startsWith(`${name}Montant`));
  expect(at).toBeGreaterThanOrEqual(0);
  await page.keyboard.press("ArrowDown");
  await expect(barTip).toContainText(names[at + 1] as string);
  await page.keyboard.press("ArrowUp");
  await expect(barTip).toContainText(names[at] as string);
});

test("« Image (SVG) » and « Image (PNG) » download the chart as drawn, with its title, its values and its source", async ({ page }) => {
  await page.goto("/financements?debut=2020");
  const card = page.locator("#financements-par-instrument");
  const labels = (await card.locator(".svg-chart__value").allTextContents()).map(plain);
  expect(labels.length).toBeGreaterThan(0);
  const [svgFile] = await Promise.all([page.waitForEvent("download"), card.getByRole("button", { name: /^Image \(SVG\)/ }).click()]);
  expect(svgFile.suggestedFilename()).toBe("financements-par-instrument_2020-2025.svg");
  const svg = plain(await readFile((await svgFile.path()) as string, "utf8"));
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain("Financements par instrument");
  expect(svg).toContain("Licence Ouverte");
  expect(svg).toContain(`motif-0`);
  expect(svg).not.toContain("url(#motif-");
  for (const label of labels) expect(svg).toContain(`>${label}</text>`);
  // The file stands alone: opened by itself, it draws its bars with their patterns.
  const image = await page.context().newPage();
  await image.setContent(svg);
  await expect(image.locator("svg rect[fill^='url(#']").first()).toBeVisible();
  await image.close();

  const [pngFile] = await Promise.all([page.waitForEvent("download"), card.getByRole("button", { name: /^Image \(PNG\)/ }).click()]);
  expect(pngFile.suggestedFilename()).toBe("financements-par-instrument_2020-2025.png");
  const png = await readFile((await pngFile.path()) as string);
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  // Twice the drawing's width, for slides.
  expect(png.readUInt32BE(16)).toBe(2 * 360);
});

test("« Intégrer » gives an <iframe> of the chart with the view's filters, served lean, framable and accessible", async ({ page, request, browser }) => {
  await page.goto("/financements?debut=2020&famille=association");
  const card = page.locator("#financements-par-partenaire");
  await card.getByText("Intégrer", { exact: true }).click();
  // The code is written on the panel's toggle event, which the browser dispatches after the click.
  const code = card.getByRole("textbox", { name: /Code d'intégration/ });
  await expect(code).toHaveValue(/^<iframe src="/);
  const snippet = await code.inputValue();
  const src = /src="([^"]+)"/.exec(snippet)?.[1] as string;
  expect(new URL(src).pathname + new URL(src).search).toBe("/integrer/financements-par-partenaire?debut=2020&famille=association");

  const response = await request.get(src);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors *");
  expect(response.headers()["x-frame-options"]).toBeUndefined();
  const dashboard = await request.get("/financements");
  expect(dashboard.headers()["x-frame-options"]).toBe("DENY");

  // Framed by another page, the chart shows its values, and nothing of the site around it.
  const host = await browser.newContext();
  const hostPage = await host.newPage();
  // A partner's page on another origin (a server of the test's own, on 127.0.0.1) holds the snippet.
  const site = createServer((_, response) => {
    response.setHeader("content-type", "text/html; charset=utf-8");
    response.end(`<!doctype html><html lang="fr"><title>Partenaire</title><body>${snippet}</body></html>`);
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  const hostUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
  await hostPage.goto(hostUrl);
  const frame = hostPage.frameLocator("iframe");
  await expect(frame.getByRole("heading", { name: "Financements par partenaire" })).toBeVisible();
  await expect(frame.locator("svg.svg-chart")).toBeVisible();
  await expect(frame.getByRole("navigation")).toHaveCount(0);
  await expect(frame.locator(".chart-card")).toHaveCount(1);
  await expect(frame.getByText("Famille juridique : Coopérative")).toHaveCount(0);
  await expect(frame.getByText("Famille juridique : Association")).toBeVisible();
  await host.close();
  site.close();

  await page.goto(src);
  await expectAccessible(page, "/integrer");
  await page.screenshot({ path: "test-results/screenshots/integrer.png", fullPage: true });
  expect(await page.locator("script[src]").count()).toBeGreaterThan(0);
  expect(await page.locator("nav, footer, form").count()).toBe(0);
  // Every chart that offers the snippet has an embed; an unknown one is a 404.
  expect((await request.get("/integrer/inconnu")).status()).toBe(404);
  for (const path of ["/", "/emplois", "/incubation", "/financements", "/territoire"]) {
    await page.goto(path);
    await expect(page.locator(".embed-code").first()).toBeAttached();
    for (const id of await page.locator(".chart-card:has(.embed-code)").evaluateAll((cards) => cards.map((c) => c.id))) {
      const html = await (await request.get(`/integrer/${id}`)).text();
      expect(html, `${path} #${id}`).toMatch(new RegExp(`id="${id}"[^>]*data-embedded="true"`));
    }
  }
});

test("printing gives an A4 page with the view in words, the tables and no navigation", async ({ page }) => {
  await page.goto("/incubation?debut=2018");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeHidden();
  await expect(page.getByRole("form", { name: "Filtres" })).toBeHidden();
  await expect(page.locator(".view-summary")).toContainText(/De 2018 à 2025.*Édité le \d+/);
  await expect(page.getByRole("table", { name: "Pérennité à 3 ans des entreprises créées après incubation" })).toBeVisible();
  const pdf = await page.pdf({ format: "A4", path: "test-results/screenshots/incubation-impression.pdf" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  await page.screenshot({ path: "test-results/screenshots/incubation-impression.png", fullPage: true });
});

test("the home page's JavaScript stays under 250 kB gzipped", async ({ page }) => {
  const sizes: Promise<number>[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "script") sizes.push(r.body().then((b) => gzipSync(b).length));
  });
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  const total = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  expect(total).toBeGreaterThan(0);
  expect(total).toBeLessThan(250_000);
});
