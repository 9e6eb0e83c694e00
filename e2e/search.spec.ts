import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, holdRequests, test } from "./fixtures";
import { SEARCH_INDEX_PATH } from "../lib/routes";

/** The relevance benchmark's intents (scripts/bench-search.ts); the e2e types a fixed sample of them. */
const INTENTS = (
  JSON.parse(
    readFileSync(join(__dirname, "..", "lib", "search", "__fixtures__", "intents.json"), "utf8"),
  ) as {
    queries: { q: string; want: string[] }[];
  }
).queries;

/**
 * The global search palette. Against the fake Discovery server the first open builds the index over HTTP (every
 * document, 8 at a time), which takes a while on a loaded machine: the first wait is long and a loading state shows.
 */
const FIRST_INDEX_TIMEOUT = 120_000;

test.describe("search palette", () => {
  test.describe.configure({ timeout: 180_000 });

  test("/ on the home page → youtube channels list → Enter opens the method", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Google APIs" })).toBeVisible();
    // The directory page does not embed the index.
    expect((await page.content()).includes("youtube.channels.list")).toBe(false);

    await page.locator("body").click({ position: { x: 5, y: 400 } });
    await page.keyboard.press("/");
    const dialog = page.getByRole("dialog", { name: "Search APIs and methods" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAttribute("aria-modal", "true");
    const input = dialog.getByRole("combobox", { name: "Search APIs and methods" });
    await expect(input).toBeFocused();

    await page.keyboard.type("youtube channels list");
    const first = dialog.getByRole("option").first();
    await expect(first).toContainText("youtube.channels.list", { timeout: FIRST_INDEX_TIMEOUT });
    await expect(first).toHaveAttribute("aria-selected", "true");
    await expect(input).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
    await expect(first).toContainText("YouTube Data API");
    await page.screenshot({ path: "test-results/screenshots/search-palette.png" });

    // Arrow keys move the active option and back.
    await page.keyboard.press("ArrowDown");
    await expect(first).toHaveAttribute("aria-selected", "false");
    await page.keyboard.press("ArrowUp");
    await expect(first).toHaveAttribute("aria-selected", "true");

    // The method page's data is held: until it arrives, the old page stays and the header says what is opening.
    const release = await holdRequests(
      page,
      (url) => url.pathname === "/youtube/v3/youtube.channels.list" && url.searchParams.has("_rsc"),
    );
    await page.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
    await expect(
      page.getByRole("status").filter({ hasText: "Opening youtube.channels.list…" }),
    ).toBeAttached();
    await expect(page.locator(".search-trigger .link-hint--pending")).toBeVisible();
    release();
    await expect(page).toHaveURL(/\/youtube\/v3\/youtube\.channels\.list$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("youtube.channels.list");
    await expect(page.locator(".search-trigger .link-hint--pending")).toHaveCount(0);
  });

  test("Ctrl-K on a method page opens it; Esc closes and restores focus", async ({ page }) => {
    await page.goto("/drive/v3/drive.files.create");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("drive.files.create");
    const trigger = page.getByRole("button", { name: "Search APIs and methods" });
    await trigger.focus();
    await expect(trigger).toBeFocused();

    await page.keyboard.press("Control+k");
    const dialog = page.getByRole("dialog", { name: "Search APIs and methods" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("combobox")).toBeFocused();
    await page.keyboard.type("compute instances insert");
    await expect(dialog.getByRole("option").first()).toContainText("compute.instances.insert", {
      timeout: FIRST_INDEX_TIMEOUT,
    });
    await expect(dialog.getByRole("option").first()).toContainText("v1");

    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(trigger).toBeFocused();

    // Ctrl-K toggles it.
    await page.keyboard.press("Control+k");
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Control+k");
    await expect(dialog).toBeHidden();
  });

  test("the header button opens it; mouse picks an API result", async ({ page }) => {
    await page.goto("/youtube/v3");
    // `/` typed into a text field stays a character.
    const filter = page.getByLabel("Filter methods");
    await filter.pressSequentially("a/b");
    await expect(filter).toHaveValue("a/b");
    await expect(page.getByRole("dialog")).toBeHidden();
    await filter.fill("");

    await page.getByRole("button", { name: "Search APIs and methods" }).click();
    const dialog = page.getByRole("dialog", { name: "Search APIs and methods" });
    await dialog.getByRole("combobox").fill("drive");
    const api = dialog.getByRole("option").filter({ hasText: "Google Drive API" }).first();
    await expect(api).toBeVisible({ timeout: FIRST_INDEX_TIMEOUT });
    await api.click();
    await expect(page).toHaveURL(/\/drive\/v\d+$/);
  });

  test("plain-language queries list the method they mean in the first three (a sample of the benchmark)", async ({
    page,
  }) => {
    await page.goto("/");
    await page.keyboard.press("/");
    const dialog = page.getByRole("dialog", { name: "Search APIs and methods" });
    const input = dialog.getByRole("combobox", { name: "Search APIs and methods" });
    const sample = INTENTS.filter((_, i) => i % 6 === 0);
    expect(sample.map((s) => s.q)).toContain("send email");
    for (const { q, want } of sample) {
      await input.fill(q);
      // API hits take a place too (as in the benchmark): they count as "API".
      const firstThree = () =>
        dialog
          .getByRole("option")
          .evaluateAll((els) =>
            els.slice(0, 3).map((e) => e.querySelector(".search-hit__id")?.textContent ?? "API"),
          );
      await expect
        .poll(firstThree, {
          message: `the first three hits of ${JSON.stringify(q)} include one of ${want.join(", ")}`,
          timeout: FIRST_INDEX_TIMEOUT,
        })
        .toEqual(
          expect.arrayContaining([
            expect.stringMatching(new RegExp(`^(${want.join("|").replace(/\./g, "\\.")})$`)),
          ]),
        );
    }
  });

  test("a typo still finds the method, preferred versions are marked, and aliased versions show once", async ({
    page,
  }) => {
    await page.goto("/");
    await page.keyboard.press("/");
    const dialog = page.getByRole("dialog", { name: "Search APIs and methods" });
    const input = dialog.getByRole("combobox", { name: "Search APIs and methods" });
    await input.fill("calender events insert");
    const first = dialog.getByRole("option").first();
    await expect(first.locator(".search-hit__id")).toHaveText("calendar.events.insert", {
      timeout: FIRST_INDEX_TIMEOUT,
    });
    await expect(first.locator(".search-hit__api")).toHaveText("Calendar API · v3 · preferred");
    await input.fill("directory users list");
    await expect(dialog.getByRole("option").first().locator(".search-hit__id")).toHaveText(
      "directory.users.list",
    );
    await expect(dialog.locator(".search-hit__id", { hasText: /^directory\.users\.list$/ })).toHaveCount(1);
  });

  test("the index is served with an ETag and revalidates to 304", async ({ request }) => {
    const res = await request.get(SEARCH_INDEX_PATH, { timeout: FIRST_INDEX_TIMEOUT });
    expect(res.status()).toBe(200);
    const etag = res.headers()["etag"];
    expect(etag).toBeTruthy();
    const body = (await res.json()) as { methods: unknown[]; apis: unknown[] };
    expect(body.methods.length).toBeGreaterThan(20_000);
    const again = await request.get(SEARCH_INDEX_PATH, { headers: { "if-none-match": etag! } });
    expect(again.status()).toBe(304);
  });

  test("an index the server cannot build: the palette says why, Retry loads it, the query typed is kept", async ({
    page,
    problems,
  }) => {
    let refuse = true;
    await page.route("**/api/search-index", (route) =>
      refuse
        ? route.fulfill({
            status: 503,
            contentType: "application/json",
            body: JSON.stringify({ error: "The search index could not be built: discovery timed out" }),
          })
        : route.continue(),
    );
    await page.goto("/");
    await page.keyboard.press("/");
    const dialog = page.getByRole("dialog", { name: "Search APIs and methods" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("status")).toContainText(
      "The search index could not be built: discovery timed out",
    );
    await dialog.getByRole("combobox").fill("drive files list");
    refuse = false;
    await dialog.getByRole("button", { name: "Retry" }).click();
    await expect(dialog.getByRole("option").first()).toContainText("drive.files.list", {
      timeout: FIRST_INDEX_TIMEOUT,
    });
    await expect(dialog.getByRole("combobox")).toHaveValue("drive files list");
    // The refused index request is the only failure (the fixture fails on any other).
    const rest = problems.errors.filter((e) => !/api\/search-index|status of 503/.test(e));
    problems.errors.splice(0, problems.errors.length, ...rest);
  });
});
