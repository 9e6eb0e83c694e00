import { describe, expect, it } from "vitest";

import { blockingBetween } from "./long-tasks";

describe("blockingBetween", () => {
  it("counts what each long task inside the window lasts beyond 50 ms", () => {
    const b = blockingBetween(
      [
        { start: 100, duration: 120 },
        { start: 300, duration: 60 },
        { start: 400, duration: 40 },
      ],
      0,
      1000,
    );
    expect(b).toEqual({ count: 2, totalBlocking: 70 + 10, longest: 120 });
  });

  it("clips tasks that straddle the window's edges (a task before first paint does not count after it)", () => {
    const tasks = [
      { start: 0, duration: 200 }, // ends 200: 80 ms of it after 120
      { start: 480, duration: 100 }, // 20 ms of it before 500
    ];
    expect(blockingBetween(tasks, 120, 500)).toEqual({ count: 1, totalBlocking: 30, longest: 80 });
    expect(blockingBetween(tasks, 0, 120)).toEqual({ count: 1, totalBlocking: 70, longest: 120 });
  });

  it("is zero for an empty or inverted window", () => {
    const tasks = [{ start: 10, duration: 500 }];
    expect(blockingBetween(tasks, 300, 300)).toEqual({ count: 0, totalBlocking: 0, longest: 0 });
    expect(blockingBetween(tasks, 300, Number.NaN)).toEqual({ count: 0, totalBlocking: 0, longest: 0 });
  });
});
