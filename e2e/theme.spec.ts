/**
 * Light and dark: the page follows the system's colour scheme, the header's switch forces light or dark (a cookie
 * that a tiny inline script applies before the first paint, lib/theme.ts THEME_SCRIPT), and Monaco follows.
 */
import type { Page } from "@playwright/test";

import { expect, test } from "./fixtures";

const METHOD_PAGE = "/youtube/v3/youtube.channels.list";

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const DARK_BG = "rgb(20, 23, 28)";
const LIGHT_BG = "rgb(255, 255, 255)";

async function openMethodPage(page: Page): Promise<void> {
  await page.goto(METHOD_PAGE);
  await expect(page.locator(".workbench[data-hydrated]")).toBeVisible();
  await expect(page.getByTestId("code-panel-code").locator(".monaco-editor")).toBeVisible();
}

test.describe("system dark", () => {
  test.use({ colorScheme: "dark" });

  test("follows the system; the switch forces light, is remembered, and Auto goes back", async ({
    page,
    context,
  }) => {
    await openMethodPage(page);
    const editor = page.getByTestId("code-panel-code").locator(".monaco-editor");
    const theme = page.getByRole("group", { name: "Colour theme" });
    await expect(theme.getByRole("radio", { name: "Auto" })).toBeChecked();
    expect(await background(page)).toBe(DARK_BG);
    await expect(editor).toHaveClass(/vs-dark/);

    // Keyboard: the checked radio, then an arrow key selects the next one (Light).
    await theme.getByRole("radio", { name: "Auto" }).focus();
    await page.keyboard.press("ArrowRight");
    await expect(theme.getByRole("radio", { name: "Light" })).toBeChecked();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    expect(await background(page)).toBe(LIGHT_BG);
    await expect(editor).not.toHaveClass(/vs-dark/);
    expect((await context.cookies()).find((c) => c.name === "theme")?.value).toBe("light");

    // The page is the same for everyone (lib/page-cache), so the HTML does not carry the choice: the inline theme
    // script applies the cookie before anything below it is parsed, so the first paint already has it (no flash).
    const html = await (await page.request.get(METHOD_PAGE)).text();
    expect(html).not.toMatch(/<html[^>]*data-theme=/);
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector("main") === null) return;
        (window as unknown as { __themeAtMain?: string }).__themeAtMain =
          document.documentElement.dataset.theme;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    expect(await page.evaluate(() => (window as unknown as { __themeAtMain?: string }).__themeAtMain)).toBe(
      "light",
    );
    await expect(
      page.getByRole("group", { name: "Colour theme" }).getByRole("radio", { name: "Light" }),
    ).toBeChecked();

    await page.getByRole("group", { name: "Colour theme" }).getByRole("radio", { name: "Auto" }).click();
    await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
    expect(await background(page)).toBe(DARK_BG);
    expect((await context.cookies()).find((c) => c.name === "theme")).toBeUndefined();
  });
});

test.describe("system light", () => {
  test.use({ colorScheme: "light" });

  test("Dark forces dark, and Monaco switches live", async ({ page }) => {
    await openMethodPage(page);
    const editor = page.getByTestId("code-panel-code").locator(".monaco-editor");
    expect(await background(page)).toBe(LIGHT_BG);
    await expect(editor).not.toHaveClass(/vs-dark/);
    await page.getByRole("group", { name: "Colour theme" }).getByRole("radio", { name: "Dark" }).click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    expect(await background(page)).toBe(DARK_BG);
    await expect(editor).toHaveClass(/vs-dark/);
    // The system preference changing does not override a forced choice.
    await page.emulateMedia({ colorScheme: "light" });
    expect(await background(page)).toBe(DARK_BG);
    await expect(editor).toHaveClass(/vs-dark/);
  });

  test("without a choice, the page follows the system live", async ({ page }) => {
    await openMethodPage(page);
    const editor = page.getByTestId("code-panel-code").locator(".monaco-editor");
    await page.emulateMedia({ colorScheme: "dark" });
    await expect(editor).toHaveClass(/vs-dark/);
    expect(await background(page)).toBe(DARK_BG);
    await page.emulateMedia({ colorScheme: "light" });
    await expect(editor).not.toHaveClass(/vs-dark/);
    expect(await background(page)).toBe(LIGHT_BG);
  });
});
