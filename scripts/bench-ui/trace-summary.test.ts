import { describe, expect, it } from "vitest";

import { summarizeTrace, type TraceEvent } from "./trace-summary";

const meta = (pid: number, tid: number, name: string): TraceEvent => ({
  name: "thread_name",
  ph: "M",
  ts: 0,
  pid,
  tid,
  args: { name },
});
const x = (name: string, ts: number, dur: number, url?: string, tid = 2): TraceEvent => ({
  name,
  ph: "X",
  ts,
  dur,
  pid: 1,
  tid,
  ...(url !== undefined ? { args: { data: { url } } } : {}),
});

const events: TraceEvent[] = [
  meta(1, 2, "CrRendererMain"),
  meta(1, 3, "Compositor"),
  { name: "navigationStart", ph: "R", ts: 10, pid: 1, tid: 2, args: { data: { documentLoaderURL: "" } } },
  {
    name: "navigationStart",
    ph: "R",
    ts: 1_000_000,
    pid: 1,
    tid: 2,
    args: { data: { documentLoaderURL: "http://x/p" } },
  },
  { name: "firstContentfulPaint", ph: "R", ts: 1_200_000, pid: 1, tid: 2 },
  // A 100 ms task: 60 ms evaluating app.js (with a nested compile not counted twice), 10 ms layout.
  x("RunTask", 1_300_000, 100_000),
  x("EvaluateScript", 1_300_000, 60_000, "http://x/_next/static/chunks/app.js"),
  x("v8.compile", 1_310_000, 20_000, "http://x/_next/static/chunks/app.js"),
  x("Layout", 1_370_000, 10_000),
  // A short task, and one on another thread: neither is listed.
  x("RunTask", 1_500_000, 5_000),
  x("RunTask", 1_300_000, 400_000, undefined, 3),
];

describe("summarizeTrace", () => {
  it("splits each long main-thread task into script evaluation by file, layout and the rest", () => {
    const s = summarizeTrace(events, { from: 0, to: 10_000, minTaskMs: 50 });
    expect(s.firstContentfulPaint).toBe(200);
    expect(s.tasks).toEqual([
      {
        start: 300,
        duration: 100,
        parts: [
          { what: "script eval /_next/static/chunks/app.js", ms: 60 },
          { what: "other (framework internals, microtasks)", ms: 30 },
          { what: "layout", ms: 10 },
        ],
      },
    ]);
    expect(s.totals[0]).toEqual({ what: "script eval /_next/static/chunks/app.js", ms: 60 });
  });

  it("keeps only tasks that start inside the window", () => {
    expect(summarizeTrace(events, { from: 400, to: 10_000, minTaskMs: 0 }).tasks.map((t) => t.start)).toEqual(
      [500],
    );
  });

  it("is empty for a trace without a navigation", () => {
    expect(summarizeTrace(events.slice(0, 2), { from: 0, to: 1e9, minTaskMs: 0 })).toEqual({
      tasks: [],
      totals: [],
    });
  });
});
