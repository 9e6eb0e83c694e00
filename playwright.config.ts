import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests against the PRODUCTION build (`next build` must have run: scripts/test.sh does it) with the
 * Discovery source pointed at the local fake Google (testing/discovery-server), so no test touches the network.
 * Debian's Chromium (Playwright cannot download browsers here).
 */
const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
const DISCOVERY_PORT = Number(process.env.E2E_DISCOVERY_PORT ?? 3190);
const DISCOVERY_BASE = `http://127.0.0.1:${DISCOVERY_PORT}`;
/** The same build without sign-in configured (the "explorer still works fully" journey). */
const APP_NO_AUTH_PORT = Number(process.env.E2E_APP_NO_AUTH_PORT ?? APP_PORT + 1);
/** testing/fake-google/main.ts: the TLS proxy Chromium goes through, and its control/endpoint port. */
const FAKE_GOOGLE_PORT = Number(process.env.E2E_FAKE_GOOGLE_PORT ?? 3191);
const FAKE_CONTROL_PORT = Number(process.env.E2E_FAKE_CONTROL_PORT ?? FAKE_GOOGLE_PORT + 1);
const FAKE_CONTROL = `http://127.0.0.1:${FAKE_CONTROL_PORT}`;
// For the specs (e2e/fake-google.ts reads them).
process.env.E2E_FAKE_CONTROL = FAKE_CONTROL;
process.env.E2E_NO_AUTH_BASE = `http://127.0.0.1:${APP_NO_AUTH_PORT}`;
// Live documents are fetched again after 1 s, so a revision change (e2e/page-cache.spec.ts) shows at once.
const APP_ENV = {
  EXPLORER_DISCOVERY_SOURCE: DISCOVERY_BASE,
  EXPLORER_DOCUMENT_TTL_MS: "1000",
  NEXT_TELEMETRY_DISABLED: "1",
};

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
    // Google is the fake: every non-loopback request goes through its TLS proxy, whose certificates this
    // browser accepts (the app itself is on loopback, which bypasses the proxy).
    proxy: { server: `http://127.0.0.1:${FAKE_GOOGLE_PORT}`, bypass: "127.0.0.1,localhost" },
    ignoreHTTPSErrors: true,
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
      command: `npx tsx testing/fake-google/main.ts --port ${FAKE_GOOGLE_PORT} --control-port ${FAKE_CONTROL_PORT}`,
      url: `${FAKE_CONTROL}/healthz`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: "pipe",
    },
    {
      command: `npx next start -p ${APP_PORT} -H 127.0.0.1`,
      url: `http://127.0.0.1:${APP_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      // Sign-in against the fake: the browser meets the (proxied) default endpoints, the server exchanges and
      // revokes tokens through the fake's loopback endpoints.
      env: {
        ...APP_ENV,
        EXPLORER_OAUTH_CLIENT_ID: "1234567890-fakeclient.apps.googleusercontent.com",
        EXPLORER_OAUTH_CLIENT_SECRET: "GOCSPX-fake-client-secret",
        EXPLORER_OAUTH_TOKEN_ENDPOINT: `${FAKE_CONTROL}/token`,
        EXPLORER_OAUTH_REVOCATION_ENDPOINT: `${FAKE_CONTROL}/revoke`,
      },
    },
    {
      command: `npx next start -p ${APP_NO_AUTH_PORT} -H 127.0.0.1`,
      url: `http://127.0.0.1:${APP_NO_AUTH_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      // Only the sign-in-less journey runs here: no need to build a second search index.
      env: { ...APP_ENV, EXPLORER_WARM_SEARCH_INDEX: "0" },
    },
  ],
});
