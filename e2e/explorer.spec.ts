import { mkdirSync } from "node:fs";

import { expect, expectDocument404, holdRequests, test } from "./fixtures";
import { bodySchemaPath } from "../lib/routes";

const SCREENSHOTS = "test-results/screenshots";
mkdirSync(SCREENSHOTS, { recursive: true });

test.describe("directory", () => {
  test("lists hundreds of APIs, marks preferred versions, and filters", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Google APIs" })).toBeVisible();
    await expect(page.getByText(/Source: .*127\.0\.0\.1/)).toBeVisible();

    const cards = page.locator("#api-directory > li");
    expect(await cards.count()).toBeGreaterThan(250);
    await expect(page.locator(".version-chip--preferred").first()).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/directory.png` });

    const filter = page.getByLabel("Filter APIs");
    await filter.fill("youtube data");
    await expect(cards.filter({ visible: true })).not.toHaveCount(0);
    const visible = await cards.filter({ visible: true }).count();
    expect(visible).toBeLessThan(10);
    await expect(page.getByRole("link", { name: "YouTube Data API v3" }).first()).toBeVisible();
    await filter.fill("no-such-api-anywhere");
    await expect(cards.filter({ visible: true })).toHaveCount(0);
    await filter.fill("");
    expect(await cards.filter({ visible: true }).count()).toBeGreaterThan(250);
  });

  test("filters on the server without JavaScript (?q=)", async ({ page }) => {
    await page.goto("/?q=youtube");
    const names = await page.locator("#api-directory .api-card__name").allTextContents();
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n).toContain("youtube");
  });
});

test("journey: directory → youtube v3 → channels.list", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Filter APIs").fill("youtube");
  await page.getByRole("link", { name: "YouTube Data API v3" }).click();
  await expect(page).toHaveURL(/\/youtube\/v3$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("YouTube Data API");
  await expect(page.getByText("https://youtube.googleapis.com/")).toBeVisible();
  await expect(page.getByText(/Revision/)).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/youtube-v3.png`, fullPage: false });

  const methodFilter = page.getByLabel("Filter methods");
  await methodFilter.fill("channels.list");
  const link = page.locator('a[href="/youtube/v3/youtube.channels.list"]');
  await expect(link).toBeVisible();
  // Method pages stream no loading state (it would hold back the form of a page opened directly), so the old page
  // stays while the new one renders: the clicked link says it is opening. The method page's data is held here.
  const release = await holdRequests(
    page,
    (url) => url.pathname === "/youtube/v3/youtube.channels.list" && url.searchParams.has("_rsc"),
  );
  await expect(link.locator(".link-hint")).toBeHidden();
  await link.click();
  await expect(link.locator(".link-hint--pending")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("YouTube Data API");
  release();

  await expect(page).toHaveURL(/\/youtube\/v3\/youtube\.channels\.list$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("youtube.channels.list");
  await expect(page).toHaveTitle(/youtube\.channels\.list/);
  const part = page.locator("#param-part");
  await expect(part).toContainText("required");
  await expect(part).toContainText("repeated");
  const preview = page.getByTestId("request-preview");
  await expect(preview).toContainText("GET https://youtube.googleapis.com/youtube/v3/channels");
  await expect(preview).toContainText("HTTP/1.1");
  await expect(page.locator("summary", { hasText: /^Standard parameters \(\d+\)$/ })).toBeVisible();
  await expect(page.locator(".badge--suggested")).toHaveCount(1);
});

test("drive.files.create renders parameters and a POST preview", async ({ page }) => {
  await page.goto("/drive/v3/drive.files.create");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("drive.files.create");
  await expect(page.locator("#param-supportsAllDrives")).toBeVisible();
  await expect(page.getByTestId("request-preview")).toContainText(
    "POST https://www.googleapis.com/drive/v3/files",
  );
  await expect(page.getByText(/Media upload/)).toBeVisible();
});

test("compute.instances.insert renders path params first and a POST preview", async ({ page }) => {
  const response = await page.goto("/compute/v1/compute.instances.insert");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("compute.instances.insert");
  const pathTable = page.locator("table", { has: page.locator("caption", { hasText: "Path parameters" }) });
  await expect(pathTable.locator("#param-project")).toBeVisible();
  await expect(pathTable.locator("#param-zone")).toBeVisible();
  await expect(page.getByTestId("request-preview")).toContainText(
    "POST https://compute.googleapis.com/compute/v1/projects/",
  );
  await expect(page.getByText("Instance", { exact: true }).first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/compute-instances-insert.png`, fullPage: false });
});

test("versions with dots route correctly", async ({ page }) => {
  const response = await page.goto("/adexchangebuyer/v1.4");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ad Exchange Buyer");
});

test.describe("failures", () => {
  test("unknown API → 404 page with links back", async ({ page, problems }) => {
    const response = await page.goto("/no-such-api/v1");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Search the directory for “no-such-api”/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "Browse all APIs" })).toBeVisible();
    expectDocument404(problems);
  });

  test("unknown method of a known API → 404", async ({ page, problems }) => {
    const response = await page.goto("/youtube/v3/youtube.nothing.here");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: /all methods of youtube v3/ })).toBeVisible();
    expectDocument404(problems);
  });

  test("malformed document → an error naming the problem and where", async ({ page }) => {
    await page.goto("/broken/v1");
    const alert = page.locator("main").getByRole("alert");
    await expect(alert.getByRole("heading", { level: 1 })).toContainText("malformed");
    await expect(alert).toContainText("DoesNotExist");
    await expect(alert).toContainText("resources.widgets.methods.get");
  });

  test("malformed document → the method page shows the same error", async ({ page }) => {
    await page.goto("/broken/v1/broken.widgets.get");
    await expect(page.locator("main").getByRole("alert")).toContainText("DoesNotExist");
  });

  test("body schema route: the schema the body editor fetches; clear errors for a bad method or document", async ({
    request,
  }) => {
    const ok = await request.get(bodySchemaPath("drive", "v3", "drive.files.create", null));
    expect(ok.status()).toBe(200);
    const schema = (await ok.json()) as { $ref?: string; definitions?: Record<string, unknown> };
    expect(JSON.stringify(schema)).toContain('"starred"');
    const noBody = await request.get(bodySchemaPath("drive", "v3", "drive.files.list", null));
    expect(noBody.status()).toBe(404);
    expect(await noBody.json()).toEqual({ error: "drive.files.list takes no request body." });
    const broken = await request.get(bodySchemaPath("broken", "v1", "broken.widgets.get", null));
    expect(broken.status()).toBe(422); // malformed: lib/discovery/load-status.ts
    expect(((await broken.json()) as { error: string }).error).toContain("could not be loaded");
    expect((await request.get(bodySchemaPath("nosuchapi", "v9", "x.y", null))).status()).toBe(404);
  });

  test("invalid JSON → an error naming the position", async ({ page }) => {
    await page.goto("/badjson/v1");
    const alert = page.locator("main").getByRole("alert");
    await expect(alert.getByRole("heading", { level: 1 })).toContainText("malformed");
    await expect(alert).toContainText(/line \d+|position \d+|JSON/i);
  });
});

test.describe("hostile document", () => {
  for (const path of [
    "/hostile/v1",
    "/hostile/v1/hostile.items.list",
    "/hostile/v1/hostile.items.insert",
    "/?q=hostile",
  ]) {
    test(`runs no script: ${path}`, async ({ page, problems }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // Open every <details> so collapsed content is in play too.
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      await page.locator("main").hover();
      await page.waitForTimeout(300);

      const pwned = await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null);
      expect(pwned).toBeNull();
      expect(problems.dialogs).toEqual([]);

      const scriptsInMain = await page.locator("main script").count();
      expect(scriptsInMain).toBe(0);
      const badHrefs = await page.evaluate(() =>
        Array.from(document.querySelectorAll("[href], [src], [action], [formaction], [xlink\\:href]"))
          .flatMap((el) =>
            ["href", "src", "action", "formaction", "xlink:href"].map((a) => el.getAttribute(a) ?? ""),
          )
          .filter((v) => /^\s*(javascript|data|vbscript):/i.test(v)),
      );
      expect(badHrefs).toEqual([]);
      // Inline event handlers: nowhere in <main>. Inline styles and images/SVG: nowhere outside the code
      // editors, whose Monaco widgets draw with inline styles and SVG of their own (Monaco renders document text
      // as text nodes, never as HTML, so hostile markup cannot reach those attributes).
      const handlers = await page.evaluate(() =>
        Array.from(document.querySelectorAll("main *")).flatMap((el) =>
          Array.from(el.attributes)
            .filter((a) => /^on/i.test(a.name) || (a.name === "style" && el.closest(".code-editor") === null))
            .map((a) => `${el.tagName}[${a.name}]`),
        ),
      );
      expect(handlers).toEqual([]);
      const embedded = await page.evaluate(
        () =>
          Array.from(
            document.querySelectorAll("main img, main svg, main iframe, main object, main embed"),
          ).filter((el) => el.closest(".code-editor") === null).length,
      );
      expect(embedded).toBe(0);
      expect(await page.locator("main iframe, main object, main embed").count()).toBe(0);
    });
  }

  test("shows the hostile text as inert text", async ({ page }) => {
    await page.goto("/hostile/v1");
    await expect(page.getByText("click me")).toBeVisible();
    // A safe link inside the description survives, hardened.
    const safe = page.getByRole("link", { name: "a safe link" });
    await expect(safe).toHaveAttribute("href", "https://example.com/ok");
    await expect(safe).toHaveAttribute("rel", "noopener noreferrer nofollow");
    await expect(safe).toHaveAttribute("target", "_blank");
  });
});
