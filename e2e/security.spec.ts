// What a researcher and an attacker meet in a browser: GraphiQL working offline from the
// project's own files, and the dashboard's security headers holding without breaking a page.
import { expect, test } from "@playwright/test";

const API = "http://localhost:4310";

test("GraphiQL loads offline from the API itself and runs the guide's first example", async ({ page }) => {
  const outside: string[] = [];
  const problems: string[] = [];
  // Every request that would leave the machine fails, as it does offline, and fails the test.
  await page.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => {
    outside.push(route.request().url());
    return route.abort();
  });
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  await page.goto(`${API}/graphql`);
  await expect(page.getByText("headlineFigures(fromYear: 2020, toYear: 2025)")).toBeVisible();
  await page.getByRole("button", { name: /Execute query/i }).click();
  await expect(page.getByText('"jobsCreated"')).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/graphiql.png" });
  expect(outside).toEqual([]);
  expect(problems).toEqual([]);
});

test("dashboard pages carry a nonce CSP, no framing, nosniff and a referrer policy", async ({ page }) => {
  const response = await page.goto("/");
  const headers = response?.headers() ?? {};
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // Every script the server wrote carries this response's nonce: none is blocked.
  const scripts = await page.locator("script").evaluateAll((nodes) => nodes.map((n) => (n as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
  // A second response has another nonce.
  const again = await page.request.get("/");
  expect(again.headers()["content-security-policy"]).not.toContain(nonce);
});
