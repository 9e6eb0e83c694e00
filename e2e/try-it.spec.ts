/**
 * Try it: sign in through the fake Google's consent screen, execute requests from the browser, and read the
 * answers (production build; Chromium goes through testing/fake-google's TLS proxy, see playwright.config.ts).
 * The token must never reach the URL, storage, history or the page's HTML.
 */
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";

import type { BrowserContext, Page } from "@playwright/test";

import { apiCalls, fakeState, resetFake } from "./fake-google";
import { expect, test, type PageProblems } from "./fixtures";

const CHANNELS = "/youtube/v3/youtube.channels.list";
mkdirSync("test-results/screenshots", { recursive: true });

async function openWorkbench(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator(".workbench[data-hydrated]")).toBeVisible();
}

function runSection(page: Page) {
  return page.locator("section.wb-run");
}

/** Clicks "Sign in…" / "Grant…" and lets the sign-in window run through the fake consent screen. */
async function signInVia(page: Page, button: RegExp, scope = runSection(page)): Promise<void> {
  const popupPromise = page.waitForEvent("popup");
  await scope.getByRole("button", { name: button }).click();
  const popup = await popupPromise;
  await popup.waitForEvent("close", { timeout: 20_000 });
}

/**
 * Google's error answers (the point of some tests) are logged by Chromium as failed resources; drop exactly
 * those from the fixture's problems.
 */
function expectApiErrors(problems: PageProblems, status: number): void {
  const isExpected = (e: string) =>
    e.startsWith(`HTTP ${status}: https://`) || e.includes(`status of ${status} `);
  expect(problems.errors.some(isExpected)).toBe(true);
  problems.errors.splice(0, problems.errors.length, ...problems.errors.filter((e) => !isExpected(e)));
}

const FAKE_API_KEY = "AIzaFakeApiKey-for-tests-000000000000";

async function useApiKey(page: Page): Promise<void> {
  await page.getByRole("radio", { name: "API key" }).check();
  await runSection(page).getByLabel("API key").fill(FAKE_API_KEY);
}

/** Everything the browser keeps for this origin, as one string. */
async function browserState(page: Page, context: BrowserContext): Promise<string> {
  const storage = await page.evaluate(() => {
    const dump = (s: Storage) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`);
    return [...dump(localStorage), ...dump(sessionStorage)].join("\n");
  });
  const cookies = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("\n");
  const historyState = await page.evaluate(() => JSON.stringify(window.history.state));
  return [page.url(), storage, cookies, historyState, await page.content()].join("\n");
}

test.describe("try it", () => {
  test.beforeEach(async () => {
    await resetFake();
  });

  test("sign in (PKCE + state) → GET → response; the token stays out of URL, storage, history and HTML", async ({
    page,
    context,
  }) => {
    await openWorkbench(page, CHANNELS);
    await page.locator("#rf-part").fill("snippet");
    await page.locator("#rf-mine").selectOption("true");

    await signInVia(page, /^Sign in with Google$/);
    await expect(page.getByTestId("signed-in")).toContainText("Signed in as tester@example.com");
    await expect(page.getByTestId("signed-in")).toContainText("Granted: youtube.readonly");

    const state = await fakeState();
    const grant = state.grants.at(-1)!;
    expect(grant.codeChallengeMethod).toBe("S256");
    expect(grant.state).toBeTruthy();
    expect(grant.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/auth\/callback$/);
    const token = state.issuedTokens.at(-1)!;
    expect(token).toMatchObject({ pkce: "S256", codeVerifierSent: true, clientAuth: "client_secret_post" });

    await runSection(page).getByRole("button", { name: "Execute GET" }).click();
    await expect(page.getByTestId("response-status")).toContainText("200");
    await expect(page.getByTestId("json-tree")).toContainText('"kind": "fake#response"');
    await page.screenshot({ path: "test-results/screenshots/try-it-response.png" });

    const [call] = await apiCalls();
    expect(call?.url).toBe("https://youtube.googleapis.com/youtube/v3/channels?part=snippet&mine=true");
    expect(call?.headers.authorization).toBe(`Bearer ${token.accessToken}`);
    // Exactly the previewed request: same URL, and the preview names the token only as a placeholder.
    await expect(page.getByTestId("request-preview")).toContainText(`GET ${call?.url} HTTP/1.1`);
    await expect(page.getByTestId("request-preview")).toContainText("authorization: Bearer {ACCESS_TOKEN}");

    // Let the URL and history catch up, then look everywhere the browser keeps things.
    await page.waitForTimeout(1_000);
    const kept = await browserState(page, context);
    expect(kept).toContain("mine"); // the request itself is in the URL/history …
    expect(kept).not.toContain(token.accessToken); // … the token is not
    expect(state.problems).toEqual([]);
  });

  test("POST asks first, then sends the exact body; 403 names the missing scope; granting more keeps the sign-in", async ({
    page,
    problems,
  }) => {
    await openWorkbench(page, CHANNELS);
    await signInVia(page, /^Sign in with Google$/);
    await expect(page.getByTestId("signed-in")).toContainText("youtube.readonly");

    // Client-side navigation keeps the in-memory sign-in.
    await page
      .getByRole("navigation", { name: /breadcrumb/i })
      .getByRole("link", { name: /YouTube/ })
      .click();
    await page.locator(`a[href="/youtube/v3/youtube.playlists.insert"]`).first().click();
    await expect(page).toHaveURL(/youtube\.playlists\.insert/);
    await expect(page.locator(".workbench[data-hydrated]")).toBeVisible();
    await expect(page.getByTestId("signed-in")).toContainText("tester@example.com");

    await page.locator("#rf-part").fill("snippet");
    const body = '{"snippet":{"title":"Road trip 🚗","description":"quotes \\" and \\\\ backslashes"}}';
    const editor = page.getByTestId("body-editor").locator(".monaco-editor");
    await expect(editor).toBeVisible();
    await editor.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText(body);
    // Monaco auto-closes quotes and brackets as text arrives: drop whatever it added after the cursor.
    await page.keyboard.press("Shift+ControlOrMeta+End");
    await page.keyboard.press("Delete");
    await expect(page.getByTestId("request-preview")).toContainText("Road trip 🚗");

    // The token lacks a write scope: the run is refused by Google with 403.
    await runSection(page).getByRole("button", { name: "Execute POST" }).click();
    const dialog = page.getByRole("dialog", { name: /Run POST youtube\.playlists\.insert\?/ });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Run POST" }).click();
    await expect(page.getByTestId("response-status")).toContainText("403");
    await expect(page.getByTestId("response-explanation")).toContainText("Your token was granted:");
    await expect(page.getByTestId("response-explanation")).toContainText("youtube.readonly");
    expectApiErrors(problems, 403);

    // Grant the missing scope without signing out (incremental), then run again: confirmed, exact body.
    await signInVia(page, /^Grant /, page.getByTestId("response"));
    await expect(page.getByTestId("signed-in")).toContainText(/Granted: .*youtube\b/);
    await expect(page.getByTestId("signed-in")).toContainText("youtube.readonly");
    const grants = (await fakeState()).grants;
    expect(grants.at(-1)?.scope).toContain("https://www.googleapis.com/auth/youtube.readonly");

    await runSection(page).getByRole("button", { name: "Execute POST" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("dialog")).toBeHidden();
    const before = (await apiCalls()).length;
    await runSection(page).getByRole("button", { name: "Execute POST" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Run POST" }).click();
    await expect(page.getByTestId("response-status")).toContainText("200");
    const calls = await apiCalls();
    expect(calls.length).toBe(before + 1); // Cancel sent nothing
    const sent = calls.at(-1)!;
    expect(sent.method).toBe("POST");
    expect(sent.body).toBe(JSON.stringify(JSON.parse(body)));
    const preview = (await page.getByTestId("request-preview").textContent()) ?? "";
    expect(preview).toContain(`\n\n${sent.body as string}`);
  });

  test("sign-out revokes the token; a revoked token is explained as 401", async ({ page, problems }) => {
    await openWorkbench(page, `${CHANNELS}`);
    await page.locator("#rf-part").fill("id");
    await signInVia(page, /^Sign in with Google$/);
    const token = (await fakeState()).issuedTokens.at(-1)!.accessToken;

    await runSection(page).getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByTestId("auth-notice")).toHaveText("Signed out; Google revoked the token.");
    expect((await fakeState()).revokedTokens).toEqual([token]);
    await expect(page.getByTestId("signed-in")).toHaveCount(0);

    // Paste the revoked token: Google (the fake) answers 401, and the page says what to do.
    await runSection(page).getByText("Paste an access token instead").click();
    await runSection(page).getByLabel("Access token").fill(token);
    await runSection(page).getByRole("button", { name: "Execute GET" }).click();
    await expect(page.getByTestId("response-status")).toContainText("401");
    await expect(page.getByTestId("response-explanation")).toContainText("Sign in again");
    const call = (await apiCalls()).at(-1);
    expect(call?.headers.authorization).toBe(`Bearer ${token}`);
    expect(await page.content()).not.toContain(token);
    expectApiErrors(problems, 401);
  });

  test("API key: sent in the x-goog-api-key header, never the URL; kept in the tab only when asked", async ({
    page,
    context,
  }) => {
    await openWorkbench(page, CHANNELS);
    await page.locator("#rf-part").fill("snippet");
    await page
      .locator("#rf-id")
      .fill("UC_x5XG1OV2P6uZZ5FSM9Ttw")
      .catch(async () => {
        await page.locator("#rf-id-0").fill("UC_x5XG1OV2P6uZZ5FSM9Ttw");
      });
    await page.getByRole("radio", { name: "API key" }).check();
    const key = "AIzaFakeApiKey-for-tests-000000000000";
    await runSection(page).getByLabel("API key").fill(key);
    await runSection(page).getByRole("button", { name: "Execute GET" }).click();
    await expect(page.getByTestId("response-status")).toContainText("200");
    const call = (await apiCalls()).at(-1)!;
    expect(call.headers["x-goog-api-key"]).toBe(key);
    expect(call.url).not.toContain(key);
    expect(await browserState(page, context)).not.toContain(key);

    // Opt in: the key survives a reload of this tab (sessionStorage), and nothing else holds it.
    await runSection(page)
      .getByLabel(/Keep the key in this tab/)
      .check();
    await page.reload();
    await expect(page.locator(".workbench[data-hydrated]")).toBeVisible();
    await expect(runSection(page).getByLabel("API key")).toHaveValue(key);
    const kept = await page.evaluate(() => ({
      session: sessionStorage.getItem("explorer-api-key"),
      local: JSON.stringify(localStorage),
    }));
    expect(kept.session).toBe(key);
    expect(kept.local).not.toContain(key);
    expect(page.url()).not.toContain(key);
  });

  test("a network/CORS failure is explained and points to the cURL tab", async ({ page, problems }) => {
    await openWorkbench(page, "/youtube/v3/youtube.search.list");
    await page.locator("#rf-part").fill("snippet");
    await page.getByRole("radio", { name: "None" }).check();
    await runSection(page).getByRole("button", { name: "Execute GET" }).click();
    await expect(page.getByTestId("response-status")).toContainText(
      "The browser could not complete the request to youtube.googleapis.com",
    );
    await expect(page.getByTestId("response-explanation")).toContainText("CORS");
    await runSection(page).getByRole("button", { name: "Show the cURL command" }).click();
    await expect(page.getByRole("tab", { name: "cURL" })).toHaveAttribute("aria-selected", "true");
    // Chromium logs the blocked request itself as a console error.
    problems.errors.splice(
      0,
      problems.errors.length,
      ...problems.errors.filter((e) => !/CORS|Failed to load|net::ERR_FAILED/.test(e)),
    );
  });

  test("media: upload sends the picked file's bytes; download offers the bytes as a file", async ({
    page,
  }) => {
    await openWorkbench(page, "/drive/v3/drive.files.create");
    await useApiKey(page);
    await page.locator('input[type="file"]#ti-file-input').setInputFiles({
      name: "notes.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("hello from the explorer\n"),
    });
    await expect(page.getByTestId("request-preview")).toContainText("uploadType=");
    await runSection(page).getByRole("button", { name: "Execute POST" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Run POST" }).click();
    await expect(page.getByTestId("response-status")).toContainText("200");
    const up = (await apiCalls()).at(-1)!;
    expect(up.path).toBe("/upload/drive/v3/files");
    const media = up.upload!.parts.at(-1)!;
    expect(Buffer.from(media.base64, "base64").toString()).toBe("hello from the explorer\n");

    await openWorkbench(page, "/drive/v3/drive.files.get");
    await useApiKey(page);
    await page.locator("#rf-fileId").fill("file-123");
    await page.getByText(/^More/).first().click();
    await page.locator("#rf-alt").selectOption("media");
    await runSection(page).getByRole("button", { name: "Execute GET" }).click();
    await expect(page.getByTestId("response-binary")).toContainText("application/pdf");
    const downloadPromise = page.waitForEvent("download");
    await page.getByTestId("download-response").click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe("drive.files.get.pdf");
  });

  test("without a configured OAuth client everything else works and the page says how to configure sign-in", async ({
    page,
    problems,
  }) => {
    const base = process.env.E2E_NO_AUTH_BASE!;
    await openWorkbench(page, `${base}${CHANNELS}`);
    await expect(page.getByTestId("sign-in-unavailable")).toContainText("EXPLORER_OAUTH_CLIENT_ID");
    await expect(runSection(page).getByRole("button", { name: /Sign in/ })).toHaveCount(0);
    await page.locator("#rf-part").fill("snippet");
    await expect(page.getByTestId("code-panel")).toBeVisible();
    await runSection(page).getByText("Paste an access token instead").click();
    await runSection(page).getByLabel("Access token").fill("ya29.pasted-but-unknown");
    await runSection(page).getByRole("button", { name: "Execute GET" }).click();
    await expect(page.getByTestId("response-status")).toContainText("401");
    expectApiErrors(problems, 401);
  });
});

test.describe("security headers", () => {
  test("every page has a strict CSP, no framing, and the hostile document runs no script", async ({
    page,
    request,
    problems,
  }) => {
    for (const path of ["/", "/hostile/v1", "/hostile/v1/hostile.items.list", CHANNELS, "/?q=drive"]) {
      const res = await request.get(path);
      const csp = res.headers()["content-security-policy"] ?? "";
      // Per request: a nonce and 'strict-dynamic'. A cached page (lib/page-cache): its inline scripts' hashes.
      expect(csp, path).toMatch(
        /script-src 'self' ('nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'|('sha256-[\w+/]{43}=' ?)+)(;|$)/,
      );
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("connect-src 'self' https://*.googleapis.com");
      expect(csp).not.toContain("unsafe-inline' 'nonce"); // no inline-script escape hatch
      expect(csp).not.toContain("unsafe-inline' 'sha256");
      expect(res.headers()["x-content-type-options"]).toBe("nosniff");
      expect(res.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      // Every inline script the page brings is allowed by this response's policy, and nothing more.
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [tag, attributes = "", text = ""] of scripts) {
        if (nonce !== undefined) expect(tag, path).toContain(`nonce="${nonce}"`);
        else if (!/\ssrc=/.test(attributes))
          expect(csp, path).toContain(`'sha256-${createHash("sha256").update(text).digest("base64")}'`);
      }
    }
    // A script the page did not bring (as an XSS would) is blocked by the policy.
    await page.goto("/hostile/v1/hostile.items.list");
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { __injected?: boolean };
      const div = document.createElement("div");
      div.innerHTML = '<img src="x-broken:" onerror="window.__injected = true">';
      document.body.appendChild(div);
      await new Promise((r) => setTimeout(r, 300));
      return w.__injected === true;
    });
    expect(ran).toBe(false);
    // The blocked attempt is reported by Chromium as a CSP console error: that is the expected outcome.
    const cspErrors = problems.errors.filter((e) => /Content Security Policy/.test(e));
    expect(cspErrors.length).toBeGreaterThan(0);
    problems.errors.splice(
      0,
      problems.errors.length,
      ...problems.errors.filter((e) => !/Content Security Policy/.test(e)),
    );
  });
});
