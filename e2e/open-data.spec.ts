import { expect, test } from "@playwright/test";

test("the open-data page lists every dataset with working downloads, and the SCDL deadline report", async ({ page, request }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto("/donnees-ouvertes");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Données ouvertes");
  await expect(page.getByRole("link", { name: "Licence Ouverte / Open Licence version 2.0" })).toBeVisible();

  const datasets = page.locator(".dataset");
  await expect(datasets).toHaveCount(7);
  const fundings = datasets.filter({ hasText: "Financements des partenaires" });
  const response = await request.get((await fundings.getByRole("link", { name: /^CSV —/ }).getAttribute("href")) as string);
  expect(response.status()).toBe(200);
  expect((await response.text()).split("\n")[0]).toMatch(/^id,funder_id,/);
  // The file Excel France opens with a double click: BOM, semicolons.
  const excel = await request.get((await fundings.getByRole("link", { name: /^CSV pour Excel —/ }).getAttribute("href")) as string);
  expect((await excel.body()).subarray(0, 3).toString("hex")).toBe("efbbbf");
  expect((await excel.text()).split("\r\n")[0]).toMatch(/^\uFEFF?id;funder_id;/);

  const report = page.getByRole("table", { name: /Subventions de 23 000 € ou plus par attribuant/ });
  await expect(report.getByRole("row")).not.toHaveCount(1);
  await expect(report).toContainText("Communauté d'agglomération du Niortais");
  expect(errors).toEqual([]);
  await page.screenshot({ path: "test-results/screenshots/donnees-ouvertes-bureau.png", fullPage: true });
});
