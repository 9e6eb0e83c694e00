/**
 * Accessibility: axe-core (WCAG 2.x A/AA rules plus best practices) on the main pages in the light and the dark
 * colour scheme, with no serious or critical violation allowed (the others are printed, not failed); and the
 * workbench used with the keyboard alone, with a visible focus indicator on everything it reaches.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { expect, expectDocument404, test } from "./fixtures";

/** The first open of the palette builds the search index from every document of the fake Discovery server. */
const FIRST_INDEX_TIMEOUT = 120_000;
const METHOD_PAGE = "/compute/v1/compute.instances.insert";

type Impact = "minor" | "moderate" | "serious" | "critical";

async function axe(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    // Third-party DOM: Monaco's internals (hidden input textarea, decoration/overlay layers, hover and
    // suggest widgets, and the aria-live region it appends to <body>) are Monaco's. Our wrapper — its
    // labelled container, the editor's aria-label, the fallback <pre>/<textarea> — is still checked; so is the
    // editor's colour contrast, which we pick through the theme (vs / vs-dark).
    .exclude(".monaco-editor .inputarea")
    .exclude(".monaco-editor .overflow-guard > .monaco-scrollable-element > .lines-content .view-overlays")
    .exclude(".monaco-editor .overflowingContentWidgets")
    .exclude(".monaco-aria-container")
    .analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const others = results.violations.filter((v) => !blocking.includes(v));
  if (others.length > 0)
    console.log(
      `[axe] ${what}: minor/moderate: ${others.map((v) => `${v.id} (${v.impact as Impact}, ${v.nodes.length})`).join(", ")}`,
    );
  const report = blocking.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(" ")}\n      ${n.failureSummary?.replace(/\n/g, "\n      ")}`)
        .join("\n"),
  );
  expect(report, `serious/critical axe violations on ${what}`).toEqual([]);
}

/** The method page with the form hydrated and both Monaco editors (body, code) mounted. */
async function openMethodPage(page: Page): Promise<void> {
  await page.goto(METHOD_PAGE);
  await expect(page.locator(".workbench[data-hydrated]")).toBeVisible();
  await expect(page.getByTestId("body-editor").locator(".monaco-editor")).toBeVisible();
  await expect(page.getByTestId("code-panel-code").locator(".monaco-editor")).toBeVisible();
  await expect(page.getByTestId("code-panel-code").locator(".view-lines")).toContainText("compute");
}

for (const scheme of ["light", "dark"] as const) {
  test.describe(`axe, ${scheme} scheme`, () => {
    test.use({ colorScheme: scheme });
    test.describe.configure({ timeout: 180_000 });

    test("directory", async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1, name: "Google APIs" })).toBeVisible();
      await axe(page, `/ (${scheme})`);
    });

    test("API page", async ({ page }) => {
      await page.goto("/youtube/v3");
      await expect(page.getByRole("heading", { level: 1 })).toContainText("YouTube Data API");
      // Open every resource so nested method rows are checked too.
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      await axe(page, `/youtube/v3 (${scheme})`);
    });

    test("method page: form, body editor, code panel", async ({ page }) => {
      await openMethodPage(page);
      // Monaco follows the colour scheme.
      await expect(page.locator(".monaco-editor").first()).toHaveClass(
        scheme === "dark" ? /vs-dark/ : /\bvs\b/,
      );
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      await axe(page, `${METHOD_PAGE} (${scheme})`);
      // Other languages' tabs (and their option checkboxes).
      await page.getByRole("tab", { name: "Python" }).click();
      await expect(page.getByTestId("code-panel-code").locator(".view-lines")).toContainText("import");
      await axe(page, `${METHOD_PAGE}, Python tab (${scheme})`);
    });

    test("search palette open with results", async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1, name: "Google APIs" })).toBeVisible();
      await page.locator("body").click({ position: { x: 5, y: 400 } });
      await page.keyboard.press("/");
      const dialog = page.getByRole("dialog", { name: "Search APIs and methods" });
      await expect(dialog).toBeVisible();
      await page.keyboard.type("youtube list");
      await expect(dialog.getByRole("option").first()).toBeVisible({ timeout: FIRST_INDEX_TIMEOUT });
      await axe(page, `search palette (${scheme})`);
    });

    test("404 page", async ({ page, problems }) => {
      const response = await page.goto("/no-such-api/v1");
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
      await axe(page, `404 (${scheme})`);
      expectDocument404(problems);
    });

    test("malformed document error", async ({ page }) => {
      await page.goto("/broken/v1");
      await expect(page.locator("main").getByRole("alert")).toContainText("DoesNotExist");
      await axe(page, `/broken/v1 (${scheme})`);
    });
  });
}

/* ------------------------------------------------------- keyboard ------------------------------------------------------- */

interface FocusStyle {
  readonly where: string;
  readonly outlineStyle: string;
  readonly outlineWidth: number;
  readonly boxShadow: string;
}

/**
 * The focused element — or, for a visually hidden control (a radio under its label, Monaco's hidden textarea),
 * the element that draws its focus — has a visible indicator: an outline of 2px or more, or a box-shadow ring.
 */
async function expectFocusVisible(page: Page, what: string): Promise<void> {
  const style = await page.evaluate((): FocusStyle | null => {
    const active = document.activeElement;
    if (!(active instanceof HTMLElement) || active === document.body) return null;
    const drawn =
      active.closest<HTMLElement>(".code-editor") ??
      (active.matches(".theme-toggle__input") ? active.nextElementSibling : null) ??
      active;
    if (drawn.matches(".code-editor")) {
      // Drawn by an overlay (::after) with a border.
      const ring = getComputedStyle(drawn, "::after");
      return {
        where: ".code-editor::after",
        outlineStyle: ring.borderTopStyle,
        outlineWidth: parseFloat(ring.borderTopWidth),
        boxShadow: "none",
      };
    }
    const s = getComputedStyle(drawn);
    return {
      where: `${drawn.tagName}.${drawn.className}`,
      outlineStyle: s.outlineStyle,
      outlineWidth: parseFloat(s.outlineWidth),
      boxShadow: s.boxShadow,
    };
  });
  expect(style, `${what}: something is focused`).not.toBeNull();
  const visible =
    (style!.outlineStyle !== "none" && style!.outlineWidth >= 2) ||
    (style!.boxShadow !== "none" && style!.boxShadow !== "");
  expect(visible, `${what}: visible focus (${JSON.stringify(style)})`).toBe(true);
}

/** Presses Tab until `predicate` holds for the focused element (at most `max` times). */
async function tabUntil(page: Page, predicate: () => boolean, what: string, max = 300): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(predicate)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

const focusIn = (page: Page, selector: string) =>
  page.evaluate((sel) => document.activeElement?.closest(sel) != null, selector);

test.describe("keyboard only", () => {
  test.describe.configure({ timeout: 180_000 });
  test.beforeEach(async ({ context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
  });

  test("search palette, form fields, body editor, language tabs, copy; focus always visible", async ({
    page,
  }) => {
    await openMethodPage(page);

    // The first Tab reaches the skip link, which appears.
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await expectFocusVisible(page, "skip link");

    // The header's search button; Enter opens the palette, arrows move, Escape closes and focus comes back.
    const trigger = page.getByRole("button", { name: "Search APIs and methods" });
    await tabUntil(
      page,
      () => document.activeElement?.classList.contains("search-trigger") ?? false,
      "search",
      10,
    );
    await expectFocusVisible(page, "search button");
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Search APIs and methods" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("combobox")).toBeFocused();
    await page.keyboard.type("drive files create");
    const first = dialog.getByRole("option").first();
    await expect(first).toContainText("drive.files.create", { timeout: FIRST_INDEX_TIMEOUT });
    await expect(first).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("ArrowDown");
    await expect(dialog.getByRole("option").nth(1)).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(trigger).toBeFocused();

    // The theme switch is one tab stop (a radio group).
    await tabUntil(page, () => document.activeElement?.matches(".theme-toggle__input") ?? false, "theme", 5);
    await expectFocusVisible(page, "theme switch");

    // The form's first field (path parameter `project`), typed into; then the next one (zone).
    await tabUntil(
      page,
      () => document.activeElement?.closest(".wb-form") != null && document.activeElement.tagName === "INPUT",
      "the first form field",
    );
    await expectFocusVisible(page, "first form field");
    await page.keyboard.type("my-project");
    await expect(page.getByTestId("request-preview")).toContainText("/projects/my-project/");
    await page.keyboard.press("Tab");
    await expectFocusVisible(page, "second form field");
    await page.keyboard.type("us-central1-a");
    await expect(page.getByTestId("request-preview")).toContainText("/zones/us-central1-a/");

    // The body editor: Tab indents there; Escape then Tab moves on (no keyboard trap).
    await tabUntil(
      page,
      () => document.activeElement?.closest(".body-editor .monaco-editor") != null,
      "body",
    );
    await expectFocusVisible(page, "body editor");
    await page.keyboard.press("Tab");
    expect(await focusIn(page, ".body-editor .monaco-editor")).toBe(true);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    expect(await focusIn(page, ".body-editor .monaco-editor")).toBe(false);

    // The language tabs: one tab stop; arrows, Home and End move between them and select.
    await tabUntil(page, () => document.activeElement?.getAttribute("role") === "tab", "the language tabs");
    await expectFocusVisible(page, "language tab");
    const tabs = page.getByRole("tablist", { name: "Code language" });
    await expect(tabs.getByRole("tab", { name: "TypeScript" })).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await expect(tabs.getByRole("tab", { name: "Python" })).toBeFocused();
    await expect(tabs.getByRole("tab", { name: "Python" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByTestId("code-panel-code").locator(".view-lines")).toContainText("import");
    await page.keyboard.press("End");
    await expect(tabs.getByRole("tab", { name: "HTTP" })).toBeFocused();
    await page.keyboard.press("Home");
    await expect(tabs.getByRole("tab", { name: "TypeScript" })).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("ArrowLeft");
    await expect(tabs.getByRole("tab", { name: "HTTP" })).toHaveAttribute("aria-selected", "true");

    // Tab leaves the tab list (roving tabindex) for Copy; Enter copies.
    await page.keyboard.press("Tab");
    const copy = page.getByTestId("code-panel").getByRole("button", { name: "Copy" });
    await expect(copy).toBeFocused();
    await expectFocusVisible(page, "copy button");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("code-panel").getByRole("status")).toContainText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
      "POST /compute/v1/projects/my-project/zones/us-central1-a/instances",
    );

    // The generated code can be focused (to scroll or select it) and Tab goes on from it.
    await tabUntil(page, () => document.activeElement?.closest(".code-panel__code") != null, "the code");
    await expectFocusVisible(page, "code");
    await page.keyboard.press("Tab");
    expect(await focusIn(page, ".code-panel__code")).toBe(false);

    // Ctrl+K from anywhere; Enter opens the selected method.
    await page.keyboard.press("Control+k");
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Control+a");
    await page.keyboard.type("drive files create");
    await expect(dialog.getByRole("option").first()).toContainText("drive.files.create");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/drive\/v3\/drive\.files\.create$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("drive.files.create");
  });

  test("skip link moves on to the content; links, filter and resource toggles show a focus ring", async ({
    page,
  }) => {
    await page.goto("/youtube/v3");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("YouTube Data API");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await focusIn(page, "main")).toBe(true);
    await expectFocusVisible(page, "first link in main");
    await tabUntil(page, () => document.activeElement?.tagName === "INPUT", "the method filter");
    await expectFocusVisible(page, "method filter");
    await tabUntil(page, () => document.activeElement?.tagName === "SUMMARY", "a resource toggle");
    await expectFocusVisible(page, "resource toggle");
  });
});
