/**
 * Navigation start → interactive form, for one tool and method, in a fresh browser context (empty HTTP cache:
 * cold), then once more in a second tab of the same context (HTTP cache filled: warm).
 *
 * "Interactive" is the same for both tools: the method's first parameter has an enabled input, focused, and a
 * trusted key press ("x", sent by Playwright as soon as the page says it is ready) leaves the character in it after
 * the framework has handled the event. Ours must first have hydrated (`.workbench[data-hydrated]`); Swagger UI must
 * first have expanded the deep-linked operation and been switched to "Try it out" (plus "Add item" when the
 * parameter is an array), clicked in page the moment each button exists. The figure is `accepted`, in the page's own
 * clock (ms since navigation start). It includes one Node ⇄ browser round trip (ready → key press) for both tools.
 *
 * Ours is also measured "early" (LoadProbeConfig.early): the key goes into the server-rendered field as soon as the
 * page has painted, before hydration, and the sample only counts if the hydrated page's HTTP preview then shows the
 * typed character (the early-input adoption in components/workbench/adopt-early-input.ts). That is when a user can
 * start filling the form without losing anything; `adopted` is when the request and code have caught up.
 */
import type { Browser, BrowserContext } from "@playwright/test";

import { loadProbe, NAME_SHIM, navigationMarks, type LoadMarks, type LoadProbeConfig } from "./page-probes";

export interface LoadSample extends LoadMarks {
  readonly ok: boolean;
  readonly error?: string;
  readonly nav: Record<string, number>;
}

const TIMEOUT_MS = 120_000;

async function once(context: BrowserContext, url: string, config: LoadProbeConfig): Promise<LoadSample> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: "commit", timeout: TIMEOUT_MS });
    await page.evaluate(
      (ms) =>
        Promise.race([
          window.__benchLoad!.ready,
          new Promise<never>((_, reject) =>
            setTimeout(
              () =>
                reject(new Error(`not ready after ${ms} ms: ${JSON.stringify(window.__benchLoad!.marks)}`)),
              ms,
            ),
          ),
        ]),
      TIMEOUT_MS,
    );
    // One key, sent right after `ready` resolves: no page.evaluate in between, since one would wait for the page's
    // main thread and so hold the key back exactly when the page is busy (the key must queue in the page). A busy
    // main thread delays the key's events, which is part of the figure: wait for the page's verdict, however long.
    // If the page drops the character (it was not really ready: never seen so far) the key is pressed again, so a
    // premature "ready" shows up as a slower figure, not as a hang.
    let rejectedBefore = 0;
    for (let attempt = 0; attempt < 10; attempt++) {
      await page.keyboard.press("x");
      const outcome = await page.evaluate(
        ([before, ms]) =>
          new Promise<"accepted" | "rejected" | "timeout">((resolve) => {
            const marks = window.__benchLoad!.marks;
            const t0 = performance.now();
            const poll = () => {
              if (marks.accepted !== undefined) resolve("accepted");
              else if (marks.rejected > before) resolve("rejected");
              else if (performance.now() - t0 > ms) resolve("timeout");
              else setTimeout(poll, 5);
            };
            poll();
          }),
        [rejectedBefore, TIMEOUT_MS] as const,
      );
      if (outcome !== "rejected") break;
      rejectedBefore = await page.evaluate(() => window.__benchLoad!.marks.rejected);
    }
    // Early samples count once the hydrated page's request holds the character typed before hydration.
    if (config.early !== undefined)
      await page
        .waitForFunction(() => window.__benchLoad!.marks.adopted !== undefined, undefined, {
          timeout: TIMEOUT_MS,
        })
        .catch(() => undefined);
    const marks = await page.evaluate(() => window.__benchLoad!.marks);
    const nav = await page.evaluate(navigationMarks);
    // Let the page finish what it does after becoming interactive (Monaco, Next.js link prefetches, which the
    // server renders) before the next measurement: server and browser share this machine's cores.
    await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => undefined);
    // Long tasks are reported after they end (a low-priority callback): read them once the page has settled.
    const longTasks = await page.evaluate(() => window.__benchLoad!.marks.longTasks);
    const ok = marks.accepted !== undefined && (config.early === undefined || marks.adopted !== undefined);
    const lost = marks.accepted !== undefined && !ok;
    return {
      ...marks,
      longTasks,
      nav,
      ok,
      ...(lost ? { error: "the character typed early never reached the request" } : {}),
    };
  } catch (err) {
    return {
      clicks: 0,
      rejected: 0,
      longTasks: [],
      nav: {},
      ok: false,
      error: err instanceof Error ? err.message.split("\n")[0] : String(err),
    };
  } finally {
    await page.close();
  }
}

export async function measureLoad(
  browser: Browser,
  url: string,
  config: LoadProbeConfig,
): Promise<{ cold: LoadSample; warm: LoadSample }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(NAME_SHIM);
    await context.addInitScript(loadProbe, config);
    const cold = await once(context, url, config);
    const warm = await once(context, url, config);
    return { cold, warm };
  } finally {
    await context.close();
  }
}
