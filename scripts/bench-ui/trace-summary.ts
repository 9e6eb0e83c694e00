/**
 * Summarises a Chrome trace (the JSON of Tracing / Playwright's browser.startTracing) of one page load: the
 * renderer main thread's tasks and, per task, what ran in it — script evaluation and function calls by script URL,
 * style, layout, paint, HTML parsing — so "where does the time between first paint and interactive go" has an
 * answer by file. Pure: unit-tested in trace-summary.test.ts.
 */

export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: {
    readonly name?: string;
    readonly data?: {
      readonly url?: string;
      /** navigationStart: the document's URL ("" for the about:blank a new tab starts with). */
      readonly documentLoaderURL?: string;
    };
  };
}

export interface TaskSummary {
  /** ms since the navigation's start (the trace's `navigationStart` mark). */
  readonly start: number;
  readonly duration: number;
  /** What ran inside, by kind and script, ms, largest first (nested work is counted in its outermost event). */
  readonly parts: readonly { readonly what: string; readonly ms: number }[];
}

export interface TraceSummary {
  /** ms since navigation start; undefined when the trace has no such mark. */
  readonly firstContentfulPaint?: number;
  readonly tasks: readonly TaskSummary[];
  /** Totals of `parts` over all tasks in the summarised window, largest first. */
  readonly totals: readonly { readonly what: string; readonly ms: number }[];
}

const shortUrl = (url: string | undefined) => {
  if (url === undefined || url === "") return "(inline or native)";
  const path = url.replace(/^https?:\/\/[^/]+/, "");
  return path.length > 70 ? `…${path.slice(-69)}` : path;
};

/** The kind of work an event is, or null for a wrapper whose children say more. */
function kindOf(e: TraceEvent): string | null {
  switch (e.name) {
    case "EvaluateScript":
    case "v8.compile":
    case "v8.compileModule":
    case "v8.evaluateModule":
      return `script eval ${shortUrl(e.args?.data?.url)}`;
    case "FunctionCall":
      return `script run ${shortUrl(e.args?.data?.url)}`;
    case "TimerFire":
    case "FireAnimationFrame":
    case "EventDispatch":
      return null;
    case "ParseHTML":
      return "parse HTML";
    case "ParseAuthorStyleSheet":
      return "parse CSS";
    case "UpdateLayoutTree":
    case "RecalculateStyles":
      return "style";
    case "Layout":
      return "layout";
    case "Paint":
    case "PrePaint":
    case "Layerize":
    case "UpdateLayer":
    case "CompositeLayers":
      return "paint";
    case "MajorGC":
    case "MinorGC":
    case "V8.GC_SCAVENGER":
    case "BlinkGC.AtomicPhase":
      return "garbage collection";
    default:
      return null;
  }
}

/** The navigation to the page (not the about:blank a new tab starts with). */
const isNavigation = (e: TraceEvent) =>
  e.name === "navigationStart" && (e.args?.data?.documentLoaderURL ?? "").startsWith("http");

/** The renderer main thread: the thread named CrRendererMain of the process that navigated. */
function mainThread(events: readonly TraceEvent[]): { pid: number; tid: number } | undefined {
  const nav = events.find((e) => isNavigation(e));
  const names = events.filter(
    (e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain",
  );
  const pick = names.find((m) => nav === undefined || m.pid === nav.pid) ?? names[0];
  return pick === undefined ? undefined : { pid: pick.pid, tid: pick.tid };
}

/**
 * Tasks of the main thread (top-level `RunTask` events) starting in [from, to] ms since navigation start and
 * lasting at least `minTaskMs`, each split into its parts.
 */
export function summarizeTrace(
  events: readonly TraceEvent[],
  window: { readonly from: number; readonly to: number; readonly minTaskMs: number },
): TraceSummary {
  const main = mainThread(events);
  const nav = events.find((e) => isNavigation(e));
  if (main === undefined || nav === undefined) return { tasks: [], totals: [] };
  const t0 = nav.ts;
  const ms = (us: number) => us / 1000;
  const fcp = events.find((e) => e.name === "firstContentfulPaint" && e.pid === main.pid);
  const onMain = events
    .filter((e) => e.ph === "X" && e.pid === main.pid && e.tid === main.tid && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks: TaskSummary[] = [];
  const totals = new Map<string, number>();
  let i = 0;
  while (i < onMain.length) {
    const task = onMain[i]!;
    if (task.name !== "RunTask" && task.name !== "ThreadControllerImpl::RunTask") {
      i++;
      continue;
    }
    const end = task.ts + task.dur!;
    const parts = new Map<string, number>();
    let coveredUntil = -1;
    let j = i + 1;
    for (; j < onMain.length && onMain[j]!.ts < end; j++) {
      const e = onMain[j]!;
      if (e.ts < coveredUntil) continue; // inside a part already counted
      const kind = kindOf(e);
      if (kind === null) continue;
      parts.set(kind, (parts.get(kind) ?? 0) + ms(e.dur!));
      coveredUntil = e.ts + e.dur!;
    }
    i = j;
    const start = ms(task.ts - t0);
    const duration = ms(task.dur!);
    if (start < window.from || start > window.to || duration < window.minTaskMs) continue;
    const accounted = [...parts.values()].reduce((s, v) => s + v, 0);
    if (duration - accounted > 0.5)
      parts.set("other (framework internals, microtasks)", duration - accounted);
    const sorted = [...parts].map(([what, v]) => ({ what, ms: v })).sort((a, b) => b.ms - a.ms);
    for (const p of sorted) totals.set(p.what, (totals.get(p.what) ?? 0) + p.ms);
    tasks.push({ start, duration, parts: sorted });
  }
  return {
    ...(fcp !== undefined ? { firstContentfulPaint: ms(fcp.ts - t0) } : {}),
    tasks,
    totals: [...totals].map(([what, v]) => ({ what, ms: v })).sort((a, b) => b.ms - a.ms),
  };
}
