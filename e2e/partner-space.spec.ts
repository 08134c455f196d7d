// The partner space as partners use it, in a browser: an editor enters and imports, finds exactly
// her drafts on her home, submits them all; the coordination reviews, confirms and publishes; the
// figures reach the dashboard, the API and the open data. Then a rejection loop, a failing API,
// and the same forms without JavaScript.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeFixtureFiles } from "@oess/sirene/fixtures";
import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "./axe";

const API = "http://localhost:4310";
const FAULTS = "http://127.0.0.1:4311/__fault";
const PASSWORD = "demo-niort-2026";
const EDITOR = "editrice@agglo-niort.example";
const ADMIN = "coordination@elan-niortais.example";
const stamp = Date.now().toString(36).toUpperCase();

/** A valid SIRET (Luhn-checked, as the SIREN inside it) that no other test uses. */
function freshSiret(seed: number): string {
  const luhn = (body: string) => {
    for (let d = 0; d <= 9; d++) {
      const digits = `${body}${d}`;
      let sum = 0;
      for (let i = 0; i < digits.length; i++) {
        let n = Number(digits[digits.length - 1 - i]);
        if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
        sum += n;
      }
      if (sum % 10 === 0) return `${body}${d}`;
    }
    throw new Error("unreachable");
  };
  return luhn(`${luhn(`9${String(seed % 1e7).padStart(7, "0")}`)}0001`);
}

async function signIn(page: Page, email: string, next = "/espace-partenaire") {
  await page.goto(`/connexion?suite=${encodeURIComponent(next)}`);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL((url) => url.pathname === next);
}

/** The labels of the records a list shows, after checking that it shows them all. */
async function listed(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  const table = page.getByRole("table", { name: "Fiches non publiées" });
  if ((await table.count()) === 0) return [];
  const labels = await table.locator("tbody th[scope=row]").allTextContents();
  await expect(page.locator(".list-position")).toHaveText(new RegExp(`sur ${labels.length}$`));
  return labels;
}

async function anonymous<T>(request: import("@playwright/test").APIRequestContext, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = await (await request.post(`${API}/graphql`, { data: { query, variables } })).json();
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** A form field by its label, which ends with « * » when the field is required. */
const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label.replace(/[()]/g, "\\$&")}( \\*)?$`));

async function fill(page: Page, fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields)) await field(page, label).fill(value);
}

test("a wrong password is refused with a clear message, the address kept", async ({ page }) => {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(EDITOR);
  await page.getByLabel("Mot de passe").fill("pas le bon mot de passe");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.locator(".form-error")).toHaveText("Adresse e-mail ou mot de passe incorrect.");
  await expect(page.getByLabel("Adresse e-mail")).toHaveValue(EDITOR);
});

test("the whole loop: enter, import, the home lists exactly these drafts, submit all, confirm and publish, public everywhere", async ({ browser, request }) => {
  test.setTimeout(150_000);
  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, EDITOR);
  await expect(editor.getByText("Bonjour Élise Éditrice (CAN). Éditeur·rice pour CA du Niortais.")).toBeVisible();
  const draftsBefore = await listed(editor, "/espace-partenaire?statut=brouillon");
  const can = (
    await anonymous<{ partners: { edges: Array<{ node: { databaseId: string } }> } }>(
      request,
      `{ partners(where: { slug: { equals: "can" } }) { edges { node { databaseId } } } }`,
    )
  ).partners.edges[0]?.node.databaseId;
  const fundingOfCan = async () =>
    Number(
      (
        await anonymous<{ indicators: Array<{ fundingAmount: string }> }>(
          request,
          `query ($p: [String!]) { indicators(groupBy: [], where: { partnerIds: $p }) { fundingAmount } }`,
          { p: [can] },
        )
      ).indicators[0]?.fundingAmount ?? 0,
    );
  const fundingBefore = await fundingOfCan();

  // An enterprise, with a mistake first: the message sits next to its field and what was typed stays.
  const name = `Coopérative d'essai ${stamp}`;
  const siret = freshSiret(Date.now());
  await editor.getByRole("link", { name: "Entreprise : nouvelle fiche" }).click();
  await fill(editor, {
    "Nom (raison sociale)": name,
    SIRET: "12345678901234",
    "Catégorie juridique INSEE": "5458",
    "Code NAF (APE)": "88.99B",
    Source: "Saisie e2e",
    Millésime: "2025",
  });
  await editor.getByLabel("Famille juridique").selectOption({ label: "Association" });
  await field(editor, "Commune").selectOption({ label: "Niort" });
  await editor.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(editor.locator(".form-error")).toContainText("La saisie comporte 3 erreurs");
  await expect(editor.locator("#champ-siret-erreur")).toBeVisible();
  // A Scop's legal category does not make an association: the family's and the kind's fields say so.
  await expect(editor.locator("#champ-legalFamily-erreur")).toContainText("5458 (SARL coopérative ouvrière de production (SCOP))");
  await expect(editor.locator("#champ-cooperativeKind-erreur")).toContainText("celle d'une Scop");
  await expect(editor.getByLabel("Nom (raison sociale)")).toHaveValue(name);
  await expectAccessible(editor, "nouvelle fiche (erreurs)");
  await editor.getByLabel("SIRET").fill(siret);
  await editor.getByLabel("Catégorie juridique INSEE").fill("9220");
  await editor.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(editor.getByRole("status")).toHaveText("Brouillon enregistré.");
  await expect(editor.locator(".status-line .status")).toHaveText("Brouillon");
  await expect(editor.getByText("9220 — Association déclarée")).toBeVisible();

  // Its jobs of the year, the enterprise found by the picker's search.
  await editor.goto("/espace-partenaire/fiches/emplois/nouvelle");
  await editor.getByLabel("Rechercher par nom").fill(stamp);
  const enterprise = field(editor, "Entreprise");
  await expect(enterprise.locator("option", { hasText: name })).toHaveText(`${name}, Niort (SIRET ${siret}) — non publiée`);
  await enterprise.selectOption({ label: `${name}, Niort (SIRET ${siret}) — non publiée` });
  await fill(editor, { Année: "2025", "Emplois créés": "3", "Équivalents temps plein": "2,5", Source: "Saisie e2e", Millésime: "2025" });
  await editor.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(editor.getByRole("status")).toHaveText("Brouillon enregistré.");
  await expect(editor.locator(".record-fields")).toContainText("2,5");

  // Fundings imported from a file: the preview shows the rows as read, the enterprise matched
  // with its SIRET and commune, and the defaults it applies.
  await editor.goto("/espace-partenaire/import");
  await editor.getByLabel("Contenu du fichier").selectOption("FUNDINGS");
  const csv = [
    "financeur;beneficiaire_siret;montant;annee;date_decision;instrument;objet;reference_decision;date_convention",
    `can;${siret};12 500,50;2025;15/03/2025;subvention;Aide au démarrage;E2E-${stamp}-1;01/04/2025`,
    `can;${siret};3000;2025;2025-05-20;prêt;Prêt d'honneur;E2E-${stamp}-2;`,
  ].join("\n");
  await editor.getByLabel("Fichier CSV ou XLSX").setInputFiles({ name: "financements.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await editor.getByRole("button", { name: "Prévisualiser" }).click();
  const preview = editor.getByRole("table", { name: /Les lignes telles qu'elles ont été lues/ });
  const first = preview.getByRole("row").filter({ hasText: `E2E-${stamp}-1` });
  await expect(first).toContainText("à créer");
  await expect(first).toContainText(`${name}, Niort (SIRET ${siret})`);
  await expect(first).toContainText(/12\s500,50\s€/);
  await expect(first).toContainText("15 mars 2025");
  await expect(first).toContainText("aide en numéraire (par défaut)");
  await expect(first).toContainText("unique (par défaut)");
  await expectAccessible(editor, "import (aperçu)");
  await editor.screenshot({ path: "test-results/screenshots/partenaire-import-apercu-bureau.png", fullPage: true });
  await editor.getByRole("button", { name: "Importer 2 lignes" }).click();
  await expect(editor.getByRole("heading", { name: "Import terminé" })).toBeVisible();

  // The home lists exactly the drafts there were, and these four.
  const ours = [name, `${name} — 3 emplois en 2025`, `${name} — 12 500,50 € (CA du Niortais, 2025)`, `${name} — 3 000 € (CA du Niortais, 2025)`];
  const plain = (labels: string[]) => labels.map((l) => l.replace(/[\u202f\u00a0]/g, " ")).sort();
  expect(plain(await listed(editor, "/espace-partenaire?statut=brouillon"))).toEqual(plain([...draftsBefore, ...ours]));
  await editor.goto("/espace-partenaire");
  const submitAll = editor.getByRole("button", { name: /^Soumettre tout \((\d+)\) : les brouillons de CA du Niortais$/ });
  await expect(submitAll).toHaveText(`Soumettre tout (${draftsBefore.length + 4}) : les brouillons de CA du Niortais`);
  await submitAll.click();
  await expect(editor.getByRole("status").filter({ hasText: "soumis pour relecture" })).toHaveText(
    `${draftsBefore.length + 4} brouillons de CA du Niortais soumis pour relecture.`,
  );
  expect(await listed(editor, "/espace-partenaire?statut=brouillon")).toEqual([]);

  // The coordination: the queue by organisation, a confirmation that lists what becomes public.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, ADMIN, "/espace-partenaire/relecture");
  const row = admin.getByRole("row", { name: /^CA du Niortais/ });
  await row.getByRole("link", { name: /^Tout publier/ }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Tout publier pour CA du Niortais ?");
  for (const label of ours) await expect(admin.getByRole("row").filter({ hasText: label }).first()).toContainText("devient publique");
  await expectAccessible(admin, "relecture/publier");
  await admin.getByRole("button", { name: /^Confirmer : publier/ }).click();
  await expect(admin.getByRole("status").first()).toContainText(/fiches? publiées?/);

  // Public: the API, the open data and the dashboard carry the new figures.
  const found = await anonymous<{ enterprises: { edges: Array<{ node: { name: string } }> } }>(
    request,
    `query ($n: String!) { enterprises(where: { name: { contains: $n } }) { edges { node { name } } } }`,
    { n: stamp },
  );
  expect(found.enterprises.edges.map((e) => e.node.name)).toEqual([name]);
  // Its own jobs stay with signed-in partners (statistical confidentiality): refused anonymously, given to the coordination.
  const JOBS = `query ($n: String!) { enterprises(where: { name: { contains: $n } }) { edges { node { jobRecords { edges { node { jobsCreated } } } } } } }`;
  const refused = await (await request.post(`${API}/graphql`, { data: { query: JOBS, variables: { n: stamp } } })).json();
  expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "STATISTICAL_SECRECY" });
  const given = await (await admin.request.post(`${API}/graphql`, { data: { query: JOBS, variables: { n: stamp } } })).json();
  expect(
    given.data.enterprises.edges.map((e: { node: { jobRecords: { edges: Array<{ node: { jobsCreated: number } }> } } }) =>
      e.node.jobRecords.edges.map((j) => j.node.jobsCreated),
    ),
  ).toEqual([[3]]);
  const openData = await (await request.get(`${API}/opendata/fundings.csv?partner=can`)).text();
  expect(openData).toContain(`E2E-${stamp}-1`);
  expect(openData).toContain(`E2E-${stamp}-2`);
  const fundingAfter = await fundingOfCan();
  expect(fundingAfter - fundingBefore).toBeGreaterThanOrEqual(15_500.5);
  const anonymousPage = await (await browser.newContext()).newPage();
  await anonymousPage.goto("/financements?partenaire=can");
  const spaces = (text: string | null) => (text ?? "").replace(/[\u202f\u00a0]/g, " ");
  const euros = spaces(new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(fundingAfter));
  // The chart's table (folded under the chart) has the partner's new total.
  const partnerRow = anonymousPage.locator("#financements-par-partenaire tr").filter({ hasText: /^CA du Niortais/ });
  await expect.poll(async () => spaces(await partnerRow.textContent())).toContain(euros);

  // The partner's home no longer lists them.
  const after = await listed(editor, "/espace-partenaire");
  for (const label of ours) expect(plain(after)).not.toContain(plain([label])[0]);
});

test("a rejection loop: the reason reaches the partner's home, the record is corrected and submitted again", async ({ browser }) => {
  test.setTimeout(90_000);
  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, EDITOR);
  await editor.goto("/espace-partenaire/fiches/entreprise/nouvelle");
  const name = `Association à corriger ${stamp}`;
  await fill(editor, { "Nom (raison sociale)": name, "Code NAF (APE)": "94.99Z", Source: "Saisie e2e", Millésime: "2025" });
  await editor.getByLabel("Famille juridique").selectOption({ label: "Association" });
  await field(editor, "Commune").selectOption({ label: "Niort" });
  await editor.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(editor.getByRole("status")).toHaveText("Brouillon enregistré.");
  const recordUrl = editor.url().replace(/\?.*$/, "");
  await editor.getByRole("button", { name: "Soumettre pour relecture" }).click();
  await expect(editor.locator(".status-line .status")).toHaveText("Soumis");

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, ADMIN, new URL(recordUrl).pathname);
  await admin.getByLabel("Raison du rejet (visible par l'organisation)").fill("Code NAF à vérifier : 88.99B ?");
  await admin.getByRole("button", { name: "Rejeter" }).click();
  await expect(admin.locator(".status-line .status")).toHaveText("Rejeté");

  await editor.goto("/espace-partenaire?statut=rejete");
  await expect(editor.getByRole("row").filter({ hasText: name })).toContainText("Raison du rejet : Code NAF à vérifier : 88.99B ?");
  await editor.getByRole("link", { name }).click();
  await editor.getByRole("link", { name: "Modifier" }).click();
  await editor.getByLabel("Code NAF (APE)").fill("88.99B");
  await editor.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(editor.getByRole("status")).toHaveText("Modifications enregistrées.");
  await expect(editor.locator(".history")).toContainText("Code NAF (APE) : 94.99Z → 88.99B");
  await editor.getByRole("button", { name: "Soumettre pour relecture" }).click();
  await expect(editor.locator(".status-line .status")).toHaveText("Soumis");
  await editor.goto("/espace-partenaire?statut=rejete");
  await expect(editor.getByRole("row").filter({ hasText: name })).toHaveCount(0);
});

test("a failed API call shows an error with « Réessayer », never an empty list", async ({ page, request }) => {
  await signIn(page, EDITOR);
  await expect(page.getByRole("table", { name: "Fiches non publiées" })).toBeVisible();
  await request.post(FAULTS, { data: { operation: "Worklist" } });
  try {
    await page.goto("/espace-partenaire");
    await expect(page.getByRole("alert").filter({ hasText: "Vos fiches" })).toContainText("Vos fiches n'ont pas pu être chargé·es");
    await expect(page.getByText("Aucune fiche")).toHaveCount(0);
    await page.screenshot({ path: "test-results/screenshots/espace-partenaire-erreur-bureau.png", fullPage: true });
  } finally {
    await request.post(FAULTS, { data: { operation: "Worklist", fail: false } });
  }
  await page.getByRole("link", { name: "Réessayer" }).click();
  await expect(page.getByRole("table", { name: "Fiches non publiées" })).toBeVisible();
});

test("without JavaScript: sign in, a refused form keeps what was typed, create a record, submit it", async ({ browser }) => {
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(page, EDITOR);
  await page.getByRole("link", { name: "Entreprise : nouvelle fiche" }).click();
  const name = `Sans JavaScript ${stamp}`;
  await fill(page, { "Nom (raison sociale)": name, "Code NAF (APE)": "88.99B", SIRET: "123", Source: "Saisie sans JS", Millésime: "2025" });
  await page.getByLabel("Famille juridique").selectOption({ label: "Association" });
  await field(page, "Commune").selectOption({ label: "Niort" });
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page.locator("#champ-siret-erreur")).toBeVisible();
  await expect(page.getByLabel("Nom (raison sociale)")).toHaveValue(name);
  await page.getByLabel("SIRET").fill("");
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page.getByRole("status")).toHaveText("Brouillon enregistré.");
  await page.getByRole("button", { name: "Soumettre pour relecture" }).click();
  await expect(page.locator(".status-line .status")).toHaveText("Soumis");
  await page.goto("/espace-partenaire?statut=soumis");
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Soumis");
});

test("the import page's templates are importable as they come, and old links lead to today's pages", async ({ browser, request }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, EDITOR);
  const published = await anonymous<{ enterprises: { edges: Array<{ node: { siret: string | null; id: string; databaseId: string } }> } }>(
    request,
    `{ enterprises(first: 20) { edges { node { id databaseId siret } } } }`,
  );
  const enterprise = published.enterprises.edges.map((e) => e.node).find((e) => e.siret !== null);
  const siret = enterprise?.siret ?? "";
  // The CSV template, with a real SIRET in its example row, previews without a problem.
  const template = await page.request.get("/espace-partenaire/import/modeles/modele-financements.csv");
  expect(template.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const text = (await template.text()).replace("79829012300016", siret).replace("DEL-2025-042", `TPL-${stamp}`);
  await page.goto("/espace-partenaire/import");
  await page.getByLabel("Contenu du fichier").selectOption("FUNDINGS");
  await page.getByLabel("Fichier CSV ou XLSX").setInputFiles({ name: "modele.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
  await page.getByRole("button", { name: "Prévisualiser" }).click();
  await expect(page.getByRole("heading", { name: "Aperçu de l'import" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Importer 1 ligne" })).toBeVisible();
  // The XLSX template: every column is recognised; only its example SIRET is unknown here.
  const xlsx = await page.request.get("/espace-partenaire/import/modeles/modele-emplois.xlsx");
  await page.getByLabel("Contenu du fichier").selectOption("JOBS");
  await page.getByLabel("Fichier CSV ou XLSX").setInputFiles({ name: "modele.xlsx", mimeType: "application/octet-stream", buffer: await xlsx.body() });
  await page.getByRole("button", { name: "Prévisualiser" }).click();
  const row = page.getByRole("row").filter({ hasText: "en erreur" });
  await expect(row).toContainText("Aucune entreprise connue");
  await expect(page.getByText("Colonne manquante")).toHaveCount(0);
  // The allowed values name the funders by the short names the files use.
  expect(await (await page.request.get("/espace-partenaire/import/modeles/valeurs-autorisees.csv")).text()).toContain("financements;financeur;can;");
  // A link of the first partner space.
  await page.goto(`/espace-partenaire/fiche?id=${encodeURIComponent(enterprise?.id ?? "")}`);
  expect(new URL(page.url()).pathname).toBe(`/espace-partenaire/fiches/entreprise/${enterprise?.databaseId}`);
});

const VIEWPORTS = [
  { name: "bureau", width: 1280, height: 900 },
  { name: "telephone", width: 390, height: 844 },
];

for (const viewport of VIEWPORTS) {
  test(`every partner page passes axe (WCAG 2.1 A/AA) — ${viewport.name}`, async ({ browser }) => {
    test.setTimeout(150_000);
    const page = await (await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } })).newPage();
    await page.goto("/connexion");
    await expectAccessible(page, "/connexion");
    await signIn(page, ADMIN);
    const record = await page.getByRole("table", { name: "Fiches non publiées" }).locator("tbody th a").first().getAttribute("href");
    await page.goto("/espace-partenaire/relecture");
    const confirm = await page
      .getByRole("link", { name: /^Tout publier/ })
      .first()
      .getAttribute("href");
    const pages: Array<[string, string | null]> = [
      ["espace-partenaire", "/espace-partenaire"],
      ["fiche", record],
      ["fiche-modifier", `${record}/modifier`],
      ["nouvelle-fiche-financement", "/espace-partenaire/fiches/financement/nouvelle"],
      ["import", "/espace-partenaire/import"],
      ["relecture", "/espace-partenaire/relecture"],
      ["tout-publier", confirm],
      ["administration", "/espace-partenaire/administration"],
      ["registre", "/espace-partenaire/registre"],
    ];
    for (const [name, path] of pages) {
      expect(path, name).not.toBeNull();
      await page.goto(path ?? "");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page, path ?? name);
      await page.screenshot({ path: `test-results/screenshots/partenaire-${name}-${viewport.name}.png`, fullPage: true });
    }
  });
}

test("the coordination imports a SIRENE extract from its page; « L'ESS du territoire » shows the register's figures; the enterprise form knows SIRENE", async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-sirene-"));
  const files = writeFixtureFiles(dir);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, ADMIN, "/espace-partenaire/registre");
  await page.getByLabel("StockUniteLegale (.csv ou .zip)").setInputFiles(files.units);
  await page.getByLabel("StockEtablissement (.csv ou .zip)").setInputFiles(files.establishments);
  await page.getByLabel(/^Date de l'extrait/).fill("2026-11-01");
  await page.getByRole("button", { name: "Envoyer et importer" }).click();
  // The page follows the import by itself (it reloads while the import runs) until it ends.
  await expect(page.getByRole("heading", { name: "Dernier import lancé : terminé" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/6 établissements ; 6 ajoutés, 0 modifiés, [\d\s]+ retirés\./)).toBeVisible();
  await expect(
    page
      .getByRole("table", { name: /Imports du registre Sirene/ })
      .locator("tbody tr")
      .first(),
  ).toContainText("1 novembre 2026");
  rmSync(dir, { recursive: true, force: true });

  // The dashboard's page says what the register holds.
  const { state, byCommune } = await anonymous<{
    state: Array<{ active: boolean; establishments: number }>;
    byCommune: Array<{ communeName: string; establishments: number }>;
  }>(
    request,
    `{ state: registerAggregates(groupBy: [ACTIVE]) { active establishments } byCommune: registerAggregates(groupBy: [COMMUNE], where: { active: true }) { communeName establishments } }`,
  );
  const open = state.find((s) => s.active)?.establishments ?? 0;
  await page.goto("/ess-du-territoire");
  await expect(page.locator('[data-figure="etablissements-ess"] .key-figure__value')).toHaveText(String(open));
  await expect(page.locator('[data-figure="etablissements-ess"]')).toContainText("extrait du 1 novembre 2026");
  const table = page.locator("#etablissements-ess-par-commune table");
  const rows = await table.locator("tbody tr").evaluateAll((trs) =>
    trs.map((tr) =>
      Array.from(tr.children)
        .slice(0, 2)
        .map((td) => td.textContent?.trim()),
    ),
  );
  expect(rows).toEqual(byCommune.sort((a, b) => b.establishments - a.establishments).map((c) => [c.communeName, String(c.establishments)]));

  // Typing a SIRET SIRENE knows fills what the form left empty, and says where it differs.
  await page.goto("/espace-partenaire/fiches/entreprise/nouvelle");
  await field(page, "Code NAF (APE)").fill("94.99Z");
  await field(page, "SIRET").fill("111 111 111 00012");
  await field(page, "SIRET").press("Tab");
  const suggestion = page.locator(".sirene-suggestion");
  await expect(suggestion).toContainText(
    'Cette entreprise est connue de SIRENE : Association "Le Lien", Niort, Niort, catégorie juridique 9220 (Association déclarée), NAF 88.99B.',
  );
  await expect(suggestion).toContainText("Champs pré-remplis : nom, catégorie juridique, commune, date de création.");
  await expect(suggestion).toContainText("À vérifier, SIRENE indique autre chose — code NAF : 88.99B.");
  await expect(field(page, "Catégorie juridique INSEE")).toHaveValue("9220");
  await expect(field(page, "Commune")).toHaveValue("79191");
  await expect(field(page, "Code NAF (APE)")).toHaveValue("94.99Z");
});
