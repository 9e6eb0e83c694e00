/**
 * Pure helpers of the UI benchmark: summary statistics, number formatting, a plain-text table and the goal
 * verdicts. No I/O here, so they are unit-tested (stats.test.ts) and the printed figures can be trusted.
 */

export interface Summary {
  readonly n: number;
  readonly median: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Nearest-rank percentile (p in 0..100) of unsorted samples; NaN when empty. Nearest-rank, not interpolated:
 * with the few samples a benchmark run has, every printed figure is one that was actually measured.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** The median is the usual mid-point (mean of the two middle values for an even count). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    median: median(samples),
    p95: percentile(samples, 95),
    min: samples.length === 0 ? Number.NaN : Math.min(...samples),
    max: samples.length === 0 ? Number.NaN : Math.max(...samples),
  };
}

/** Milliseconds with a precision that suits the size: `0.42 ms`, `12.3 ms`, `1234 ms`; `—` for no data. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(0)} ms`;
}

/** Bytes in binary units (what DevTools prints): `812 B`, `12.4 KiB`, `1.65 MiB`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return "—";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

/** `baseline / ours` as `12.3×`; `—` when either side has no figure (a failed measurement is not a ratio). */
export function ratio(baseline: number, ours: number): number {
  return Number.isFinite(baseline) && Number.isFinite(ours) && ours > 0 ? baseline / ours : Number.NaN;
}

export function formatRatio(r: number): string {
  return Number.isFinite(r) ? `${r.toFixed(r < 10 ? 2 : 1)}×` : "—";
}

/** `median 12.3 ms (min 10.1 ms, max 20.0 ms, n=5)`: one line per measured quantity. */
export function describeSummary(s: Summary, withP95 = false): string {
  if (s.n === 0) return "no samples";
  const spread = withP95
    ? `p95 ${formatMs(s.p95)}, max ${formatMs(s.max)}`
    : `min ${formatMs(s.min)}, max ${formatMs(s.max)}`;
  return `median ${formatMs(s.median)} (${spread}, n=${s.n})`;
}

/**
 * A plain-text table: columns padded to their widest cell, the first column left-aligned and the others
 * right-aligned (they hold numbers), a rule under the header. Plain text so a log or an issue comment keeps it.
 */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export type Verdict = "PASS" | "MISS" | "N/A";

/** Information only: a goal with no figure (the measurement failed) is N/A, never a silent PASS. */
export function verdict(value: number, goal: number, kind: "atLeast" | "below"): Verdict {
  if (!Number.isFinite(value)) return "N/A";
  return (kind === "atLeast" ? value >= goal : value < goal) ? "PASS" : "MISS";
}
