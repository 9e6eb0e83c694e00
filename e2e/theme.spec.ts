/**
 * Light and dark: the page follows the system's colour scheme, the header's switch forces light or dark (a cookie
 * the server reads, so the next page load renders the right theme without any inline script), and Monaco follows.
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

    // The server renders the choice: the HTML itself carries it (no script decides it in the browser).
    const html = await (await page.request.get(METHOD_PAGE)).text();
    expect(html).toMatch(/<html[^>]*data-theme="light"/);
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
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
