/**
 * Search latency over every method, in the real palette (components/search/search-palette.tsx) on the directory
 * page: keydown.timeStamp → the first DOM change after which the result list is exactly what the same search code
 * returns in Node for the query typed so far (lib/search/search, imported as scripts/bench-search.ts does). The
 * index must already be loaded, so opening the palette (Ctrl+K, which also works while a field has focus) is
 * measured separately: keydown → "Search N methods…" (fetch from a warm server, JSON.parse, prepare).
 *
 * Queries are typed a character at a time, 80 ms apart. A keystroke is measured only when its expected results
 * differ from the previous keystroke's (otherwise React may render nothing new and there is no DOM change to see).
 */
import type { Browser } from "@playwright/test";

import { clearSearchCaches, search, type PreparedSearch } from "../../lib/search/search";
import { installSearchProbe, NAME_SHIM, type ExpectedResults } from "./page-probes";

export const SEARCH_QUERIES = [
  "youtube channels list",
  "compute instances insert",
  "drive files create",
  "gmail messages send",
  "storage objects get",
  "bigquery jobs query",
  "iam policy",
  "sheets values update",
] as const;

const LIMIT = 50; // the palette's own limit
const SELECTORS = { list: ".search-dialog__list", status: ".search-dialog__status" };

export interface SearchSamples {
  /** Ctrl+K → index loaded and the empty-query status shown (server already warm). */
  readonly openToReady: number | null;
  readonly keystrokes: number[];
  /** The query typed so far at each measured keystroke (parallel to `keystrokes`). */
  readonly typed: string[];
  /** Keystrokes typed but not measured (same results as the previous one). */
  readonly skipped: number;
  readonly errors: string[];
  /** The same queries' prefixes timed in Node: the pure query cost (no React, no DOM). */
  readonly nodeQuery: number[];
}

function expected(prepared: PreparedSearch, query: string): { e: ExpectedResults; signature: string } {
  const r = search(prepared, query, LIMIT);
  const hrefs = r.hits.map((h) => h.href);
  return {
    e: { count: hrefs.length, first: hrefs[0] ?? null, last: hrefs[hrefs.length - 1] ?? null },
    signature: `${r.total}|${hrefs.join(" ")}`,
  };
}

/**
 * The pure query cost: each prefix computed afresh (the results cache, which answers repeated and warmed queries in
 * the page, is cleared before each one).
 */
export function timeQueriesInNode(prepared: PreparedSearch): number[] {
  const prefixes = SEARCH_QUERIES.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1)));
  for (const q of prefixes) search(prepared, q, LIMIT); // JIT warm-up, as the page has had by then
  return prefixes.map((q) => {
    clearSearchCaches(prepared);
    const t = performance.now();
    search(prepared, q, LIMIT);
    return performance.now() - t;
  });
}

export async function measureSearch(
  browser: Browser,
  origin: string,
  prepared: PreparedSearch,
): Promise<SearchSamples> {
  const out = {
    openToReady: null as number | null,
    keystrokes: [] as number[],
    typed: [] as string[],
    skipped: 0,
    errors: [] as string[],
    nodeQuery: timeQueriesInNode(prepared),
  };
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(NAME_SHIM);
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.evaluate(installSearchProbe, SELECTORS);
    // Until the header has hydrated Ctrl+K does nothing: retry until the dialog opens.
    for (let attempt = 0; attempt < 50; attempt++) {
      await page.evaluate(([e, ms]) => window.__benchSearch!.arm(e, ms), [
        { count: 0, first: null, last: null, status: "Search " } satisfies ExpectedResults,
        60_000,
      ] as const);
      await page.keyboard.press("Control+k");
      if (await page.locator("dialog.search-dialog[open]").count()) {
        out.openToReady = await page.evaluate(() => window.__benchSearch!.pending!);
        break;
      }
      await page.waitForTimeout(100);
    }
    if (out.openToReady === null) throw new Error("the search palette did not open");

    for (const query of SEARCH_QUERIES) {
      // Clear (select all, delete) and wait for the empty state before typing the next query.
      await page.keyboard.press("Control+a");
      await page.evaluate(([e, ms]) => window.__benchSearch!.arm(e, ms), [
        { count: 0, first: null, last: null, status: "Search " } satisfies ExpectedResults,
        5000,
      ] as const);
      await page.keyboard.press("Backspace");
      await page.evaluate(() => window.__benchSearch!.pending!).catch(() => undefined);
      let previous = expected(prepared, "").signature;
      for (let i = 1; i <= query.length; i++) {
        const { e, signature } = expected(prepared, query.slice(0, i));
        const measure = signature !== previous;
        previous = signature;
        if (measure) await page.evaluate(([x, ms]) => window.__benchSearch!.arm(x, ms), [e, 3000] as const);
        await page.keyboard.type(query[i - 1]!);
        if (measure) {
          try {
            out.keystrokes.push(await page.evaluate(() => window.__benchSearch!.pending!));
            out.typed.push(query.slice(0, i));
          } catch (err) {
            out.errors.push(
              `${JSON.stringify(query.slice(0, i))}: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`,
            );
          }
        } else out.skipped++;
        await page.waitForTimeout(80);
      }
    }
  } finally {
    await context.close();
  }
  return out;
}
