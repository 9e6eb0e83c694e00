/**
 * Issue 13 §1 on the page, production build: the credentials section offers "No browser on this machine"; the
 * Python and TypeScript code then signs in by a pasted address, and the page URL (the share link) keeps the
 * choice across a reload. The verbatim runs of that code are in testing/snippets-e2e/verbatim.test.ts.
 */
import type { Page } from "@playwright/test";

import { expect, test } from "./fixtures";

const CHANNELS = "/youtube/v3/youtube.channels.list";

async function copiedCode(page: Page): Promise<string> {
  await page
    .getByTestId("code-panel")
    .getByRole("button", { name: /^(Copy|Copied)$/ })
    .click();
  return page.evaluate(() => navigator.clipboard.readText());
}

test.describe("headless OAuth sign-in", () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
  });

  test("'No browser on this machine' switches the code to the pasted-address flow, and the link keeps it", async ({
    page,
  }) => {
    await page.goto(`${CHANNELS}?lang=python`);
    await expect(page.locator(".workbench[data-hydrated]")).toBeVisible();
    const loopback = page.getByRole("radio", { name: "Browser on this machine", exact: true });
    const headless = page.getByRole("radio", { name: "No browser on this machine", exact: true });
    await expect(loopback).toBeChecked();
    await expect.poll(() => copiedCode(page)).toContain("flow.run_local_server(port=0");

    await headless.check();
    await expect.poll(() => copiedCode(page)).toContain("def sign_in_without_browser():");
    const python = await copiedCode(page);
    expect(python).toContain("flow.fetch_token(code=");
    expect(python).toContain("ssh -L 8080:localhost:8080");
    expect(python).not.toContain("flow.run_local_server(");

    await page.getByTestId("code-panel").getByRole("tab", { name: "TypeScript" }).click();
    await expect.poll(() => copiedCode(page)).toContain("await readLine(");
    expect(await copiedCode(page)).not.toContain("createServer");

    // The page URL is the share link: a reload (or another visitor) gets the same choice and code.
    await expect(page).toHaveURL(/[?&]r=/);
    await page.reload();
    await expect(page.locator(".workbench[data-hydrated]")).toBeVisible();
    await expect(headless).toBeChecked();
    await expect.poll(() => copiedCode(page)).toContain("await readLine(");

    // Back to the loopback flow: the usual code again.
    await loopback.check();
    await expect.poll(() => copiedCode(page)).toContain("createServer");
  });
});
