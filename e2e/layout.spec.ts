/**
 * Responsive layout: nothing overflows horizontally from a 1024px laptop up, and the method page puts the form and
 * the code side by side from 1024px (≥ 1280px: intro and reference | form | request + code; 1024–1279px: intro,
 * then form | request + code, then the reference), and everything in one column below.
 */
import type { Page } from "@playwright/test";

import { expect, expectDocument404, test } from "./fixtures";

const METHOD_PAGE = "/compute/v1/compute.instances.insert";
const PAGES = ["/", "/youtube/v3", METHOD_PAGE, "/drive/v3/drive.files.create", "/broken/v1"];

async function expectNoHorizontalOverflow(page: Page, what: string): Promise<void> {
  const { scrollWidth, innerWidth, culprits } = await page.evaluate(() => {
    const width = window.innerWidth;
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: width,
      // What sticks out (for the failure message).
      culprits: Array.from(document.querySelectorAll("body *"))
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
    };
  });
  expect(scrollWidth, `${what}: horizontal overflow (${culprits.join(", ")})`).toBeLessThanOrEqual(
    innerWidth,
  );
}

async function openMethodPage(page: Page): Promise<void> {
  await page.goto(METHOD_PAGE);
  await expect(page.locator(".workbench[data-hydrated]")).toBeVisible();
  await expect(page.getByTestId("code-panel-code").locator(".monaco-editor")).toBeVisible();
  await expect(page.getByTestId("body-editor").locator(".monaco-editor")).toBeVisible();
}

async function box(page: Page, selector: string) {
  const b = await page.locator(selector).first().boundingBox();
  expect(b, selector).not.toBeNull();
  return b!;
}

for (const [width, height] of [
  [1024, 768],
  [1280, 800],
  [1366, 900],
  [1920, 1080],
] as const) {
  test.describe(`${width}×${height}`, () => {
    test.use({ viewport: { width, height } });

    test("no page scrolls horizontally", async ({ page }) => {
      for (const path of PAGES) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        if (path === METHOD_PAGE) await openMethodPage(page);
        await expectNoHorizontalOverflow(page, path);
      }
    });

    test("404 page does not scroll horizontally", async ({ page, problems }) => {
      await page.goto("/no-such-api/v1/nothing.here");
      await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
      await expectNoHorizontalOverflow(page, "404");
      expectDocument404(problems);
    });

    test("method page columns", async ({ page }) => {
      await openMethodPage(page);
      await page.getByRole("tab", { name: "Python" }).click(); // a long snippet: still no overflow
      await expectNoHorizontalOverflow(page, `${METHOD_PAGE}, Python`);
      const intro = await box(page, ".method-layout__intro");
      const docs = await box(page, ".method-layout__docs");
      const form = await box(page, ".wb-form");
      const code = await box(page, '[data-testid="code-panel"]');
      // The form and the code side by side: the code beside the form (not under it), the form on the first screen.
      expect(form.x + form.width).toBeLessThanOrEqual(code.x);
      expect(form.y).toBeLessThan(height);
      expect(code.y).toBeLessThan(form.y + form.height);
      expect(form.width).toBeGreaterThan(300);
      expect(code.width).toBeGreaterThan(400);
      if (width >= 1280) {
        // Intro and reference on the left: docs | form | code.
        expect(intro.x + intro.width).toBeLessThanOrEqual(form.x);
        expect(docs.x + docs.width).toBeLessThanOrEqual(form.x);
        expect(docs.y).toBeGreaterThanOrEqual(intro.y + intro.height);
      } else {
        // Intro above the workbench, reference below it.
        expect(form.y).toBeGreaterThanOrEqual(intro.y + intro.height);
        expect(docs.y).toBeGreaterThanOrEqual(form.y + form.height);
      }
    });
  });
}

test.describe("below 1024px", () => {
  test.use({ viewport: { width: 900, height: 800 } });

  test("the method page is one column", async ({ page }) => {
    await openMethodPage(page);
    const intro = await box(page, ".method-layout__intro");
    const form = await box(page, ".wb-form");
    const code = await box(page, '[data-testid="code-panel"]');
    const docs = await box(page, ".method-layout__docs");
    expect(form.y).toBeGreaterThanOrEqual(intro.y + intro.height);
    expect(code.y).toBeGreaterThanOrEqual(form.y + form.height);
    expect(docs.y).toBeGreaterThanOrEqual(code.y + code.height);
    await expectNoHorizontalOverflow(page, METHOD_PAGE);
  });
});
