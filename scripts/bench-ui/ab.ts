/**
 * Before/after on a shared machine: `npx tsx scripts/bench-ui/ab.ts --base <checkout> [--runs N] [--port P]`.
 * Serves this checkout's production build (.next-bench, built if stale) on P and the build in <checkout>/.next-bench
 * (build it there first: `NEXT_DIST_DIR=.next-bench bash scripts/build-if-stale.sh`) on P+1, then loads each method
 * page cold, alternating base and this checkout load by load (and which goes first each round), so the machine's
 * load — which moves by 2–3× within minutes when the cores are shared — hits both alike. Prints, per page and side,
 * the cold medians of first paint and interactive (the bench-ui probe: the first parameter accepts a typed key after
 * hydration) and the long tasks between first paint and interactive; and the ratio after/base. Figures only.
 */
import { join } from "node:path";

import { chromium } from "@playwright/test";

import { blockingBetween } from "./long-tasks";
import { measureLoad, type LoadSample } from "./measure-load";
import { buildApp, installSignalHandlers, onCleanup, runCleanup, startNext } from "./processes";
import { formatMs, median, renderTable } from "./stats";

const PAGES = [
  { path: "/compute/v1/compute.instances.insert", param: "project" },
  { path: "/youtube/v3/youtube.channels.list", param: "part" },
] as const;

function arg(argv: string[], flag: string): string | undefined {
  const at = argv.indexOf(flag);
  return at >= 0 ? argv[at + 1] : undefined;
}

const paintOf = (s: LoadSample) => s.nav["first-contentful-paint"] ?? s.painted;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const base = arg(argv, "--base");
  if (base === undefined) throw new Error("--base <checkout> is required");
  const runs = Number(arg(argv, "--runs") ?? 5);
  const port = Number(arg(argv, "--port") ?? 3310);
  installSignalHandlers();
  await buildApp(".next-bench");
  const servers = {
    base: await startNext(".next-bench", port + 1, join(".cache", "bench-ui", "ab-base.log"), base),
    after: await startNext(".next-bench", port, join(".cache", "bench-ui", "ab-after.log")),
  };
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  onCleanup(() => browser.close());
  const samples = new Map<string, LoadSample[]>();
  const sides = ["base", "after"] as const;
  for (const p of PAGES)
    for (const side of sides) {
      await fetch(`${servers[side].origin}${p.path}`).then((r) => r.text()); // server warm-up
      await measureLoad(browser, `${servers[side].origin}${p.path}`, { tool: "ours", param: p.param });
    }
  for (let run = 0; run < runs; run++) {
    console.log(`[ab] round ${run + 1}/${runs}`);
    for (const p of PAGES)
      for (const side of run % 2 === 0 ? sides : [...sides].reverse()) {
        const { cold } = await measureLoad(browser, `${servers[side].origin}${p.path}`, {
          tool: "ours",
          param: p.param,
        });
        const key = `${p.path} ${side}`;
        samples.set(key, [...(samples.get(key) ?? []), cold]);
      }
  }
  const rows: string[][] = [];
  for (const p of PAGES) {
    const stat = (side: (typeof sides)[number]) => {
      const ok = (samples.get(`${p.path} ${side}`) ?? []).filter((s) => s.ok && s.accepted !== undefined);
      const blocking = ok.map((s) => blockingBetween(s.longTasks, paintOf(s) ?? 0, s.accepted!));
      return {
        n: ok.length,
        paint: median(ok.flatMap((s) => (paintOf(s) === undefined ? [] : [paintOf(s)!]))),
        interactive: median(ok.map((s) => s.accepted!)),
        tasks: median(blocking.map((b) => b.count)),
        longest: median(blocking.map((b) => b.longest)),
        tbt: median(blocking.map((b) => b.totalBlocking)),
      };
    };
    const [b, a] = [stat("base"), stat("after")];
    for (const [label, s] of [
      ["base", b],
      ["after", a],
    ] as const)
      rows.push([
        label === "base" ? p.path : "",
        label,
        `${s.n}/${runs}`,
        formatMs(s.paint),
        formatMs(s.interactive),
        String(s.tasks),
        formatMs(s.longest),
        formatMs(s.tbt),
      ]);
    rows.push([
      "",
      "after ÷ base",
      "",
      (a.paint / b.paint).toFixed(2),
      (a.interactive / b.interactive).toFixed(2),
      "",
      "",
      "",
    ]);
  }
  console.log(`\nA/B, cold medians, alternating loads (base: ${base})`);
  console.log(
    renderTable(
      ["page", "", "ok", "first paint", "interactive", "long tasks paint→int.", "longest", "TBT"],
      rows,
    ),
  );
}

main()
  .catch((err: unknown) => {
    console.error(`[ab] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exitCode = 1;
  })
  .finally(() => runCleanup());
