import { describe, expect, it } from "vitest";

import {
  describeSummary,
  formatBytes,
  formatMs,
  formatRatio,
  median,
  percentile,
  ratio,
  renderTable,
  summarize,
  verdict,
} from "./stats";

describe("percentile (nearest rank)", () => {
  const xs = [5, 1, 4, 2, 3]; // unsorted on purpose

  it("returns measured values only, ranked on the sorted samples", () => {
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile(xs, 20)).toBe(1);
    expect(percentile(xs, 21)).toBe(2);
    expect(percentile(xs, 50)).toBe(3);
    expect(percentile(xs, 95)).toBe(5);
    expect(percentile(xs, 100)).toBe(5);
  });

  it("p95 of 1..100 is 95, of 1..30 is 29", () => {
    const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    expect(percentile(range(100), 95)).toBe(95);
    expect(percentile(range(30), 95)).toBe(29);
  });

  it("is NaN without samples and does not reorder its input", () => {
    expect(percentile([], 50)).toBeNaN();
    percentile(xs, 50);
    expect(xs).toEqual([5, 1, 4, 2, 3]);
  });
});

describe("median and summarize", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
  });

  it("summarises count, median, p95, min and max", () => {
    expect(summarize([10, 30, 20, 40])).toEqual({ n: 4, median: 25, p95: 40, min: 10, max: 40 });
    const none = summarize([]);
    expect(none.n).toBe(0);
    expect(none.median).toBeNaN();
    expect(none.min).toBeNaN();
  });
});

describe("formatting", () => {
  it("prints milliseconds with a precision that suits the size", () => {
    expect(formatMs(0.4234)).toBe("0.42 ms");
    expect(formatMs(12.345)).toBe("12.3 ms");
    expect(formatMs(1234.5)).toBe("1235 ms");
    expect(formatMs(Number.NaN)).toBe("—");
  });

  it("prints bytes in binary units", () => {
    expect(formatBytes(812)).toBe("812 B");
    expect(formatBytes(1536)).toBe("1.5 KiB");
    expect(formatBytes(3 * 1024 * 1024)).toBe("3.00 MiB");
  });

  it("computes baseline/ours and refuses missing figures", () => {
    expect(ratio(1000, 100)).toBe(10);
    expect(formatRatio(ratio(1000, 100))).toBe("10.0×");
    expect(formatRatio(ratio(172, 100))).toBe("1.72×");
    expect(ratio(Number.NaN, 100)).toBeNaN();
    expect(ratio(100, 0)).toBeNaN();
    expect(formatRatio(Number.NaN)).toBe("—");
  });

  it("describes a summary in one line", () => {
    const s = summarize([1, 2, 3, 4, 50]);
    expect(describeSummary(s)).toBe("median 3.00 ms (min 1.00 ms, max 50.0 ms, n=5)");
    expect(describeSummary(s, true)).toBe("median 3.00 ms (p95 50.0 ms, max 50.0 ms, n=5)");
    expect(describeSummary(summarize([]))).toBe("no samples");
  });
});

describe("renderTable", () => {
  it("pads columns to the widest cell, first column left, others right, with a rule", () => {
    const table = renderTable(
      ["page", "raw"],
      [
        ["a", "1 B"],
        ["longer", "10.0 KiB"],
      ],
    );
    expect(table.split("\n")).toEqual([
      "page         raw",
      "------  --------",
      "a            1 B",
      "longer  10.0 KiB",
    ]);
  });

  it("treats missing cells as empty", () => {
    expect(renderTable(["x", "y"], [["only"]]).split("\n")[2]).toBe("only");
  });
});

describe("verdict", () => {
  it("passes a ratio at or above the goal, a latency strictly below it", () => {
    expect(verdict(10, 10, "atLeast")).toBe("PASS");
    expect(verdict(9.99, 10, "atLeast")).toBe("MISS");
    expect(verdict(15.9, 16, "below")).toBe("PASS");
    expect(verdict(16, 16, "below")).toBe("MISS");
  });

  it("never passes a goal without a figure", () => {
    expect(verdict(Number.NaN, 10, "atLeast")).toBe("N/A");
    expect(verdict(Number.NaN, 16, "below")).toBe("N/A");
  });
});
