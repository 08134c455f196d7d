import { expect, test } from "@playwright/test";

const API = "http://localhost:4310";

test("the home page shows the four headline figures of the API, each named for what it counts, in French", async ({ page, request }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  const api = await request.post(`${API}/graphql`, {
    data: { query: "{ headlineFigures { jobsCreated enterprisesIncubated fundingAmount } indicators(groupBy: []) { enterprisesCreated } }" },
  });
  const { headlineFigures: h, indicators } = (await api.json()).data;

  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vue d'ensemble");
  const figures = page.getByRole("region", { name: "Chiffres clés" });
  const nbsp = (n: string) => n.replace(/[\u202f\u00a0]/g, " ");
  await expect(figures).toContainText("Emplois créés");
  const text = nbsp(await figures.innerText());
  expect(text).toContain(new Intl.NumberFormat("fr-FR").format(h.jobsCreated).replace(/\u202f/g, " "));
  expect(text).toContain(`Projets entrés en incubation\n${h.enterprisesIncubated}`);
  expect(text).toContain(`Entreprises créées\n${indicators[0].enterprisesCreated}`);
  expect(text).toContain(`${nbsp(new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 }).format(Number(h.fundingAmount)))} €`);
  await expect(page.getByRole("note")).toContainText("Données de démonstration");
  expect(errors).toEqual([]);
  await page.screenshot({ path: "test-results/screenshots/accueil-bureau.png", fullPage: true });
});

test("the figures are in the HTML the server sends, before any JavaScript runs", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Chiffres clés" }).getByRole("definition")).toHaveCount(4);
  await context.close();
});

test("the API reports its database", async ({ request }) => {
  const response = await request.get(`${API}/healthz`);
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: process.env.DATABASE_URL ? "postgresql" : "pglite" });
});
