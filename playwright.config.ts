// End-to-end tests drive the product as `npm start` runs it, on its own ports and its own
// embedded database (or on DATABASE_URL's PostgreSQL when set), in Debian's Chromium.
import { defineConfig } from "@playwright/test";

const apiPort = 4310;
const webPort = 3310;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${webPort}`,
    browserName: "chromium",
    // A failure that shows only on a loaded CI machine keeps what the browser saw, to be read.
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "tsx e2e/serve.ts",
    url: `http://localhost:${webPort}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { API_PORT: String(apiPort), PORT: String(webPort) },
    // SIGTERM (not Playwright's default SIGKILL) lets e2e/serve.ts remove its data.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
