/**
 * Code that runs inside the page (Playwright serialises these functions with Function.prototype.toString, so each
 * must be self-contained: no imports, no closures over this module). All times are the page's own
 * `performance.now()` / `event.timeStamp`, i.e. milliseconds since the navigation started (timeOrigin), so no
 * Node ⇄ browser round trip is inside any measured interval except where stated.
 *
 * tsx (esbuild with keepNames) wraps inner functions in `__name(fn, "name")`, which does not exist in a page:
 * NAME_SHIM, added to every context first, defines it as the identity.
 */

export const NAME_SHIM = "globalThis.__name = globalThis.__name || ((fn) => fn);";

/** What "interactive" means for one tool and method (see run.ts for the definition and why). */
export interface LoadProbeConfig {
  readonly tool: "ours" | "swagger";
  /** The parameter whose input must accept a typed character (the method's first parameter). */
  readonly param: string;
  /** Swagger UI only: the operation's element id (`operations-{tag}-{operationId with dots escaped}`). */
  readonly opblockId?: string;
  /**
   * Ours only: type into the server-rendered form as soon as it is painted, before hydration, and count the sample
   * only if, once hydrated, the HTTP preview shows `previewText` (the typed character made it into the request).
   */
  readonly early?: { readonly previewText: string };
}

/** Milestones of one page load, ms since navigation start; absent when not reached. */
export interface LoadMarks {
  /** ours: `.workbench[data-hydrated]` appeared. */
  hydrated?: number;
  /** The first contentful paint (PerformanceObserver). */
  painted?: number;
  /** ours: the form's heading was first painted (Element Timing, `elementtiming="request-form"`). */
  formPainted?: number;
  /** ours, early: after hydration the HTTP preview shows the typed character (LoadProbeConfig.early). */
  adopted?: number;
  /** swagger: the deep-linked operation is expanded. */
  expanded?: number;
  /** swagger: "Try it out" was clicked (in page, as soon as it existed). */
  tryItOut?: number;
  /** The parameter input exists, is enabled and has been focused: the harness may type now. */
  ready?: number;
  /**
   * The harness's key press, as the browser stamped it (keydown `event.timeStamp`, taken when the browser received
   * it, before the page's main thread was free to handle it): `ready → keydown` is the harness round trip,
   * `keydown → accepted` is the page's own responsiveness.
   */
  keydown?: number;
  /** The trusted keystroke's `input` event reached the parameter input. */
  input?: number;
  /** After that event's handlers (and the framework's commit) the input still holds the character. */
  accepted?: number;
  /** Keystrokes whose character the page dropped (it was not really ready); each one is retried. */
  rejected: number;
  clicks: number;
  /** ours: id of the form's first field (run.ts checks it is the parameter both tools are timed on). */
  firstField?: string;
  /** Every long task (> 50 ms, PerformanceObserver 'longtask', buffered) seen so far, ms since navigation start. */
  longTasks: { start: number; duration: number }[];
}

interface LoadProbeState {
  marks: LoadMarks;
  ready: Promise<void>;
}

declare global {
  interface Window {
    __benchLoad?: LoadProbeState;
    __benchKeys?: KeyProbeState;
    __benchSearch?: SearchProbeState;
    __benchTree?: TreeProbeState;
  }
}

/**
 * Init script for a page-load measurement. A MutationObserver (notified in the microtask after each DOM change,
 * so milestones are not rounded to frames) checks the readiness condition; for Swagger UI it also clicks "Try it
 * out" and, for an array parameter, "Add … item" the moment they exist, as a user would, without a Node round
 * trip. When ready, the input is focused; run.ts then presses one key, and `accepted` is set if the character is
 * still in the input after the event (a controlled input that is not yet hydrated would lose it).
 */
export function loadProbe(config: LoadProbeConfig): void {
  const marks: LoadMarks = { clicks: 0, rejected: 0, longTasks: [] };
  // Registered before any page script runs; `buffered` also delivers tasks that ran before the observer's first
  // callback. Chromium reports tasks of the page's main thread only (not workers).
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      marks.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });
  let resolveReady!: () => void;
  const state: LoadProbeState = { marks, ready: new Promise<void>((r) => (resolveReady = r)) };
  window.__benchLoad = state;

  let input: HTMLInputElement | null = null;
  // The timeline has the paint entry before its observer is told (a low-priority task, late on a busy page).
  const paintedNow = (): boolean => {
    marks.painted ??= performance.getEntriesByName("first-contentful-paint")[0]?.startTime;
    return marks.painted !== undefined;
  };
  const hydratedNow = (): boolean => {
    if (document.querySelector(".workbench[data-hydrated]") === null) return false;
    marks.hydrated ??= performance.now();
    return true;
  };
  const findInput = (): HTMLInputElement | null => {
    if (config.tool === "ours") {
      // Early: the server-rendered field, once it is on screen. Otherwise: the hydrated one.
      if (config.early !== undefined ? !paintedNow() : !hydratedNow()) return null;
      marks.firstField ??= document.querySelector(".request-form :is(input, select, textarea)")?.id;
      return document.getElementById(`rf-${config.param}`) as HTMLInputElement | null;
    }
    const op = document.getElementById(config.opblockId ?? "");
    if (op === null || !op.classList.contains("is-open")) return null;
    marks.expanded ??= performance.now();
    const tryOut = op.querySelector<HTMLButtonElement>(".try-out__btn");
    if (marks.tryItOut === undefined) {
      if (tryOut === null || !/try it out/i.test(tryOut.textContent ?? "")) return null;
      marks.tryItOut = performance.now();
      marks.clicks++;
      tryOut.click();
      return null;
    }
    const row = op.querySelector(`tr[data-param-name="${config.param}"]`);
    if (row === null) return null;
    const field = row.querySelector<HTMLInputElement>("input[type=text], input:not([type])");
    if (field !== null) return field;
    const add = row.querySelector<HTMLButtonElement>(".json-schema-form-item-add");
    if (add !== null && marks.clicks < 2) {
      marks.clicks++;
      add.click();
    }
    return null;
  };

  const check = () => {
    if (marks.ready !== undefined) return;
    const found = findInput();
    if (found === null || found.disabled) return;
    // A field the browser will not focus is not on screen yet (streamed HTML waits in a hidden container until
    // its turn): a user could not type into it either. Try again on the next change.
    found.focus();
    if (document.activeElement !== found) return;
    input = found;
    marks.ready = performance.now();
    observer.disconnect();
    resolveReady();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name === "first-contentful-paint") marks.painted ??= entry.startTime;
    check();
  }).observe({ type: "paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      identifier?: string;
      renderTime?: number;
    })[])
      if (entry.identifier === "request-form") marks.formPainted ??= entry.renderTime || entry.startTime;
  }).observe({ type: "element", buffered: true });

  /** Early: from the accepted key on, watch for the hydrated page's HTTP preview to show the typed character. */
  const watchAdoption = (previewText: string) => {
    const adopted = () => {
      if (marks.adopted !== undefined || !hydratedNow()) return;
      const preview = document.querySelector("[data-testid=request-preview]")?.textContent ?? "";
      if (preview.includes(previewText) && input?.value.includes("x") === true) {
        marks.adopted = performance.now();
        adoption.disconnect();
      }
    };
    const adoption = new MutationObserver(adopted);
    adoption.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    adopted();
  };

  document.addEventListener(
    "keydown",
    (e) => {
      if (input === null || marks.accepted !== undefined) return;
      marks.keydown ??= e.timeStamp;
      // The framework re-rendered the field (or moved focus) after "ready": this key goes elsewhere. Count it as
      // dropped (run.ts presses again) and focus the field as it is now.
      if (document.activeElement !== input || !input.isConnected) {
        marks.rejected++;
        const now = findInput();
        if (now !== null && !now.disabled) {
          input = now;
          input.focus();
        }
      }
    },
    true,
  );
  document.addEventListener(
    "input",
    (e) => {
      if (input === null || e.target !== input || marks.accepted !== undefined) return;
      marks.input = e.timeStamp;
      // React (ours and Swagger UI's) commits a discrete event's update before the next task: checking then
      // sees what the framework left in the input.
      setTimeout(() => {
        if (input !== null && input.value.includes("x")) {
          marks.accepted = performance.now();
          if (config.early !== undefined) watchAdoption(config.early.previewText);
        } else marks.rejected++;
      }, 0);
    },
    true,
  );
}

/** First paint / first contentful paint and document timing of the current page (ms since navigation start). */
export function navigationMarks(): Record<string, number> {
  const out: Record<string, number> = {};
  const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  if (nav) {
    out.responseStart = nav.responseStart;
    out.responseEnd = nav.responseEnd;
    out.domContentLoaded = nav.domContentLoadedEventEnd;
    out.load = nav.loadEventEnd;
  }
  for (const p of performance.getEntriesByType("paint")) out[p.name] = p.startTime;
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Keystroke → code updated

export interface KeyTimes {
  readonly preview: number;
  readonly code: number;
  /** The first animation frame after the keydown: the floor for anything painted in response to it. */
  readonly frame: number;
}

interface KeyProbeState {
  /** Resolves (ms from keydown) once both show the expected text; rejects on timeout. */
  pending: Promise<KeyTimes> | null;
  arm(previewText: string, codeText: string, timeoutMs: number): void;
}

/**
 * Installs the keystroke probe on a method page. `arm(previewText, codeText)` is called before each key press; the
 * capture-phase keydown listener takes `event.timeStamp` (when the browser received the key, so input queueing
 * counts), then a MutationObserver notes the first moment the HTTP preview `<pre>` contains `previewText` and the
 * Monaco view (`.view-lines`, the visible lines only; nbsp rendered as spaces) contains `codeText`. It also notes
 * the first animation frame after the keydown, as a reference: Monaco renders its view in an animation frame, so
 * its figure can never be below that one.
 */
export function installKeyProbe(selectors: { preview: string; code: string }): void {
  const text = (sel: string) =>
    (document.querySelector(sel)?.textContent ?? "").replace(/\u00a0/g, " ").replace(/\u200b/g, "");
  const state: KeyProbeState = {
    pending: null,
    arm(previewText, codeText, timeoutMs) {
      let t0 = -1;
      let preview = -1;
      let code = -1;
      let frame = -1;
      state.pending = new Promise((resolve, reject) => {
        const check = () => {
          if (t0 < 0) return;
          const now = performance.now();
          if (preview < 0 && text(selectors.preview).includes(previewText)) preview = now - t0;
          if (code < 0 && text(selectors.code).includes(codeText)) code = now - t0;
          if (preview >= 0 && code >= 0 && frame >= 0) finish();
        };
        const observer = new MutationObserver(check);
        const onKey = (e: KeyboardEvent) => {
          if (t0 >= 0) return;
          t0 = e.timeStamp;
          requestAnimationFrame(() => {
            frame = performance.now() - t0;
            check();
          });
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(
              `timeout: preview ${preview >= 0 ? "updated" : "stale"}, code ${code >= 0 ? "updated" : "stale"}`,
            ),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          observer.disconnect();
          document.removeEventListener("keydown", onKey, true);
        };
        const finish = () => {
          cleanup();
          resolve({ preview, code, frame });
        };
        document.addEventListener("keydown", onKey, true);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    },
  };
  window.__benchKeys = state;
}

// ---------------------------------------------------------------------------------------------------------------
// Search palette: keystroke → results rendered

/** What the result list must show for the query typed so far (computed in Node with the same search code). */
export interface ExpectedResults {
  readonly count: number;
  readonly first: string | null;
  readonly last: string | null;
  /** And the status line starts with this (e.g. `Search ` once the index is loaded and the query is empty). */
  readonly status?: string;
}

interface SearchProbeState {
  pending: Promise<number> | null;
  arm(expected: ExpectedResults, timeoutMs: number): void;
}

/**
 * Installs the search probe: `arm(expected)` before a key press, then keydown.timeStamp → the first DOM change
 * after which the listbox holds exactly `expected` (count, first and last `data-href`). run.ts only arms keystrokes
 * whose expected list differs from the previous one, so a match always means a fresh render.
 */
export function installSearchProbe(selectors: { list: string; status: string }): void {
  const matches = (e: ExpectedResults) => {
    const items = document.querySelectorAll(`${selectors.list} [data-href]`);
    const status = document.querySelector(selectors.status)?.textContent ?? "";
    return (
      items.length === e.count &&
      (e.status === undefined || status.startsWith(e.status)) &&
      (items[0]?.getAttribute("data-href") ?? null) === e.first &&
      (items[items.length - 1]?.getAttribute("data-href") ?? null) === e.last
    );
  };
  const state: SearchProbeState = {
    pending: null,
    arm(expected, timeoutMs) {
      let t0 = -1;
      state.pending = new Promise((resolve, reject) => {
        const observer = new MutationObserver(() => {
          if (t0 >= 0 && matches(expected)) finish(performance.now() - t0);
        });
        const onKey = (e: KeyboardEvent) => {
          if (t0 < 0) t0 = e.timeStamp;
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timeout waiting for ${expected.count} results starting ${expected.first}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          observer.disconnect();
          document.removeEventListener("keydown", onKey, true);
        };
        const finish = (ms: number) => {
          cleanup();
          resolve(ms);
        };
        document.addEventListener("keydown", onKey, true);
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
      });
    },
  };
  window.__benchSearch = state;
}

// ---------------------------------------------------------------------------------------------------------------
// Response schema tree: click → level rendered

export interface TreeTimes {
  /** click `event.timeStamp` → the list holds the expected number of rows (ms). */
  readonly rendered: number;
  /** The long tasks (> 50 ms) of that interval, longest first (ms). */
  readonly longTasks: number[];
}

interface TreeProbeState {
  pending: Promise<TreeTimes> | null;
  /** Before a click: resolves once `rowsSelector` matches `rows` elements. */
  arm(rowsSelector: string, rows: number, timeoutMs: number): void;
}

/**
 * Installs the tree probe: `arm(rowsSelector, rows)` before a click; the capture-phase click listener takes
 * `event.timeStamp` (when the browser received the click: a busy main thread counts), then a MutationObserver notes
 * the first DOM change after which `rowsSelector` matches `rows` rows — the level is there and, since the rows are
 * plain DOM with native `<details>`, can take the next click. Long tasks of that interval are kept.
 */
export function installTreeProbe(): void {
  const tasks: { start: number; duration: number }[] = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  const state: TreeProbeState = {
    pending: null,
    arm(rowsSelector, rows, timeoutMs) {
      let t0 = -1;
      state.pending = new Promise((resolve, reject) => {
        const check = () => {
          if (t0 < 0 || document.querySelectorAll(rowsSelector).length !== rows) return;
          const end = performance.now();
          cleanup();
          // Long-task entries arrive after their task ends: collect them once the page had a moment.
          setTimeout(() => {
            resolve({
              rendered: end - t0,
              longTasks: tasks
                .filter((t) => t.start + t.duration > t0 && t.start < end)
                .map((t) => t.duration)
                .sort((a, b) => b - a),
            });
          }, 100);
        };
        const observer = new MutationObserver(check);
        const onClick = (e: MouseEvent) => {
          if (t0 < 0) t0 = e.timeStamp;
          check();
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(
              `timeout: ${document.querySelectorAll(rowsSelector).length} rows of ${rows} (${rowsSelector})`,
            ),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          observer.disconnect();
          document.removeEventListener("click", onClick, true);
        };
        document.addEventListener("click", onClick, true);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      });
    },
  };
  window.__benchTree = state;
}
