/**
 * Things a user relies on, in the production build against the fake Discovery service: the scope
 * suggestion and why, Markdown descriptions that render and stay inert, the remembered code tab, "Insert
 * skeleton" that is never a bare {}, body-editor warnings for unknown properties and non-base64 bytes, "did you
 * mean" on a 404, and token hints that do not send Gmail users to gcloud.
 */
import type { Page } from "@playwright/test";

import { expect, expectDocument404, test } from "./fixtures";

async function editorText(scope: ReturnType<Page["locator"]>): Promise<string> {
  const text = await scope.locator(".view-lines").first().innerText();
  return text.replace(/\u00a0/g, " ");
}

/** Replaces the body editor's text with `text` (Monaco auto-closes brackets: what it adds is removed). */
async function typeBody(page: Page, text: string): Promise<void> {
  const editor = page.getByTestId("body-editor").locator(".monaco-editor");
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  if (text !== "") {
    await page.keyboard.insertText(text);
    await page.keyboard.press("Shift+ControlOrMeta+End");
    await page.keyboard.press("Delete");
  }
}

test.describe("things a user relies on", () => {
  test("scope suggestion: sheets values.update suggests spreadsheets (not drive.file) and says why", async ({
    page,
  }) => {
    await page.goto("/sheets/v4/sheets.spreadsheets.values.update");
    const suggested = page.locator(".scope-list .scope--suggested");
    await expect(suggested).toHaveCount(1);
    await expect(suggested.locator(".scope__label")).toHaveText("spreadsheets");
    await expect(suggested.locator(".scope__reason")).toContainText("drive.file only cover");
    // Each scope says what it means (the document's own description).
    const driveFile = page.locator(".scope-list .scope", {
      has: page.locator(".scope__label", { hasText: /^drive\.file$/ }),
    });
    await expect(driveFile.locator(".scope__description")).toContainText("files");

    await page.goto("/storage/v1/storage.objects.insert");
    await expect(page.locator(".scope-list .scope--suggested .scope__label")).toHaveText(
      "devstorage.read_write",
    );
  });

  test("Markdown descriptions render, long links wrap, and nothing hostile runs", async ({ page }) => {
    await page.goto("/hostile-markdown/v1/hostile-markdown.things.get");
    const intro = page.locator(".method-layout__intro");
    await expect(intro.locator("em", { hasText: /^part$/ })).toBeVisible();
    await expect(intro.locator("strong", { hasText: /^IAM Permissions$/ })).toBeVisible();
    await expect(intro).not.toContainText("# IAM Permissions");
    await expect(intro).not.toContainText("*part*");
    await expect(intro.getByRole("link", { name: "the guide" })).toHaveAttribute(
      "href",
      "https://cloud.google.com/iam/docs",
    );
    const long = intro.locator('a[href*="a-very-long-path-segment-11"]');
    await expect(long).toBeVisible();
    // The long URL wraps inside the page instead of widening it.
    const box = await long.boundingBox();
    const viewport = page.viewportSize()!;
    expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // Inert: no javascript: link, no script ran, the link texts stay readable.
    await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
    await expect(intro).toContainText("click me");
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test("the code tab picked on one method is the tab of the next; a link's ?lang wins", async ({ page }) => {
    await page.goto("/youtube/v3/youtube.channels.list");
    const tabs = page.getByRole("tablist", { name: "Code language" });
    await tabs.getByRole("tab", { name: "Python" }).click();
    await expect(tabs.getByRole("tab", { name: "Python" })).toHaveAttribute("aria-selected", "true");

    await page.goto("/drive/v3/drive.files.list");
    await expect(
      page.getByRole("tablist", { name: "Code language" }).getByRole("tab", { name: "Python" }),
    ).toHaveAttribute("aria-selected", "true");

    await page.goto("/drive/v3/drive.files.list?lang=curl");
    await expect(
      page.getByRole("tablist", { name: "Code language" }).getByRole("tab", { name: "cURL" }),
    ).toHaveAttribute("aria-selected", "true");
  });

  test("Insert skeleton is never {} for a schema with properties, and skips output-only fields", async ({
    page,
  }) => {
    const body = page.getByTestId("body-editor");
    for (const [path, wants, never] of [
      ["/pubsub/v1/pubsub.projects.topics.publish", ['"messages"', '"data"'], ['"messageId"']],
      ["/bigquery/v2/bigquery.jobs.query", ['"query"'], []],
      ["/sheets/v4/sheets.spreadsheets.values.update", ['"range"', '"values"'], []],
      ["/gmail/v1/gmail.users.messages.send", ['"raw"'], ['"snippet"']],
    ] as const) {
      await page.goto(path);
      await typeBody(page, "");
      await body.getByRole("button", { name: "Insert skeleton" }).click();
      for (const want of wants) await expect.poll(() => editorText(body), { message: path }).toContain(want);
      const text = await editorText(body);
      expect(text.replace(/\s/g, ""), path).not.toBe("{}");
      for (const bad of never) expect(text, path).not.toContain(bad);
    }
  });

  test("the body editor warns on unknown properties and on format byte values that are not base64", async ({
    page,
  }) => {
    await page.goto("/gmail/v1/gmail.users.messages.send");
    await typeBody(page, '{"raw": "not base64!", "bogus": 1}');
    const problems = page.getByTestId("body-editor").getByTestId("body-problems");
    await expect(problems).toContainText("Property bogus is not allowed");
    await expect(problems).toContainText("Not base64");
    await typeBody(page, '{"raw": "aGVsbG8="}');
    await expect(problems).not.toContainText("Not base64");
    await expect(problems).not.toContainText("not allowed");
  });

  test("a mistyped method id answers 404 with 'did you mean' links", async ({ page, problems }) => {
    const response = await page.goto("/youtube/v3/youtube.chanels.list");
    expect(response?.status()).toBe(404);
    const suggestions = page.getByTestId("did-you-mean");
    await expect(suggestions.getByRole("link").first()).toHaveText("youtube.channels.list");
    expectDocument404(problems);
    await suggestions.getByRole("link", { name: "youtube.channels.list" }).click();
    await expect(page).toHaveURL(/\/youtube\/v3\/youtube\.channels\.list$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("youtube.channels.list");
  });

  test("the pasted-token hint sends Gmail users to the OAuth Playground, not gcloud", async ({ page }) => {
    const run = page.locator("section.wb-run");
    await page.goto("/gmail/v1/gmail.users.messages.list");
    await run.getByText("Paste an access token instead").click();
    await expect(run.getByTestId("token-source")).toContainText("OAuth 2.0 Playground");
    await expect(run.getByTestId("token-source")).toContainText("Not from gcloud auth print-access-token");

    await page.goto("/storage/v1/storage.objects.list");
    await run.getByText("Paste an access token instead").click();
    await expect(run.getByTestId("token-source")).toContainText("From gcloud auth print-access-token");
  });
});
