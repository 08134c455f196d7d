import { expect, test } from "@playwright/test";

const API = "http://localhost:4310";

test("the open-data page lists every dataset with working downloads, and the SCDL deadline report", async ({ page, request }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto("/donnees-ouvertes");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Données ouvertes");
  await expect(page.getByRole("link", { name: "Licence Ouverte / Open Licence version 2.0" })).toBeVisible();

  const datasets = page.locator(".dataset");
  await expect(datasets).toHaveCount(9);
  const fundings = datasets.filter({ hasText: "Financements des partenaires" });
  const response = await request.get((await fundings.getByRole("link", { name: /^CSV —/ }).getAttribute("href")) as string);
  expect(response.status()).toBe(200);
  expect((await response.text()).split("\n")[0]).toMatch(/^id,funder_id,/);
  // The file Excel France opens with a double click: BOM, semicolons.
  const excel = await request.get((await fundings.getByRole("link", { name: /^CSV pour Excel —/ }).getAttribute("href")) as string);
  expect((await excel.body()).subarray(0, 3).toString("hex")).toBe("efbbbf");
  expect((await excel.text()).split("\r\n")[0]).toMatch(/^\uFEFF?id;funder_id;/);

  // The SIRENE register, with the extract it comes from on each row.
  const register = datasets.filter({ hasText: "Établissements de l'ESS du territoire (Sirene)" });
  const registerCsv = await (await request.get((await register.getByRole("link", { name: /^CSV —/ }).getAttribute("href")) as string)).text();
  const [header, first] = registerCsv.split(/\r?\n/);
  expect(header).toMatch(/^siret,siren,name,establishment_name,commune_code,/);
  expect(first).toMatch(
    /,(Données de démonstration \(générées par l'Observatoire ESS\)|"Sirene \(Insee\), Licence Ouverte 2\.0, extrait du \d{4}-\d{2}-\d{2}")$/,
  );

  const report = page.getByRole("table", { name: /Subventions de 23 000 € ou plus par attribuant/ });
  await expect(report.getByRole("row")).not.toHaveCount(1);
  await expect(report).toContainText("Communauté d'agglomération du Niortais");
  expect(errors).toEqual([]);
  await page.screenshot({ path: "test-results/screenshots/donnees-ouvertes-bureau.png", fullPage: true });
});

test("the open-data page gives a citation of the latest version, and the version's frozen files", async ({ page, request }) => {
  // The API takes the first version just after it starts.
  await expect.poll(async () => ((await (await request.get(`${API}/opendata/versions.json`)).json()) as { latest: number | null }).latest).toBe(1);
  await page.goto("/donnees-ouvertes");
  const cite = page.getByRole("region", { name: "Citer les données" });
  await expect(cite.locator("blockquote")).toContainText(/\(version 1 du \d{4}-\d{2}-\d{2}\) \[jeu de données\]/);
  await expect(cite.locator("blockquote")).toContainText(`${API}/opendata/v/1/datapackage.json`);
  const bibtex = await request.get((await cite.getByRole("link", { name: "BibTeX" }).getAttribute("href")) as string);
  expect(await bibtex.text()).toMatch(/^@misc\{observatoire_ess_niortais_v1,/);
  const frozen = await request.get((await cite.getByRole("link", { name: "Fichiers de la version 1" }).getAttribute("href")) as string);
  const pkg = (await frozen.json()) as { version: string; resources: Array<{ name: string; path: string }> };
  expect(pkg.version).toBe("1");
  const fundings = await request.get(pkg.resources.find((r) => r.name === "fundings")?.path ?? "");
  expect(fundings.status()).toBe(200);
  expect(fundings.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  await expect(cite.getByRole("table")).toContainText(/Financements des partenaires : [\d\u202f ]+ ajoutées/);
});
