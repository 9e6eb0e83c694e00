/**
 * The request workbench on a method page (production build, fake Discovery server): each field kind, inline
 * validation, the live HTTP preview and code, the URL holding the whole request across reloads, share links,
 * and history. No key or token may ever reach a URL.
 */
import { mkdirSync } from "node:fs";

import type { Page } from "@playwright/test";

import { expect, holdRequests, test } from "./fixtures";

mkdirSync("test-results/screenshots", { recursive: true });

const CHANNELS = "/youtube/v3/youtube.channels.list";
/** The page's own scripts (held back to look at the page before it hydrates). */
const SCRIPTS = /\/_next\/static\/.+\.js$/;

/** Most tests type after hydration ("input made before hydration" covers typing before it). */
async function openWorkbench(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator(".workbench[data-hydrated]")).toBeVisible();
}

async function copiedCode(page: Page): Promise<string> {
  await page
    .getByTestId("code-panel")
    .getByRole("button", { name: /^(Copy|Copied)$/ })
    .click();
  return page.evaluate(() => navigator.clipboard.readText());
}

/** The JSON inside the URL's share state (`r=1.<base64url>`), for waiting on the debounced URL update. */
function urlRequestJson(url: string): string {
  const r = new URL(url).searchParams.get("r") ?? "";
  return Buffer.from(r.replace(/^1\./, ""), "base64url").toString("utf8");
}

function expectNoSecrets(url: string): void {
  expect(url).not.toMatch(/key=|access_token|oauth_token/);
}

test.describe("request workbench", () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
  });

  test("youtube.channels.list: fill, validate, preview + code, reload, share, history", async ({
    page,
    context,
  }) => {
    await openWorkbench(page, CHANNELS);
    const form = page.getByRole("form", { name: "Request for youtube.channels.list" });
    const preview = page.getByTestId("request-preview");

    // Repeated list: two values.
    await form.locator("#rf-part").fill("snippet");
    await form.getByRole("button", { name: "+ Add part" }).click();
    await form.locator("#rf-part-1").fill("statistics");
    // Boolean tri-state.
    await expect(form.locator("#rf-mine option")).toHaveText(["(not set)", "true", "false"]);
    await form.locator("#rf-mine").selectOption("true");
    // Integer with a range: out of range shows an inline error, the typed text stays.
    const max = form.locator("#rf-maxResults");
    await max.fill("100");
    await expect(max).toHaveAttribute("aria-invalid", "true");
    const errorId = (await max.getAttribute("aria-describedby"))!.split(" ")[0]!;
    await expect(page.locator(`[id="${errorId}"]`)).toHaveText('"maxResults" must be at most 50 (got 100).');
    await expect(max).toHaveValue("100");
    await expect(preview).toContainText("maxResults=100");
    await max.fill("5");
    await expect(max).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.locator(`[id="${errorId}"]`)).toHaveText("");

    await expect(preview).toContainText(
      "GET https://youtube.googleapis.com/youtube/v3/channels?part=snippet&part=statistics&maxResults=5&mine=true",
    );
    await expect(preview).toContainText("authorization: Bearer {ACCESS_TOKEN}");
    // The suggested (narrowest) scope is preselected.
    const readonlyScope = page.getByRole("checkbox", { name: /youtube\.readonly/ });
    await expect(readonlyScope).toBeChecked();

    // Code follows, in every language; switching tabs loses nothing.
    await page.getByRole("tab", { name: "Python" }).click();
    await expect.poll(() => copiedCode(page)).toContain("mine=True");
    const python = await copiedCode(page);
    expect(python).toContain('part=["snippet", "statistics"]');
    expect(python).toContain("maxResults=5");
    await page.getByRole("tab", { name: "cURL" }).click();
    await expect
      .poll(() => copiedCode(page))
      .toContain("part=snippet&part=statistics&maxResults=5&mine=true");
    await page.getByRole("tab", { name: "Python" }).click();
    await expect(form.locator("#rf-maxResults")).toHaveValue("5");

    // The URL holds everything (debounced replaceState); reload restores it exactly.
    await expect(page).toHaveURL(/\?r=1\.[\w-]+&lang=python$/);
    const stateUrl = page.url();
    expectNoSecrets(stateUrl);
    await page.reload();
    await expect(page.locator(".workbench[data-hydrated]")).toBeVisible();
    await expect(form.locator("#rf-part")).toHaveValue("snippet");
    await expect(form.locator("#rf-part-1")).toHaveValue("statistics");
    await expect(form.locator("#rf-mine")).toHaveValue("true");
    await expect(form.locator("#rf-maxResults")).toHaveValue("5");
    await expect(page.getByRole("tab", { name: "Python" })).toHaveAttribute("aria-selected", "true");
    await expect(preview).toContainText("part=snippet&part=statistics&maxResults=5&mine=true");
    expect(page.url()).toBe(stateUrl);

    // Share → a new page restores the same request.
    await page.getByRole("button", { name: "Share" }).click();
    const link = await page.locator("#share-link").inputValue();
    expectNoSecrets(link);
    expect(new URL(link).search).toBe(new URL(stateUrl).search);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    const other = await context.newPage();
    await openWorkbench(other, link);
    await expect(other.locator("#rf-part")).toHaveValue("snippet");
    await expect(other.locator("#rf-part-1")).toHaveValue("statistics");
    await expect(other.locator("#rf-mine")).toHaveValue("true");
    await expect(other.locator("#rf-maxResults")).toHaveValue("5");

    // History (shared localStorage): edit in the new page, then restore the first request from the list.
    await other.locator("#rf-maxResults").fill("9");
    const history = other.getByTestId("history-list");
    await expect(history.getByRole("button")).toHaveCount(2);
    await expect(history.getByRole("button").first()).toContainText("maxResults=9");
    const first = history.getByRole("button", { name: /maxResults=5/ });
    await expect(first).toContainText("youtube.channels.list");
    await expect(first).toContainText("part=snippet,statistics");
    await first.click();
    await expect(other.locator("#rf-maxResults")).toHaveValue("5");
    await expect(other.getByTestId("request-preview")).toContainText("maxResults=5&mine=true");
    await expect(other).toHaveURL((u) => u.search === new URL(stateUrl).search);
    const stored = await other.evaluate(() => JSON.stringify(window.localStorage));
    expect(stored).not.toMatch(/ya29|AIza/);

    await other.screenshot({
      path: "test-results/screenshots/workbench-youtube-channels-list.png",
      fullPage: true,
    });
    await other.getByRole("button", { name: "Clear history" }).click();
    await expect(other.getByTestId("history-list")).toHaveCount(0);
    await other.close();

    // API key: the link and the preview name the kind only. (Last: the API-key state is a request of its own, and
    // history records it once it has stood for the history delay, which a loaded machine can exceed.)
    await page.getByRole("radio", { name: "API key" }).check();
    await expect(preview).toContainText("x-goog-api-key: {API_KEY}");
    await page.getByRole("radio", { name: "OAuth 2.0" }).check();
    await expect(readonlyScope).toBeChecked();
  });

  test("storage.objects.get: enum select, int64 text, path parameters first", async ({ page }) => {
    await openWorkbench(page, "/storage/v1/storage.objects.get");
    const form = page.getByRole("form", { name: "Request for storage.objects.get" });
    const legends = await form.locator("legend").allTextContents();
    expect(legends.indexOf("Path parameters")).toBeLessThan(legends.indexOf("Query parameters"));

    await form.locator("#rf-bucket").fill("my bucket");
    await form.locator("#rf-object").fill("a/b.txt");
    const projection = form.locator("#rf-projection");
    await expect(projection.locator("option", { hasText: "noAcl" })).toHaveText(/noAcl — Omit/);
    await projection.selectOption("full");

    const generation = form.locator("#rf-generation");
    await generation.fill("9223372036854775808");
    await expect(generation).toHaveAttribute("aria-invalid", "true");
    await expect(form.locator("[data-param=generation] .rf-error")).toContainText("generation");
    await generation.fill("9223372036854775807");
    await expect(generation).not.toHaveAttribute("aria-invalid", "true");

    const preview = page.getByTestId("request-preview");
    await expect(preview).toContainText(
      "GET https://storage.googleapis.com/storage/v1/b/my%20bucket/o/a%2Fb.txt?generation=9223372036854775807&projection=full",
    );
    // int64 stays exact (a decimal string) in the code too.
    await page.getByRole("tab", { name: "TypeScript" }).click();
    await expect.poll(() => copiedCode(page)).toContain("'9223372036854775807'");
    // The URL follows the state after a short debounce: wait until its request holds the last edit.
    await expect.poll(() => urlRequestJson(page.url())).toContain('"9223372036854775807"');

    await page.reload();
    await expect(page.locator(".workbench[data-hydrated]")).toBeVisible();
    await expect(form.locator("#rf-generation")).toHaveValue("9223372036854775807");
    await expect(form.locator("#rf-projection")).toHaveValue("full");
    expectNoSecrets(page.url());
  });

  test("input made before hydration becomes the request: text, list, select, radio, checkboxes, body", async ({
    page,
  }) => {
    // Hold the page's scripts: the server-rendered form is on screen, and typed into, before React hydrates it.
    const release = await holdRequests(page, SCRIPTS);
    await page.goto(CHANNELS, { waitUntil: "domcontentloaded" });
    const form = page.getByRole("form", { name: "Request for youtube.channels.list" });
    await form.locator("#rf-maxResults").click();
    await page.keyboard.type("7");
    await form.locator("#rf-mine").selectOption("true");
    await page.getByRole("checkbox", { name: /youtube\.force-ssl/ }).check();
    await page.getByRole("checkbox", { name: "All pages" }).check();
    // Still typing in a field when the page hydrates: the caret is left inside the text.
    await form.locator("#rf-part").click();
    await page.keyboard.type("snippet");
    await page.keyboard.press("ArrowLeft");
    await expect(page.locator(".workbench[data-hydrated]")).toHaveCount(0);

    release();
    await expect(page.locator(".workbench[data-hydrated]")).toBeVisible();
    const preview = page.getByTestId("request-preview");
    await expect(preview).toContainText("channels?part=snippet&maxResults=7&mine=true");
    // Typing on continues from the caret the user left.
    await page.keyboard.press("s");
    await expect(preview).toContainText("channels?part=snippest&maxResults=7&mine=true");
    await expect(form.locator("#rf-part")).toHaveValue("snippest");
    await expect(form.locator("#rf-maxResults")).toHaveValue("7");
    await expect(form.locator("#rf-mine")).toHaveValue("true");
    await page.getByRole("tab", { name: "Python" }).click();
    await expect.poll(() => copiedCode(page)).toContain("https://www.googleapis.com/auth/youtube.force-ssl");
    const python = await copiedCode(page);
    // Both checkboxes of one render are kept: the scope picked early, and the snippet option.
    expect(python).toContain("https://www.googleapis.com/auth/youtube.readonly");
    expect(python).toContain("service.channels().list_next(request, response)");
    // The URL holds the early input too, so a reload keeps it.
    await expect.poll(() => urlRequestJson(page.url())).toContain('"maxResults":7,"mine":true');

    // A request body typed into the server-rendered body editor (a plain textarea until the editor starts).
    const releaseDrive = await holdRequests(page, SCRIPTS);
    await page.goto("/drive/v3/drive.files.create", { waitUntil: "domcontentloaded" });
    await page.getByTestId("body-editor").locator("textarea").fill('{"name": "early.txt"}');
    await page.getByRole("radio", { name: "API key" }).check();
    releaseDrive();
    await expect(page.locator(".workbench[data-hydrated]")).toBeVisible();
    const drivePreview = page.getByTestId("request-preview");
    await expect(drivePreview).toContainText('{"name":"early.txt"}');
    await expect(drivePreview).toContainText("x-goog-api-key: {API_KEY}");
    await expect(drivePreview).not.toContainText("authorization:");
  });

  test("the parts that hydrate after the form are server-rendered and take the first click", async ({
    page,
  }) => {
    // The intro and the reference column sit in Suspense boundaries that hydrate after the form
    // (app/[api]/[version]/[methodId]/page.tsx): with the scripts held, the page is on screen whole, and right after
    // the form has hydrated the code panel and the reference take the first click.
    const release = await holdRequests(page, SCRIPTS);
    await page.goto(CHANNELS, { waitUntil: "domcontentloaded" });
    await expect(page.getByRole("heading", { name: "Code", exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Parameters", exact: true })).toBeVisible();
    await expect(page.getByRole("tab", { name: "Python" })).toBeVisible();
    await expect(page.locator(".workbench[data-hydrated]")).toHaveCount(0);
    release();
    await expect(page.locator(".workbench[data-hydrated]")).toBeVisible();
    const tree = page.locator("details.schema-details").first();
    await tree.locator("summary").click();
    await expect(tree.getByRole("group", { name: /^Response fields/ })).toBeVisible();
    await page.getByRole("tab", { name: "Python" }).click();
    await expect(page.getByRole("tab", { name: "Python" })).toHaveAttribute("aria-selected", "true");
    await page.locator("#rf-part").fill("snippet");
    await expect(page.getByTestId("request-preview")).toContainText("channels?part=snippet");
    await expect.poll(() => copiedCode(page)).toMatch(/part=\[?"snippet"/);
  });

  test("a broken or foreign link is reported and the form starts empty", async ({ page }) => {
    await openWorkbench(page, `${CHANNELS}?r=1.garbage!&lang=curl`);
    await expect(page.locator(".workbench").getByRole("alert")).toContainText("damaged");
    await expect(page.locator("#rf-part")).toHaveValue("");
    await expect(page.getByRole("tab", { name: "cURL" })).toHaveAttribute("aria-selected", "true");
  });
});
