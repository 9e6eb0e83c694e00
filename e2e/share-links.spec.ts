/**
 * Share links and the page URL, production build: a state too long for any link the server accepts
 * is kept in the tab (and offered as a JSON file), a link cannot choose where the snippet writes its download, and
 * opening a link is not recorded in the visitor's history until they edit or run.
 */
import { readFileSync } from "node:fs";

import type { Page } from "@playwright/test";

import { resetFake } from "./fake-google";
import { expect, test } from "./fixtures";

const CHANNELS = "/youtube/v3/youtube.channels.list";
const DRIVE_CREATE = "/drive/v3/drive.files.create";
const DRIVE_GET = "/drive/v3/drive.files.get";
const TOO_LONG = "The link would be too long — download the request as JSON.";
const HISTORY_KEY = "api-explorer.history.v1";

async function openWorkbench(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator(".workbench[data-hydrated]")).toBeVisible();
}

/** `n` characters that do not compress (a fixed pseudo-random base64 text, so failures replay). */
function incompressible(n: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let x = 0x2545f491;
  let out = "";
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += alphabet[(x >>> 0) % 64];
  }
  return out;
}

/** A version-1 share string, as an older explorer (or anyone) writes it into a link. */
function shareV1(compact: object): string {
  return "1." + Buffer.from(JSON.stringify(compact)).toString("base64url");
}

async function copiedCode(page: Page): Promise<string> {
  await page
    .getByTestId("code-panel")
    .getByRole("button", { name: /^(Copy|Copied)$/ })
    .click();
  return page.evaluate(() => navigator.clipboard.readText());
}

async function storedHistory(page: Page): Promise<string | null> {
  return page.evaluate((key) => window.localStorage.getItem(key), HISTORY_KEY);
}

test.describe("share links", () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
  });

  test("a 20 KB body: kept in the tab across reloads, the link would be too long, the JSON download holds it", async ({
    page,
    context,
  }) => {
    const data = incompressible(20_000);
    // The defect this guards against: the same state written into the URL is refused by the server.
    const oldLink = `${DRIVE_CREATE}?${new URLSearchParams({
      r: shareV1({ a: "drive", v: "v3", m: "drive.files.create", b: { name: data }, u: "n" }),
      lang: "typescript",
    }).toString()}`;
    expect((await page.request.get(oldLink)).status()).toBe(431);

    await openWorkbench(page, DRIVE_CREATE);
    const body = page.getByTestId("body-editor");
    const editor = body.locator(".monaco-editor");
    await expect(editor).toBeVisible();
    // Pasted, as a user brings a large body (typing 20 KB into the editor takes minutes).
    await page.evaluate((text) => navigator.clipboard.writeText(text), `{"name": "${data}"}`);
    await editor.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("ControlOrMeta+V");
    const preview = page.getByTestId("request-preview");
    await expect(preview).toContainText(data.slice(-40));

    // The notice, and a short URL naming the state this tab keeps.
    await expect(page.getByTestId("link-too-long")).toContainText(TOO_LONG);
    await expect(page).toHaveURL(/\/drive\/v3\/drive\.files\.create\?tab=[\w-]+$/);
    const tabUrl = page.url();
    expect(tabUrl.length).toBeLessThan(200);
    expect((await page.request.get(tabUrl)).status()).toBe(200);

    // Share says the same and copies no link.
    await page.getByRole("button", { name: "Share" }).click();
    await expect(page.locator(".wb-share [role=status]")).toHaveText(TOO_LONG);
    await expect(page.locator("#share-link")).toHaveCount(0);

    // The request as a JSON file (the CLI's --request format).
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download request (JSON)" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("drive.files.create.request.json");
    const saved = JSON.parse(readFileSync((await file.path())!, "utf8")) as Record<string, unknown>;
    expect(saved).toMatchObject({ api: "drive", version: "v3", method: "drive.files.create" });
    expect(saved.body).toEqual({ name: data });

    // Reload: the server answers (no 431) and the body comes back from the tab.
    const response = await page.reload();
    expect(response!.status()).toBe(200);
    await expect(page.locator(".workbench[data-hydrated]")).toBeVisible();
    await expect(preview).toContainText(data.slice(0, 40));
    await expect(preview).toContainText(data.slice(-40));
    await expect(page.getByTestId("link-too-long")).toContainText(TOO_LONG);
    expect(page.url()).toBe(tabUrl);

    // Another tab has no such state: it says so and starts empty.
    const other = await context.newPage();
    await openWorkbench(other, tabUrl);
    await expect(other.locator(".workbench").getByRole("alert")).toContainText("kept in another browser tab");
    await expect(other.getByTestId("request-preview")).not.toContainText(data.slice(0, 40));
    await other.close();
  });

  test("a link may name only a bare download file: a path is dropped, and the snippet never writes there", async ({
    page,
  }) => {
    for (const path of ["~/.ssh/authorized_keys", "../../.bashrc", "/etc/cron.d/job"]) {
      await openWorkbench(page, `${DRIVE_GET}?${new URLSearchParams({ lang: "python", downloadTo: path })}`);
      await expect(page.locator(".workbench").getByRole("alert")).toContainText(
        "only a bare file name is taken from a link",
      );
      await expect(page.getByRole("checkbox", { name: /Download to file/i })).not.toBeChecked();
      const python = await copiedCode(page);
      expect(python).toContain("service.files()");
      expect(python).not.toContain(path);
      expect(python).not.toContain("with open(");
      await page.getByRole("tab", { name: "cURL" }).click();
      await expect.poll(() => copiedCode(page)).toContain("curl");
      expect(await copiedCode(page)).not.toContain("--output");
    }
    // A bare name is kept.
    await openWorkbench(page, `${DRIVE_GET}?lang=python&downloadTo=video.mp4`);
    await expect(page.getByText("only a bare file name is taken from a link")).toHaveCount(0);
    await expect.poll(() => copiedCode(page)).toContain('with open("video.mp4", "wb") as out:');
    // A path the user types is their own (used in the snippet), and the page says a link will not carry it.
    await page.getByRole("tab", { name: "Python" }).click();
    await page.getByLabel("File to save the download to").fill("media/video.mp4");
    await expect(page.getByTestId("download-to-not-bare")).toBeVisible();
    await expect.poll(() => copiedCode(page)).toContain('with open("media/video.mp4", "wb") as out:');
  });

  test("a link may name only a bare upload file: a path or hidden file is left out, so the snippet never reads it", async ({
    page,
  }) => {
    const link = (fileName: string) =>
      `${DRIVE_CREATE}?${new URLSearchParams({
        r: shareV1({
          a: "drive",
          v: "v3",
          m: "drive.files.create",
          b: { name: "x" },
          u: "n",
          f: { n: fileName },
        }),
        lang: "python",
      })}`;
    for (const fileName of ["/home/me/.ssh/id_rsa", "../../.aws/credentials", ".env"]) {
      await openWorkbench(page, link(fileName));
      await expect(page.locator(".workbench").getByRole("alert")).toContainText(
        "only a bare file name is taken from a link, so the upload file was left out",
      );
      const python = await copiedCode(page);
      expect(python).toContain("service.files().create(");
      expect(python).not.toContain(fileName);
      expect(python).not.toContain("MediaFileUpload(");
    }
    await openWorkbench(page, link("photo.png"));
    await expect(page.getByText("so the upload file was left out")).toHaveCount(0);
    await expect.poll(() => copiedCode(page)).toContain('MediaFileUpload("photo.png"');
  });

  test("opening a share link records no history until the visitor edits or runs it", async ({ page }) => {
    await resetFake();
    const link = `${CHANNELS}?${new URLSearchParams({
      r: shareV1({
        a: "youtube",
        v: "v3",
        m: "youtube.channels.list",
        p: { part: ["snippet"], id: ["UC_x"] },
        u: "k",
      }),
      lang: "python",
    })}`;
    const visit = async () => {
      // An empty history each time (the untouched method page itself records nothing).
      await openWorkbench(page, CHANNELS);
      await page.evaluate(() => window.localStorage.clear());
      await openWorkbench(page, link);
      await expect(page.locator("#rf-part")).toHaveValue("snippet");
      // Longer than the history debounce (800 ms): nothing is written.
      await page.waitForTimeout(1500);
      expect(await storedHistory(page)).toBeNull();
      await expect(page.locator(".wb-history")).toContainText("Requests you compose are kept here");
    };
    const list = page.getByTestId("history-list");

    // Edit → recorded.
    await visit();
    await page.locator("#rf-maxResults").fill("3");
    await expect(list.getByRole("button")).toHaveCount(1);
    await expect(list.getByRole("button").first()).toContainText("maxResults=3");

    // Run, with no edit → recorded.
    await visit();
    const run = page.locator("section.wb-run");
    await run.getByLabel("API key").fill("AIzaFakeApiKey-for-tests-000000000000");
    await run.getByRole("button", { name: "Execute GET" }).click();
    await expect(page.getByTestId("response-status")).toContainText("200");
    await expect(list.getByRole("button")).toHaveCount(1);
    await expect(list.getByRole("button").first()).toContainText("part=snippet · id=UC_x");
    expect(await storedHistory(page)).not.toContain("AIzaFake");
  });
});
