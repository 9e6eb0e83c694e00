/**
 * The migration assistant (/migrate): reached from the header; paste → findings (line, column, rule, why-link) →
 * Monaco's diff editor with the rewritten file → Copy and Download give exactly lib/migrate's output; opening a
 * file picks its language; current code is left alone; an unsupported file gets a clear message.
 */
import { readFileSync } from "node:fs";

import AxeBuilder from "@axe-core/playwright";

import { migrate } from "../lib/migrate/migrate";
import { expect, test } from "./fixtures";

const CORPUS = "testing/migrate-corpus";
const SHEETS = readFileSync(`${CORPUS}/legacy/sheets-values-get-run-console.py`, "utf8");

test.describe("migration assistant", () => {
  test("paste → findings → diff → copy and download", async ({ page, context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
    await page.goto("/");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Fix my old code" })
      .click();
    await expect(page).toHaveURL(/\/migrate$/);
    await expect(page.getByRole("heading", { level: 1, name: "Fix my old code" })).toBeVisible();

    await page.getByLabel("Your code (paste it here, or drop a file)").fill(SHEETS);
    const findings = page.getByTestId("migrate-findings").getByRole("listitem");
    await expect(findings).toHaveCount(1);
    await expect(findings.first()).toContainText("Line 10, column 9");
    await expect(findings.first()).toContainText("py-run-console");
    await expect(findings.first()).toContainText("run_console() no longer exists");
    await expect(findings.first().getByRole("link")).toHaveAttribute(
      "href",
      "https://github.com/googleapis/google-auth-oauthlib/releases/tag/v1.0.0",
    );

    // Monaco's diff editor, side by side: the original on the left, the rewrite on the right.
    const diff = page.getByTestId("diff-editor");
    await expect(diff.locator(".monaco-diff-editor")).toBeVisible();
    await expect(diff.locator(".editor.original .view-lines")).toContainText("flow.run_console()");
    await expect(diff.locator(".editor.modified .view-lines")).toContainText("flow.run_local_server(port=0)");

    const expected = migrate(SHEETS, { language: "python" }).output;
    await page.getByRole("button", { name: "Copy" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Copied" })).toHaveText(
      "Copied the rewritten file to the clipboard.",
    );
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("migrated.py");
    expect(readFileSync(await download.path(), "utf8")).toBe(expected);
  });

  test("opening a file picks its language; current code has nothing to fix; other files are refused", async ({
    page,
  }) => {
    await page.goto("/migrate");
    const input = page.getByLabel("Open a file");
    await input.setInputFiles(`${CORPUS}/legacy/drive-local-auth-quickstart.js`);
    await expect(page.getByLabel("Language")).toHaveValue("javascript");
    const findings = page.getByTestId("migrate-findings").getByRole("listitem");
    await expect(findings).toHaveCount(1);
    await expect(findings.first()).toContainText("js-local-auth");
    await expect(findings.first()).toContainText("Line 4, column 1");

    // A TypeScript readline/promises prompt; "no browser" gives the headless sign-in of our TS snippets.
    await input.setInputFiles(`${CORPUS}/legacy/tasks-readline-promises-oob.mts`);
    await expect(page.getByLabel("Language")).toHaveValue("typescript");
    await expect(findings).toHaveCount(1);
    await expect(findings.first()).toContainText("js-oob-code-prompt");
    const modified = page.getByTestId("diff-editor").locator(".editor.modified .view-lines");
    await expect(modified).toContainText("async function loopbackGetToken(");
    await page.getByLabel(/No browser on the machine that runs it/).check();
    await expect(modified).toContainText("async function headlessGetToken(");
    await page.getByLabel(/No browser on the machine that runs it/).uncheck();

    // Explained, not rewritten: "fix by hand" with what to do.
    await input.setInputFiles(`${CORPUS}/legacy/gapi-auth2-browser.js`);
    await expect(findings).toHaveCount(3);
    await expect(findings.first()).toContainText("fix by hand");
    await expect(findings.first()).toContainText("initTokenClient");

    await input.setInputFiles(`${CORPUS}/current/drive-quickstart-2024.py`);
    await expect(page.getByLabel("Language")).toHaveValue("python");
    await expect(page.getByRole("heading", { name: "Nothing to fix" })).toBeVisible();

    // A pathological file (one line, 100 000 brackets) after a 50-line one: analysed (or refused with a clear
    // message where the parser runs out of stack) and diffed without a page error — the diff editor once threw
    // "startLineNumber … cannot be after endLineNumberExclusive …" when its two sides were updated one by one.
    const deep = `x = ${"(".repeat(50_000)}flow.run_console()${")".repeat(50_000)}\n`;
    await input.setInputFiles({ name: "deep.py", mimeType: "text/x-python", buffer: Buffer.from(deep) });
    await expect(
      page.getByRole("heading", { name: /^1 finding$/ }).or(page.getByText(/nested too deeply/)),
    ).toBeVisible();
    await input.setInputFiles(`${CORPUS}/legacy/translate-apikey-hardcoded.py`);
    await expect(page.getByTestId("diff-editor").locator(".editor.modified .view-lines")).toContainText(
      'developerKey=os.environ["GOOGLE_API_KEY"]',
    );

    await input.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
    await expect(page.getByRole("alert").filter({ hasText: "notes.txt" })).toHaveText(
      "notes.txt: only .py, .js/.cjs/.mjs and .ts/.mts files can be migrated.",
    );
  });

  test("every code panel links to it, and the page with findings and the diff passes axe", async ({
    page,
  }) => {
    await page.goto("/drive/v3/drive.files.create");
    await page.getByTestId("code-panel").getByRole("link", { name: "Have old code?" }).click();
    await expect(page).toHaveURL(/\/migrate$/);
    await page.getByLabel("Your code (paste it here, or drop a file)").fill(SHEETS);
    await expect(page.getByTestId("diff-editor").locator(".monaco-diff-editor")).toBeVisible();
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
      // Monaco's own internals, as in a11y.spec.ts.
      .exclude(".monaco-editor .inputarea")
      .exclude(".monaco-editor .overflow-guard > .monaco-scrollable-element > .lines-content .view-overlays")
      .exclude(".monaco-editor .overflowingContentWidgets")
      .exclude(".monaco-aria-container")
      .analyze();
    const blocking = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(blocking).toEqual([]);
  });
});
