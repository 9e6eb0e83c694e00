/**
 * What the page shows is what is sent: a body that does not parse is no request anywhere (preview,
 * every code tab, the download, Execute) and never falls back to an older body; Back/Forward restore the form;
 * `alt=media` gives download code; a required parameter with a Discovery default starts with it.
 */
import type { Locator, Page } from "@playwright/test";

import { expect, test } from "./fixtures";

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

/** Replaces the body editor's text (Monaco auto-closes brackets and quotes: what it added is dropped). */
async function setBody(page: Page, text: string): Promise<void> {
  const editor = page.getByTestId("body-editor").locator(".monaco-editor");
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(text);
  await page.keyboard.press("Shift+ControlOrMeta+End");
  await page.keyboard.press("Delete");
}

/** Every output of the page says the body does not parse; none shows `stale`. */
async function expectNoRequestAnywhere(page: Page, stale: string): Promise<void> {
  const unavailable = page.getByTestId("request-preview-unavailable");
  await expect(unavailable).toContainText("The request body is not valid JSON");
  await expect(page.getByTestId("request-preview")).toHaveCount(0);
  const panel = page.getByTestId("code-panel");
  for (const tab of ["TypeScript", "Python", "cURL", "HTTP"]) {
    await page.getByRole("tab", { name: tab }).click();
    await expect(panel.getByTestId("code-unavailable")).toContainText(
      `No ${tab} code for this request: The request body is not valid JSON`,
    );
    await expect(panel.getByRole("button", { name: "Download project" })).toBeDisabled();
    await expect(panel).not.toContainText(stale);
  }
  const run = page.locator("section.wb-run");
  await expect(run.getByRole("button", { name: /^Execute/ })).toBeDisabled();
  await expect(run.getByTestId("execute-blocked")).toContainText("The request body is not valid JSON");
}

const FIRST = JSON.stringify({
  summary: "First summary",
  start: { dateTime: "2026-01-01T10:00:00Z" },
  end: { dateTime: "2026-01-01T11:00:00Z" },
});
/** FIRST with a changed summary and a comma removed. */
const BROKEN = FIRST.replace("First summary", "Second summary").replace('",', '"');

function field(page: Page, name: string): Locator {
  return page.locator(`[id="rf-${name}"]`);
}

test.describe("what you see is what is sent", () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
  });

  test("stale body: a body that does not parse is no request anywhere, never the last valid one", async ({
    page,
  }) => {
    await openWorkbench(page, "/calendar/v3/calendar.events.insert");
    await field(page, "calendarId").fill("primary");
    await setBody(page, FIRST);
    await expect(page.getByTestId("request-preview")).toContainText('"summary":"First summary"');
    await expect.poll(() => copiedCode(page)).toContain("First summary");

    await setBody(page, BROKEN);
    await expectNoRequestAnywhere(page, "First summary");

    // Fixed: every output follows the new text at once.
    await setBody(page, BROKEN.replace('"Second summary"', '"Second summary",'));
    await expect(page.getByTestId("request-preview")).toContainText('"summary":"Second summary"');
    await page.getByRole("tab", { name: "Python" }).click();
    await expect.poll(() => copiedCode(page)).toContain('"summary": "Second summary"');
    // (Execute still waits for a sign-in, but no longer for the body.)
    await expect(page.locator("section.wb-run")).not.toContainText("The request body is not valid JSON");
  });

  test("Gmail send with no valid body ever: no request without a body, userId starts as its default", async ({
    page,
  }) => {
    await openWorkbench(page, "/gmail/v1/gmail.users.messages.send");
    await expect(field(page, "userId")).toHaveValue("me");
    await setBody(page, '{"raw": "abc" "x": 1}');
    await expectNoRequestAnywhere(page, "messages.send(userId");
  });

  test("a required parameter with a Discovery default starts with it, visibly, and can be changed", async ({
    page,
  }) => {
    await openWorkbench(page, "/gmail/v1/gmail.users.messages.list");
    const userId = field(page, "userId");
    await expect(userId).toHaveValue("me");
    const preview = page.getByTestId("request-preview");
    await expect(preview).toContainText("GET https://gmail.googleapis.com/gmail/v1/users/me/messages");
    await expect(page.locator("section.wb-run").getByTestId("execute-blocked")).not.toContainText("userId");
    await page.getByRole("tab", { name: "Python" }).click();
    await expect.poll(() => copiedCode(page)).toContain('userId="me"');

    await userId.fill("someone@example.com");
    await expect(preview).toContainText("/users/someone%40example.com/messages");
    await userId.fill("");
    await expect(page.locator("section.wb-run").getByTestId("execute-blocked")).toContainText(
      '"userId" is required.',
    );
  });

  test("Back and Forward restore exactly what was on the form", async ({ page }) => {
    await openWorkbench(page, "/drive/v3/drive.files.list");
    const q = "name contains 'report' and trashed = false";
    await field(page, "q").fill(q);
    await field(page, "pageSize").fill("1e3");
    // Straight to another page (no pause for the debounced URL update): the breadcrumb, then another method.
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").last().click();
    await expect(page).toHaveURL(/\/drive\/v3$/);
    await page.locator('a[href="/drive/v3/drive.files.get"]').first().click();
    await expect(page.locator(".workbench[data-hydrated]")).toBeVisible();
    await field(page, "fileId").fill("abc");
    // The browser's Back button sends the page no event first: the entry is written once typing pauses (200 ms).
    await expect(page).toHaveURL(/drive\.files\.get\?r=/);

    await page.goBack();
    await expect(page).toHaveURL(/\/drive\/v3$/);
    await page.goBack();
    await expect(field(page, "q")).toHaveValue(q);
    await expect(field(page, "pageSize")).toHaveValue("1e3");
    await expect(page.getByTestId("request-preview")).toContainText("pageSize=1e3");
    await expect(page.locator("section.wb-run").getByTestId("execute-blocked")).toContainText(
      '"pageSize" must be a whole number (got "1e3").',
    );

    await page.goForward();
    await page.goForward();
    await expect(page).toHaveURL(/drive\.files\.get/);
    await expect(field(page, "fileId")).toHaveValue("abc");
  });

  test("alt=media (a standard parameter) gives download code in every target", async ({ page }) => {
    await openWorkbench(page, "/drive/v3/drive.files.get");
    await field(page, "fileId").fill("1AbC");
    await page.getByText("More (standard parameters)").click();
    await field(page, "alt").selectOption("media");
    await expect(page.getByTestId("request-preview")).toContainText("files/1AbC?alt=media");

    const panel = page.getByTestId("code-panel");
    const download = panel.getByRole("checkbox", { name: /Download to file/ });
    await page.getByRole("tab", { name: "Python" }).click();
    await expect(download).toBeChecked();
    await expect(download).toBeDisabled();
    const python = await copiedCode(page);
    expect(python).toContain("files().get_media(");
    expect(python).toContain("MediaIoBaseDownload");
    expect(python).not.toContain("json.dumps");
    await page.getByRole("tab", { name: "TypeScript" }).click();
    const ts = await copiedCode(page);
    expect(ts).toContain("alt: 'media'");
    expect(ts).toContain("createWriteStream('download.bin')");
    await page.getByRole("tab", { name: "cURL" }).click();
    expect(await copiedCode(page)).toContain("--output 'download.bin'");
    await panel.getByLabel("File to save the download to").fill("report.pdf");
    await page.getByRole("tab", { name: "Python" }).click();
    expect(await copiedCode(page)).toContain('open("report.pdf", "wb")');
  });
});
