/**
 * Issue 15: the response schema tree of compute's `Instance` (the compute.instances.get method page). In a fresh
 * browser context per run, once the page has hydrated and settled:
 *   1. click "Response fields" → the tree's first level has every property of the schema (the graph is fetched on
 *      that first open, so the figure includes the request to /api/schema-graph);
 *   2. click the first level's largest node (the property whose schema has the most properties, found in the
 *      Discovery document here) → its children are rendered.
 * Both from the click's `event.timeStamp` (page-probes.ts installTreeProbe), with the long tasks of each interval.
 */
import type { Browser } from "@playwright/test";

import { installTreeProbe, NAME_SHIM, type TreeTimes } from "./page-probes";

export interface TreeCase {
  readonly url: string;
  readonly schema: string;
  /** Properties of `schema`: rows of the first level. */
  readonly rows: number;
  /** The first-level property with the largest schema, and its number of properties. */
  readonly big: { readonly name: string; readonly ref: string; readonly rows: number };
}

export interface TreeSamples {
  readonly open: TreeTimes[];
  readonly expand: TreeTimes[];
  /** The schema graph's fetch as the browser timed it (startTime → responseEnd), ms. */
  readonly fetch: number[];
  readonly graphBytes: number[];
  readonly errors: string[];
}

interface DiscoverySchema {
  readonly properties?: Record<string, DiscoveryProperty>;
}
interface DiscoveryProperty {
  readonly $ref?: string;
  readonly items?: DiscoveryProperty;
}

/** The case for `schema` of a Discovery document: its property count and its largest `$ref` property. */
export function treeCase(url: string, schemas: Record<string, DiscoverySchema>, schema: string): TreeCase {
  const props = Object.entries(schemas[schema]?.properties ?? {});
  const refOf = (p: DiscoveryProperty): string | undefined => {
    let cur = p;
    for (let i = 0; cur.items !== undefined && i < 16; i++) cur = cur.items;
    return cur.$ref;
  };
  let big: TreeCase["big"] | undefined;
  for (const [name, p] of props) {
    const ref = refOf(p);
    const rows = ref === undefined || ref === schema ? 0 : Object.keys(schemas[ref]?.properties ?? {}).length;
    if (ref !== undefined && rows > (big?.rows ?? 0)) big = { name, ref, rows };
  }
  if (big === undefined) throw new Error(`${schema} has no property with a schema of its own`);
  return { url, schema, rows: props.length, big };
}

const DETAILS = "details.schema-details:nth-of-type(1)";
const LEVEL1 = `${DETAILS} > .sft-root > ul.sft > li.sft__row`;

export async function measureTree(browser: Browser, c: TreeCase, runs: number): Promise<TreeSamples> {
  const out: TreeSamples = { open: [], expand: [], fetch: [], graphBytes: [], errors: [] };
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      await context.addInitScript(NAME_SHIM);
      const page = await context.newPage();
      await page.goto(c.url);
      await page.waitForSelector(".workbench[data-hydrated]");
      await page.waitForLoadState("networkidle");
      const summary = page.locator(`${DETAILS} > summary`);
      const title = (await summary.textContent()) ?? "";
      if (!title.startsWith("Response fields") || !title.includes(c.schema))
        throw new Error(`the first schema tree is "${title}", not the response's ${c.schema}`);
      await summary.scrollIntoViewIfNeeded();
      await page.evaluate(installTreeProbe);

      await page.evaluate(([sel, n]) => window.__benchTree!.arm(sel, n, 30_000), [LEVEL1, c.rows] as const);
      await summary.click();
      out.open.push(await page.evaluate(() => window.__benchTree!.pending!));
      const graph = await page.evaluate(() =>
        (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
          .filter((e) => e.name.includes("/api/schema-graph"))
          .map((e) => ({ ms: e.responseEnd - e.startTime, bytes: e.encodedBodySize })),
      );
      if (graph[0] !== undefined) {
        out.fetch.push(graph[0].ms);
        out.graphBytes.push(graph[0].bytes);
      }

      // Not timed: which row is the big node (the tree's order is the graph's).
      const position = await page.$$eval(
        `${LEVEL1} > .sft__body > details > summary > code.sft__key, ${LEVEL1} > .sft__body > .sft__leaf > code.sft__key`,
        (keys, name) => keys.findIndex((k) => k.textContent === name),
        c.big.name,
      );
      if (position < 0) throw new Error(`no first-level row "${c.big.name}"`);
      const bigRow = `${LEVEL1}:nth-child(${position + 1})`;
      await page.evaluate(([sel, n]) => window.__benchTree!.arm(sel, n, 30_000), [
        `${bigRow} > .sft__body > details > ul.sft > li.sft__row`,
        c.big.rows,
      ] as const);
      await page.locator(`${bigRow} > .sft__body > details > summary`).click();
      out.expand.push(await page.evaluate(() => window.__benchTree!.pending!));
    } catch (err) {
      out.errors.push(err instanceof Error ? err.message.split("\n")[0]! : String(err));
    } finally {
      await context.close();
    }
  }
  return out;
}
