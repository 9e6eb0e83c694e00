/**
 * Where a method page's load time goes: `npx tsx scripts/bench-ui/profile.ts [--port P] [path…]`.
 * Serves the production build (.next-bench, built if stale) on 127.0.0.1:P (default 3305), loads each path once
 * untimed (server warm-up), then once in a fresh context under a Chrome trace (CDP Tracing via Playwright), and
 * prints the main thread's tasks from navigation start until the workbench has hydrated, each split into script
 * evaluation by file, style, layout, paint (trace-summary.ts). The traces are kept in .cache/bench-ui/trace-*.json
 * (open them in chrome://tracing or Perfetto). Prints figures only.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { chromium } from "@playwright/test";

import { NAME_SHIM } from "./page-probes";
import { buildApp, installSignalHandlers, onCleanup, runCleanup, startNext } from "./processes";
import { formatMs } from "./stats";
import { summarizeTrace, type TraceEvent } from "./trace-summary";

const DIST_DIR = ".next-bench";
const OUT_DIR = join(".cache", "bench-ui");
const CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "v8.execute",
  "blink.user_timing",
  "loading",
  "toplevel",
].join(",");

/** Marks `bench:hydrated` (user timing) when the workbench says it has hydrated. */
function hydrationMark(): void {
  const observer = new MutationObserver(() => {
    if (document.querySelector(".workbench[data-hydrated]") === null) return;
    performance.mark("bench:hydrated");
    observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const portAt = argv.indexOf("--port");
  const port = portAt >= 0 ? Number(argv.splice(portAt, 2)[1]) : 3305;
  const paths =
    argv.length > 0 ? argv : ["/compute/v1/compute.instances.insert", "/youtube/v3/youtube.channels.list"];
  installSignalHandlers();
  mkdirSync(OUT_DIR, { recursive: true });
  await buildApp(DIST_DIR);
  const next = await startNext(DIST_DIR, port, join(OUT_DIR, "profile-next.log"));
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  onCleanup(() => browser.close());
  for (const path of paths) {
    const url = `${next.origin}${path}`;
    for (const traced of [false, true]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript(NAME_SHIM);
      await context.addInitScript(hydrationMark);
      const page = await context.newPage();
      if (traced) await browser.startTracing(page, { categories: CATEGORIES.split(",") });
      await page.goto(url);
      await page.waitForSelector(".workbench[data-hydrated]", { timeout: 120_000 });
      await page.waitForLoadState("networkidle").catch(() => undefined);
      const hydrated = await page.evaluate(
        () => performance.getEntriesByName("bench:hydrated")[0]?.startTime ?? NaN,
      );
      if (traced) {
        const buffer = await browser.stopTracing();
        const file = join(OUT_DIR, `trace-${path.replace(/[^A-Za-z0-9.]+/g, "_")}.json`);
        writeFileSync(file, buffer);
        const { traceEvents } = JSON.parse(buffer.toString("utf8")) as { traceEvents: TraceEvent[] };
        const s = summarizeTrace(traceEvents, { from: 0, to: hydrated, minTaskMs: 15 });
        console.log(
          `\n${path}: first contentful paint ${formatMs(s.firstContentfulPaint ?? NaN)}, hydrated ${formatMs(hydrated)} (trace ${file})`,
        );
        console.log("  main-thread tasks ≥ 15 ms from navigation start to hydrated:");
        for (const t of s.tasks)
          console.log(
            `  ${formatMs(t.start).padStart(8)} +${formatMs(t.duration).padEnd(8)} ${t.parts
              .filter((p) => p.ms >= 2)
              .map((p) => `${p.what} ${formatMs(p.ms)}`)
              .join(" · ")}`,
          );
        console.log("  totals over those tasks:");
        for (const t of s.totals.filter((x) => x.ms >= 2))
          console.log(`    ${formatMs(t.ms).padStart(8)}  ${t.what}`);
      }
      await context.close();
    }
  }
}

main()
  .catch((err: unknown) => {
    console.error(`[profile] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exitCode = 1;
  })
  .finally(() => runCleanup());
