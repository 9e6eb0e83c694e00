/**
 * Hostile documents from the shared set (testing/hostile-documents) on the real pages: parameter, resource and
 * method names that are Object.prototype members (`__proto__`, `constructor`, `hasOwnProperty`, …) render as
 * ordinary fields and send nothing on an untouched form; a header-injecting apiVersion is refused with a clear
 * error, never sent.
 */
import type { Page } from "@playwright/test";

import { expect, test } from "./fixtures";

const LIST = "/hostile-prototype-params/v1/hostile-prototype-params.things.list";

async function openWorkbench(page: Page, url: string): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  await expect(page.locator(".workbench[data-hydrated]")).toBeVisible();
}

/** The JSON inside the URL's share state (`r=1.<base64url>`), for waiting on the debounced URL update. */
function urlRequestJson(url: string): string {
  const r = new URL(url).searchParams.get("r") ?? "";
  return Buffer.from(r.replace(/^1\./, ""), "base64url").toString("utf8");
}

/** The code of one tab, through the panel's Copy button (what the user takes away). */
async function codeOf(page: Page, tab: "TypeScript" | "Python" | "cURL" | "HTTP"): Promise<string> {
  const panel = page.getByTestId("code-panel");
  await panel.getByRole("tab", { name: tab }).click();
  await panel.getByRole("button", { name: /^(Copy|Copied)$/ }).click();
  return page.evaluate(() => navigator.clipboard.readText());
}

test.describe("hostile keys: names that are JavaScript built-ins", () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
  });

  test("a method whose parameters are __proto__, hasOwnProperty, constructor…: renders, sends nothing extra, sends what is typed", async ({
    page,
  }) => {
    await openWorkbench(page, LIST);
    const form = page.getByRole("form", { name: "Request for hostile-prototype-params.things.list" });
    const preview = page.getByTestId("request-preview");

    // Every field is there and empty: no inherited built-in shown as a value.
    await expect(form.locator("#rf-__proto__")).toHaveValue("");
    await expect(form.locator("#rf-constructor")).toHaveValue("");
    await expect(form.locator("#rf-toString")).toHaveValue("");
    await expect(form.locator("#rf-valueOf")).toHaveValue("");
    await expect(form.locator("#rf-hasOwnProperty")).toHaveValue("");
    await expect(form).not.toContainText("[native code]");

    // The untouched form sends no parameter.
    await expect(preview).toContainText("GET https://hostile.example.com/things HTTP/1.1");
    await expect(preview).not.toContainText("?");
    for (const tab of ["cURL", "HTTP", "Python", "TypeScript"] as const) {
      const code = await codeOf(page, tab);
      expect(code, tab).not.toContain("[native code]");
      expect(code, tab).not.toContain("[object Object]");
      expect(code, tab).not.toMatch(/things\?/);
    }

    // A value typed into __proto__ reaches the preview and the code under that very name.
    await form.locator("#rf-__proto__").fill("p1");
    await expect(preview).toContainText("GET https://hostile.example.com/things?__proto__=p1 HTTP/1.1");
    expect(await codeOf(page, "cURL")).toContain("'https://hostile.example.com/things?__proto__=p1'");
    expect(await codeOf(page, "Python")).toContain('__proto__="p1"');
    expect(await codeOf(page, "HTTP")).toContain("GET /things?__proto__=p1 HTTP/1.1");
    // googleapis would drop it: the TypeScript tab says so instead of showing a snippet that does not send it.
    const panel = page.getByTestId("code-panel");
    await panel.getByRole("tab", { name: "TypeScript" }).click();
    await expect(panel.getByRole("alert")).toContainText('googleapis cannot send the parameter "__proto__"');

    // And hasOwnProperty, a boolean, only when chosen.
    await form.locator("#rf-hasOwnProperty").selectOption("false");
    await expect(preview).toContainText("things?__proto__=p1&hasOwnProperty=false HTTP/1.1");

    // The page URL keeps both across a reload.
    await expect.poll(() => urlRequestJson(page.url())).toContain('"hasOwnProperty":false');
    expect(urlRequestJson(page.url())).toContain('"__proto__":"p1"');
    await openWorkbench(page, page.url());
    await expect(form.locator("#rf-__proto__")).toHaveValue("p1");
    await expect(preview).toContainText("things?__proto__=p1&hasOwnProperty=false HTTP/1.1");
  });

  test("path parameters named constructor and __proto__ fill the path", async ({ page }) => {
    await openWorkbench(page, "/hostile-prototype-params/v1/hostile-prototype-params.things.get");
    const form = page.getByRole("form", { name: "Request for hostile-prototype-params.things.get" });
    await form.locator("#rf-constructor").fill("a");
    await form.locator("#rf-__proto__").fill("b");
    await expect(page.getByTestId("request-preview")).toContainText(
      "GET https://hostile.example.com/things/a/b HTTP/1.1",
    );
  });

  test("a body whose required properties are __proto__ and toString: Insert skeleton adds them, the request sends them", async ({
    page,
  }) => {
    await openWorkbench(page, "/hostile-prototype-params/v1/hostile-prototype-params.things.insert");
    const body = page.getByTestId("body-editor");
    const editor = body.locator(".monaco-editor");
    const preview = page.getByTestId("request-preview");
    await expect(editor).toBeVisible();
    // The user's own field first, so the skeleton is merged into it (not replacing it).
    await editor.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText('{"a": 1}');
    // Monaco auto-closes quotes and brackets as text arrives: drop whatever it added after the cursor.
    await page.keyboard.press("Shift+ControlOrMeta+End");
    await page.keyboard.press("Delete");
    await expect(preview).toContainText('{"a":1}');
    await body.getByRole("button", { name: "Insert skeleton" }).click();
    await expect(preview).toContainText('{"a":1,"toString":"","__proto__":""}');
    expect(await codeOf(page, "Python")).toContain('"__proto__": ""');
  });

  test("resources and methods named __proto__, constructor, toString, hasOwnProperty, valueOf", async ({
    page,
  }) => {
    const api = await page.goto("/hostile-prototype-resources/v1");
    expect(api?.status()).toBe(200);
    const main = page.locator("main");
    for (const id of [
      "hostile-prototype-resources.__proto__.hasOwnProperty",
      "hostile-prototype-resources.constructor.valueOf",
      "hostile-prototype-resources.toString.__proto__",
      "hostile-prototype-resources.constructor",
    ])
      await expect(main.locator(`a[href$="/${id}"]`).first()).toBeAttached();
    await openWorkbench(
      page,
      "/hostile-prototype-resources/v1/hostile-prototype-resources.__proto__.valueOf",
    );
    await expect(page.getByTestId("request-preview")).toContainText(
      "GET https://hostile.example.com/__proto__/valueOf HTTP/1.1",
    );
  });
});

test.describe("hostile header values", () => {
  test("an apiVersion with CR LF: the method page names the problem and sends nothing", async ({ page }) => {
    const response = await page.goto("/hostile-header-apiversion/v1/hostile-header-apiversion.things.list");
    expect(response?.status()).not.toBe(500);
    const alert = page.locator("main").getByRole("alert");
    await expect(alert).toContainText("resources.things.methods.list.apiVersion");
    await expect(alert).toContainText("x-goog-api-version");
    await expect(page.locator("main")).not.toContainText("x-injected");
    await expect(page.getByTestId("request-preview")).toHaveCount(0);
  });

  test("a share link whose media.mimeType holds CR LF is refused with the reason; the preview sends no such header", async ({
    page,
  }) => {
    const compact = {
      a: "hostile-prototype-params",
      v: "v1",
      m: "hostile-prototype-params.things.insert",
      b: {},
      u: "n",
      f: { n: "f.bin", t: "text/plain\r\nx-injected: yes" },
    };
    const r = `1.${Buffer.from(JSON.stringify(compact)).toString("base64url")}`;
    await openWorkbench(page, `/hostile-prototype-params/v1/hostile-prototype-params.things.insert?r=${r}`);
    await expect(page.locator(".wb-warning[role=alert]")).toContainText(
      "media.mimeType must not contain a line break",
    );
    await expect(page.getByTestId("request-preview")).not.toContainText("x-injected");
  });
});
