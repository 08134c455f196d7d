// The API dies during a council's preparation: the dashboard stays up and says so (503, in
// French, « Réessayer »), the launcher starts the API again, and the page comes back by itself.
import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";

const API = "http://localhost:4310";

test("the API killed: the dashboard answers 503 in French, the API is restarted, the page recovers", async ({ page, request }) => {
  test.setTimeout(90_000);
  await page.goto("/emplois");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Emplois");

  // The API process, killed as a crash would (an API of this checkout started by hand would be
  // killed too, and started again by its own launcher).
  execFileSync("pkill", ["-KILL", "-f", "apps/api/dist/main.mjs"]);
  let outage: { status: number; text: string; retryAfter: string | null } | null = null;
  for (let i = 0; i < 40 && !outage; i++) {
    const response = await request.get("/emplois");
    if (response.status() === 503) outage = { status: 503, text: await response.text(), retryAfter: response.headers()["retry-after"] ?? null };
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(outage?.text).toContain("Les chiffres sont momentanément indisponibles");
  expect(outage?.text).toContain("Réessayer maintenant");
  expect(outage?.retryAfter).toBe("5");

  // The open page, reloaded while the API is away, shows the same; then comes back on its own.
  await page.reload();
  await page.screenshot({ path: "test-results/screenshots/indisponible-bureau.png" });
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Emplois", { timeout: 60_000 });
  expect((await request.get(`${API}/healthz`)).status()).toBe(200);
});
