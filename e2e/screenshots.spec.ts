/**
 * Screenshots of the main pages for docs/screenshots/, in light and dark, at a 1366×900 and a 1024×768 screen.
 * Not part of the normal run: `SCREENSHOTS=1 npx playwright test e2e/screenshots.spec.ts`. Viewport-sized PNGs (the
 * top of each page, what a visitor sees first).
 */
import { mkdirSync } from "node:fs";

import type { Page } from "@playwright/test";

import { expect, expectDocument404, test } from "./fixtures";

const OUT = "docs/screenshots";
const FIRST_INDEX_TIMEOUT = 120_000;

test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 to take the screenshots");
test.describe.configure({ timeout: 240_000 });

async function shoot(page: Page, name: string, scheme: string): Promise<void> {
  const { width, height } = page.viewportSize()!;
  mkdirSync(OUT, { recursive: true });
  // Let the last layout settle; no blinking caret (`caret: "hide"`) or half-finished transitions in the pictures.
  await page.waitForTimeout(300);
  await page.screenshot({
    path: `${OUT}/${name}-${scheme}-${width}x${height}.png`,
    animations: "disabled",
    caret: "hide",
  });
}

for (const scheme of ["light", "dark"] as const) {
  for (const [width, height] of [
    [1366, 900],
    [1024, 768],
  ] as const) {
    test.describe(`${scheme} ${width}×${height}`, () => {
      test.use({ colorScheme: scheme, viewport: { width, height } });

      test("directory", async ({ page }) => {
        await page.goto("/");
        await expect(page.getByRole("heading", { level: 1, name: "Google APIs" })).toBeVisible();
        await shoot(page, "directory", scheme);
      });

      test("API page", async ({ page }) => {
        await page.goto("/youtube/v3");
        await expect(page.getByRole("heading", { level: 1 })).toContainText("YouTube Data API");
        await shoot(page, "api-youtube-v3", scheme);
      });

      test("method page with code", async ({ page }) => {
        await page.goto("/compute/v1/compute.instances.insert");
        await expect(page.locator(".workbench[data-hydrated]")).toBeVisible();
        await page.locator("#rf-project").fill("my-project");
        await page.locator("#rf-zone").fill("us-central1-a");
        await expect(page.getByTestId("request-preview")).toContainText(
          "/projects/my-project/zones/us-central1-a/",
        );
        await expect(page.getByTestId("code-panel-code").locator(".monaco-editor")).toBeVisible();
        await expect(page.getByTestId("body-editor").locator(".monaco-editor")).toBeVisible();
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await shoot(page, "method-compute-instances-insert", scheme);
      });

      test("search palette", async ({ page }) => {
        await page.goto("/drive/v3");
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await page.keyboard.press("/");
        const dialog = page.getByRole("dialog", { name: "Search APIs and methods" });
        await expect(dialog).toBeVisible();
        await page.keyboard.type("files list");
        await expect(dialog.getByRole("option").first()).toBeVisible({ timeout: FIRST_INDEX_TIMEOUT });
        await shoot(page, "search-palette", scheme);
      });

      test("error pages", async ({ page, problems }) => {
        await page.goto("/broken/v1");
        await expect(page.locator("main").getByRole("alert")).toContainText("DoesNotExist");
        await shoot(page, "error-malformed-document", scheme);
        await page.goto("/youtube/v3/youtube.nothing.here");
        await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
        await shoot(page, "error-not-found", scheme);
        expectDocument404(problems);
      });
    });
  }
}
