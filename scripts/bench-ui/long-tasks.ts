/**
 * Long tasks (PerformanceObserver 'longtask': main-thread tasks over 50 ms) summarised over a window of a page
 * load, the way Lighthouse computes Total Blocking Time: each task is clipped to the window, and what a clipped task
 * lasts beyond 50 ms is time in which a key typed would have waited. Pure: unit-tested in long-tasks.test.ts.
 * @see https://web.dev/articles/tbt
 */

export interface LongTask {
  /** ms since navigation start. */
  readonly start: number;
  readonly duration: number;
}

export interface Blocking {
  /** Tasks whose part inside the window lasts more than 50 ms. */
  readonly count: number;
  /** Sum over those of (clipped duration − 50 ms). */
  readonly totalBlocking: number;
  /** The longest clipped task (0 when none). */
  readonly longest: number;
}

export const LONG_TASK_MS = 50;

export function blockingBetween(tasks: readonly LongTask[], from: number, to: number): Blocking {
  let count = 0;
  let totalBlocking = 0;
  let longest = 0;
  if (!(to > from)) return { count, totalBlocking, longest };
  for (const t of tasks) {
    const clipped = Math.min(t.start + t.duration, to) - Math.max(t.start, from);
    if (clipped <= LONG_TASK_MS) continue;
    count++;
    totalBlocking += clipped - LONG_TASK_MS;
    longest = Math.max(longest, clipped);
  }
  return { count, totalBlocking, longest };
}
