/**
 * The code panel and the body editor on a method page (production build, fake Discovery server):
 * Monaco renders from the app's own origin (no CDN: every request is recorded and anything that is not
 * same-origin is blocked and fails the test), tabs switch languages, Copy and "Download project" work, and the
 * body editor validates against the request schema and autocompletes its properties.
 */
import { mkdirSync, readFileSync } from "node:fs";

import type { BrowserContext, Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";

import { expect, test } from "./fixtures";

const SCREENSHOTS = "test-results/screenshots";
mkdirSync(SCREENSHOTS, { recursive: true });

interface Traffic {
  readonly all: string[];
  readonly foreign: string[];
}

/** Records every request the page (and its workers) makes and aborts any that leave the app's origin. */
async function recordTraffic(page: Page, context: BrowserContext, baseURL: string): Promise<Traffic> {
  const origin = new URL(baseURL).origin;
  const traffic: Traffic = { all: [], foreign: [] };
  const isLocal = (raw: string) => {
    if (raw.startsWith("data:")) return true;
    try {
      return new URL(raw).origin === origin; // blob:http://127.0.0.1:3100/… has the page's origin too
    } catch {
      return false;
    }
  };
  page.on("request", (r) => {
    traffic.all.push(r.url());
    if (!isLocal(r.url())) traffic.foreign.push(r.url());
  });
  await context.route(
    (url) => !isLocal(url.toString()),
    async (route) => {
      traffic.foreign.push(route.request().url());
      await route.abort("blockedbyclient");
    },
  );
  return traffic;
}

/**
 * The text Monaco shows in `scope`: visible lines only (Monaco virtualises the rest) with spaces as U+00A0 → use
 * for short text and the top of a snippet; `snippetText` reads a whole snippet.
 */
async function editorText(scope: ReturnType<Page["locator"]>): Promise<string> {
  const text = await scope.locator(".view-lines").first().innerText();
  return text.replace(/\u00a0/g, " ");
}

/** The whole current snippet, through the panel's Copy button and the clipboard. */
async function snippetText(page: Page): Promise<string> {
  await page
    .getByTestId("code-panel")
    .getByRole("button", { name: /^Cop(y|ied)$/ })
    .click();
  return page.evaluate(() => navigator.clipboard.readText());
}

test.describe("code panel and body editor", () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
  });

  test("Monaco is local: tabs, copy, options, download project, no request leaves the origin", async ({
    page,
    context,
    baseURL,
  }) => {
    const traffic = await recordTraffic(page, context, baseURL!);
    await page.goto("/drive/v3/drive.files.create");

    const panel = page.getByTestId("code-panel");
    const code = panel.getByTestId("code-panel-code");
    await expect(code.locator(".monaco-editor")).toBeVisible();
    await expect(panel.getByRole("tab")).toHaveText(["TypeScript", "Python", "cURL", "HTTP"]);
    await expect(panel.getByRole("tab", { name: "TypeScript" })).toHaveAttribute("aria-selected", "true");
    // Syntax colours: Monaco's tokenizer produced coloured token spans.
    await expect(code.locator(".view-lines span[class*='mtk']").nth(5)).toBeVisible();
    await expect.poll(() => editorText(code)).toContain("from 'googleapis'");

    const tabsAndMarkers: [string, string][] = [
      ["Python", "from googleapiclient"],
      ["cURL", "curl --request POST"],
      ["HTTP", "HTTP/1.1"],
      ["TypeScript", "// drive.files.create: POST"],
    ];
    for (const [tab, marker] of tabsAndMarkers) {
      await panel.getByRole("tab", { name: tab }).click();
      await expect(panel.getByRole("tab", { name: tab })).toHaveAttribute("aria-selected", "true");
      await expect.poll(() => editorText(code), { message: tab }).toContain(marker);
    }

    // Options that apply: token caching for OAuth in TypeScript/Python, not for cURL.
    const cache = panel.getByRole("checkbox", { name: /Cache token/ });
    await cache.check();
    await expect.poll(() => snippetText(page)).toContain("token.json");
    await panel.getByRole("tab", { name: "cURL" }).click();
    await expect(cache).toHaveCount(0);
    await panel.getByRole("tab", { name: "Python" }).click();
    await expect(panel.getByRole("checkbox", { name: /Cache token/ })).toBeChecked();

    // Copy: the clipboard gets the whole snippet, and the button says so.
    await panel.getByRole("button", { name: /^Cop(y|ied)$/ }).click();
    await expect(panel.getByRole("button", { name: "Copied" })).toBeVisible();
    await expect(panel.getByRole("status")).toHaveText("Copied to the clipboard.");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^# drive\.files\.create: POST /);
    expect(copied).toContain("InstalledAppFlow.from_client_secrets_file");
    expect(copied).toContain("token.json");

    // Download project: a zip with the snippet, requirements.txt, README and .gitignore.
    const downloading = page.waitForEvent("download");
    await panel.getByRole("button", { name: "Download project" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("drive-files-create-python.zip");
    const files = unzipSync(readFileSync((await download.path())!));
    const dir = "drive-files-create-python";
    expect(Object.keys(files).sort()).toEqual(
      [".gitignore", "README.md", "requirements.txt", "snippet.py"].map((f) => `${dir}/${f}`).sort(),
    );
    expect(strFromU8(files[`${dir}/snippet.py`]!)).toBe(copied.endsWith("\n") ? copied : `${copied}\n`);
    expect(strFromU8(files[`${dir}/requirements.txt`]!)).toBe(
      "google-api-python-client>=2.201,<3\ngoogle-auth-oauthlib>=1.5,<2\n",
    );
    const readme = strFromU8(files[`${dir}/README.md`]!);
    expect(readme).toContain("OAuth client ID");
    expect(readme).toContain("Desktop app");
    expect(readme).toContain("credentials.json");

    await panel.screenshot({ path: `${SCREENSHOTS}/code-panel.png` });

    expect(traffic.foreign, "no request may leave the app's origin (no CDN)").toEqual([]);
    expect(traffic.all.some((u) => /\/_next\/static\//.test(u))).toBe(true);
  });

  test("body editor: schema marker for a wrong-typed field, property completion, skeleton, live code", async ({
    page,
    context,
    baseURL,
  }) => {
    const traffic = await recordTraffic(page, context, baseURL!);
    await page.goto("/drive/v3/drive.files.create");
    const body = page.getByTestId("body-editor");
    const editor = body.locator(".monaco-editor");
    await expect(editor).toBeVisible();
    const code = page.getByTestId("code-panel-code");
    await expect(code.locator(".monaco-editor")).toBeVisible();

    // A wrong-typed field: `starred` is a boolean in drive's File schema.
    await editor.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText('{"starred": "yes"}');
    // Monaco auto-closes quotes and brackets as text arrives: drop whatever it added after the cursor.
    await page.keyboard.press("Shift+ControlOrMeta+End");
    await page.keyboard.press("Delete");
    await expect(body.getByTestId("body-problems")).toContainText('Incorrect type. Expected "boolean"');
    await expect(editor.locator(".squiggly-error")).not.toHaveCount(0);
    await body.screenshot({ path: `${SCREENSHOTS}/body-editor-schema-error.png` });
    // Never blocks: the text stays as typed, and the code panel follows it live.
    await expect.poll(() => editorText(body)).toBe('{"starred": "yes"}');
    await expect(body.getByTestId("body-problems")).not.toContainText("Unexpected");
    await expect.poll(() => snippetText(page)).toContain("starred: 'yes'");

    // Completion from the schema (the Copy click above took the focus: click back into the editor).
    await editor.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText('{\n  "mimeT');
    await page.keyboard.press("Control+Space");
    const suggest = page.locator(".suggest-widget");
    await expect(suggest).toBeVisible();
    await expect(suggest.locator(".monaco-list-row", { hasText: "mimeType" }).first()).toBeVisible();
    await page.keyboard.press("Enter");
    await expect.poll(() => editorText(body)).toContain('"mimeType"');

    // Insert skeleton into an empty editor.
    await editor.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Delete");
    await body.getByRole("button", { name: "Insert skeleton" }).click();
    await expect.poll(() => editorText(body)).toContain('"parents": []');
    await expect.poll(() => snippetText(page)).toContain("parents: []");

    await page.screenshot({ path: `${SCREENSHOTS}/body-editor.png`, fullPage: false });
    expect(traffic.foreign, "no request may leave the app's origin (no CDN)").toEqual([]);
  });

  test("body schema unavailable: the editor says so, checks plain JSON, and editing goes on", async ({
    page,
    problems,
  }) => {
    await page.route("**/api/body-schema/**", (route) =>
      route.fulfill({
        status: 502,
        contentType: "application/json",
        body: JSON.stringify({ error: "The document could not be loaded: upstream timed out" }),
      }),
    );
    await page.goto("/drive/v3/drive.files.create");
    const body = page.getByTestId("body-editor");
    const editor = body.locator(".monaco-editor");
    await expect(editor).toBeVisible();
    await expect(body.getByTestId("body-problems")).toContainText(
      "The body's schema could not be loaded (The document could not be loaded: upstream timed out): only JSON syntax is checked.",
    );
    // No schema: a wrong-typed field is not flagged, broken JSON still is, and the code follows the text.
    await editor.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText('{"starred": "yes"}');
    await page.keyboard.press("Shift+ControlOrMeta+End");
    await page.keyboard.press("Delete");
    await expect.poll(() => snippetText(page)).toContain("starred: 'yes'");
    await expect(body.getByTestId("body-problems")).not.toContainText("Incorrect type");
    await editor.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText('{"starred": }');
    // (Monaco may auto-close the quote, adding a second syntax problem: only the first is asserted.)
    await expect(body.getByTestId("body-problems")).toContainText("Line 1, column 13: Value expected");
    // The refused schema request is the only failure (the fixture fails on any other).
    const rest = problems.errors.filter((e) => !/api\/body-schema|status of 502/.test(e));
    problems.errors.splice(0, problems.errors.length, ...rest);
  });

  test("options follow the method: All pages for pageable methods, Download to file for media", async ({
    page,
  }) => {
    await page.goto("/drive/v3/drive.files.list");
    const panel = page.getByTestId("code-panel");
    const code = panel.getByTestId("code-panel-code");
    await expect(code.locator(".monaco-editor")).toBeVisible();
    await expect(panel.getByRole("checkbox", { name: "Download to file" })).toHaveCount(0);
    await panel.getByRole("checkbox", { name: "All pages" }).check();
    await expect.poll(() => snippetText(page)).toContain("pageToken");

    await page.goto("/drive/v3/drive.files.get");
    await expect(code.locator(".monaco-editor")).toBeVisible();
    await expect(panel.getByRole("checkbox", { name: "All pages" })).toHaveCount(0);
    await panel.getByRole("checkbox", { name: "Download to file" }).check();
    await expect(panel.getByRole("textbox", { name: "File to save the download to" })).toHaveValue(
      "download.bin",
    );
    await expect.poll(() => snippetText(page)).toContain("download.bin");
  });

  test("the directory page loads no editor", async ({ page }) => {
    const scripts: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "script" || r.url().endsWith(".ttf")) scripts.push(r.url());
    });
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Google APIs" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(await page.locator(".monaco-editor").count()).toBe(0);
    expect(scripts.filter((u) => u.endsWith(".ttf"))).toEqual([]);
  });
});
