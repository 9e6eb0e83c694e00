import { test as base, expect, type Page } from "@playwright/test";

/** Console errors and uncaught page errors seen during a test; the fixture fails the test if any occurred. */
export interface PageProblems {
  readonly errors: string[];
  readonly dialogs: string[];
}

/** Statuses of the documents a page navigated to: Chromium logs a document's own 4xx/5xx as a console error. */
const documentStatuses = new WeakMap<PageProblems, Set<number>>();

const PAGE_STATUSES = new Set([404, 422, 502, 504]);

function isPagePayload(url: string, status: number): boolean {
  return PAGE_STATUSES.has(status) && new URL(url).searchParams.has("_rsc");
}

function watch(page: Page): PageProblems {
  const problems: PageProblems = { errors: [], dialogs: [] };
  const statuses = new Set<number>();
  documentStatuses.set(problems, statuses);
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.errors.push(`console: ${msg.text()}`);
  });
  page.on("response", (res) => {
    // A page's React Server Components payload (a link's prefetch, a soft navigation: `?_rsc=`) carries the page's
    // own designed status too (lib/discovery/load-status.ts: a listed document that is malformed is 422): a page
    // load in advance, not a failed sub-resource. 500 stays an error.
    const page = res.request().isNavigationRequest() || isPagePayload(res.url(), res.status());
    if (page) statuses.add(res.status());
    if (res.status() >= 400 && !page) problems.errors.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  page.on("pageerror", (err) => problems.errors.push(`pageerror: ${err.message}`));
  page.on("dialog", (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return problems;
}

/**
 * `problems` (automatic: every test gets it) collects console errors, failed sub-resources, page errors and dialogs;
 * the test fails if any occurred. A test expecting some may clear `problems.errors` before it ends.
 */
export const test = base.extend<{ problems: PageProblems }>({
  problems: [
    async ({ page }, provide) => {
      const problems = watch(page);
      await provide(problems);
      expect(problems.dialogs, "no dialogs (alert/confirm/prompt) may open").toEqual([]);
      // A page meant to answer 404, 422 or 502 (its status is what the tests check) is not a console error.
      const navigated = documentStatuses.get(problems) ?? new Set<number>();
      const errors = problems.errors.filter((e) => {
        const status = /^console: Failed to load resource: the server responded with a status of (\d+)/.exec(
          e,
        );
        return status === null || !navigated.has(Number(status[1]));
      });
      expect(errors, "no console errors or uncaught page errors").toEqual([]);
    },
    { auto: true },
  ],
});

/** For pages that are meant to answer 404: Chromium logs the document's own 404 as a console error. */
export function expectDocument404(problems: PageProblems): void {
  const rest = problems.errors.filter((e) => !/status of 404/.test(e));
  problems.errors.splice(0, problems.errors.length, ...rest);
}

/**
 * Holds back the page's requests that `match` until the returned function is called, so a test can look at the
 * page while it waits (the page's scripts before hydration, a method page's data during a navigation). Released
 * requests go on to any other route handler, then to the network.
 */
export async function holdRequests(page: Page, match: RegExp | ((url: URL) => boolean)): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(match, async (route) => {
    await held;
    await route.fallback();
  });
  return release;
}

export { expect };
