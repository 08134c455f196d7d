// The collaboration flow in a browser: an editor enters a funding and imports a file, the PTCE's
// coordination reviews and publishes, and the funding reaches the open data.
import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "./axe";

const API = "http://localhost:4310";
const PASSWORD = "demo-niort-2026";
const reference = `E2E-${Date.now()}`;

async function signIn(page: Page, email: string) {
  await page.goto("/connexion");
  await expect(page.locator("form[data-hydrated]")).toBeAttached();
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Espace partenaire" })).toBeVisible();
}

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/connexion");
  await expect(page.locator("form[data-hydrated]")).toBeAttached();
  await page.getByLabel("Adresse e-mail").fill("editrice@agglo-niort.example");
  await page.getByLabel("Mot de passe").fill("pas le bon mot de passe");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.locator(".form-error")).toHaveText("Adresse e-mail ou mot de passe incorrect.");
});

test("enter, import, submit, review, publish: the funding reaches the open data", async ({ browser, request }) => {
  test.setTimeout(90_000);
  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, "editrice@agglo-niort.example");
  await expect(editor.getByText("Bonjour Élise Éditrice (CAN).")).toBeVisible();
  await expectAccessible(editor, "/espace-partenaire");
  await editor.screenshot({ path: "test-results/screenshots/espace-partenaire-bureau.png", fullPage: true });

  // A funding, entered with a mistake first: the message sits next to its field.
  await editor.getByRole("link", { name: "Financement : nouvelle saisie" }).click();
  await editor.getByLabel("Financeur").selectOption({ label: "CA du Niortais" });
  await editor.getByLabel("Rechercher par nom").fill("a");
  const beneficiary = editor.getByLabel("Entreprise bénéficiaire");
  await expect(beneficiary.locator("option").nth(1)).toBeAttached();
  const chosen = (await beneficiary.locator("option").filter({ hasText: "SIRET", hasNotText: "non publiée" }).first().textContent()) ?? "";
  await beneficiary.selectOption({ label: chosen });
  await editor.getByLabel("Montant (€)").fill("25 000,555 €");
  await editor.getByLabel("Exercice").fill("2025");
  await editor.getByLabel("Date de décision").fill("2025-06-12");
  await editor.getByLabel("Instrument").selectOption({ label: "Prêt" });
  await editor.getByLabel("Objet").fill("Prêt d'amorçage");
  await editor.getByLabel("Référence de la décision").fill(reference);
  await editor.getByLabel("Source").fill("Convention CAN");
  await editor.getByLabel("Millésime").fill("2025");
  await editor.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(editor.locator(".form-error")).toContainText("La saisie comporte 1 erreur");
  await expect(editor.locator("#champ-amount-erreur")).toHaveText("Montant en euros attendu, avec au plus 2 décimales et un point (ex. 15000.50).");
  await expectAccessible(editor, "/espace-partenaire/saisie (with errors)");
  await editor.screenshot({ path: "test-results/screenshots/saisie-erreurs-bureau.png", fullPage: true });
  await editor.getByLabel("Montant (€)").fill("25 000 €");
  await editor.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(editor.locator(".status")).toHaveText("Brouillon");
  await editor.getByRole("button", { name: "Soumettre pour relecture" }).click();
  await expect(editor.locator(".status")).toHaveText("Soumis");
  await expect(editor.getByRole("heading", { name: "Historique" })).toBeVisible();
  await expect(editor.locator(".history")).toContainText("Soumission pour relecture par Élise Éditrice (CAN)");

  // An import: a faulty row stops everything; corrected, the file goes in.
  await editor.goto("/espace-partenaire/import");
  const siret = chosen.match(/SIRET (\d{14})/)?.[1] as string;
  const file = (rows: string) => ({ name: "emplois.csv", mimeType: "text/csv", buffer: Buffer.from(`siret;annee;emplois_crees;etp\n${rows}`) });
  await editor.getByLabel("Fichier CSV ou XLSX").setInputFiles(file(`${siret};2031;2;1,5\n${siret};2032;2;3\n`));
  await editor.getByRole("button", { name: "Prévisualiser" }).click();
  await expect(editor.getByRole("table", { name: /Lignes en erreur/ })).toContainText(
    "Les équivalents temps plein ne peuvent dépasser le nombre d'emplois créés.",
  );
  await editor.getByLabel("Fichier CSV ou XLSX").setInputFiles(file(`${siret};2031;2;1,5\n${siret};2032;2;2\n`));
  await editor.getByRole("button", { name: "Prévisualiser" }).click();
  await editor.getByRole("button", { name: "Importer 2 lignes" }).click();
  await expect(editor.getByRole("heading", { name: "Import terminé" })).toBeVisible();
  await expectAccessible(editor, "/espace-partenaire/import");
  await editor.screenshot({ path: "test-results/screenshots/import-bureau.png", fullPage: true });
  // The home lists the imported drafts, and offers to submit them.
  await editor.goto("/espace-partenaire");
  const inProgress = editor.getByRole("table", { name: "Brouillons, records soumis et rejetés" });
  await expect(inProgress.getByRole("row").filter({ hasText: "emplois en 2031" })).toContainText("Brouillon");
  await expect(inProgress.getByRole("row").filter({ hasText: "emplois en 2032" })).toContainText("Brouillon");
  await expect(editor.getByRole("button", { name: /^Soumettre les \d+ brouillon\(s\) de CA du Niortais$/ })).toBeVisible();

  // The coordination reviews and publishes.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "coordination@elan-niortais.example");
  await admin
    .getByRole("table")
    .filter({ hasText: "Soumis le" })
    .getByRole("link", { name: /25\s000\s€/ })
    .first()
    .click();
  await admin.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(admin.locator(".status")).toHaveText("Publié");
  await expectAccessible(admin, "/espace-partenaire/fiche");
  await admin.screenshot({ path: "test-results/screenshots/fiche-publiee-bureau.png", fullPage: true });

  // The coordination manages accounts: a new partner account, with a role.
  await admin.goto("/espace-partenaire/administration");
  const email = `nouvelle.${Date.now()}@region.example`;
  await admin.getByLabel("Nom").fill("Nadia Nouvelle (Région)");
  await admin.getByLabel("Adresse e-mail").fill(email);
  await admin.getByLabel(/Mot de passe initial/).fill("court");
  await admin.getByRole("button", { name: "Créer le compte" }).click();
  await expect(admin.locator("#compte-password-erreur")).toHaveText("Le mot de passe doit compter au moins 12 caractères.");
  await admin.getByLabel(/Mot de passe initial/).fill("un mot de passe assez long");
  await admin.getByRole("button", { name: "Créer le compte" }).click();
  await expect(admin.getByRole("status")).toHaveText("Compte créé : donnez-lui maintenant un rôle.");
  await admin.getByLabel("Personne", { exact: true }).selectOption({ label: "Nadia Nouvelle (Région)" });
  await admin.getByLabel("Organisation", { exact: true }).selectOption({ label: "Région N.-A." });
  await admin.getByLabel("Rôle", { exact: true }).selectOption({ label: "Contributeur" });
  await admin.getByRole("button", { name: "Enregistrer le rôle" }).click();
  await expect(admin.getByRole("row", { name: /Nadia Nouvelle/ })).toContainText("Contributeur · Région N.-A.");
  await expect(admin.getByRole("table", { name: /dernières modifications/ })).toContainText("Rôle donné");
  await expectAccessible(admin, "/espace-partenaire/administration");
  await admin.screenshot({ path: "test-results/screenshots/administration-bureau.png", fullPage: true });

  // Public: the open data has it.
  const csv = await (await request.get(`${API}/opendata/fundings.csv?partner=can`)).text();
  expect(csv).toContain(reference);
});
