import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests against the PRODUCTION build (`next build` must have run: scripts/test.sh does it) with the
 * Discovery source pointed at the local fake Google (testing/discovery-server), so no test touches the network.
 * Debian's Chromium (Playwright cannot download browsers here).
 */
const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
const DISCOVERY_PORT = Number(process.env.E2E_DISCOVERY_PORT ?? 3190);
const DISCOVERY_BASE = `http://127.0.0.1:${DISCOVERY_PORT}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  // One retry in CI, reported as "flaky" in the closing summary (never silently green).
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    viewport: { width: 1366, height: 900 },
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1366, height: 900 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: `npx tsx testing/discovery-server/main.ts --port ${DISCOVERY_PORT}`,
      url: `${DISCOVERY_BASE}/healthz`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: "pipe",
    },
    {
      command: `npx next start -p ${APP_PORT} -H 127.0.0.1`,
      url: `http://127.0.0.1:${APP_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      env: { EXPLORER_DISCOVERY_SOURCE: DISCOVERY_BASE, NEXT_TELEMETRY_DISABLED: "1" },
    },
  ],
});
