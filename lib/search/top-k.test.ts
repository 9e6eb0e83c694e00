import { describe, expect, it } from "vitest";

import { topK } from "./top-k";

describe("topK", () => {
  it("keeps the best `limit` by score desc, then rank asc, and counts every offer", () => {
    const top = topK(3);
    const offers: Array<[number, number, number]> = [
      [10, 5, 0],
      [30, 1, 1],
      [10, 2, 2],
      [5, 0, 3],
      [30, 0, 4],
      [20, 9, 5],
    ];
    for (const [s, r, i] of offers) top.offer(s, r, i);
    expect(top.item).toEqual([4, 1, 5]);
    expect(top.score).toEqual([30, 30, 20]);
    expect(top.total()).toBe(6);
  });

  it("does not depend on the order of the offers (ranks are unique)", () => {
    const offers = Array.from({ length: 40 }, (_, i) => [(i * 7) % 5, i, i] as const);
    const a = topK(7);
    const b = topK(7);
    for (const o of offers) a.offer(...o);
    for (const o of [...offers].reverse()) b.offer(...o);
    expect(b.item).toEqual(a.item);
    // score 4 comes from i ≡ 2 (mod 5); the lowest ranks among them win
    expect(a.item).toEqual([2, 7, 12, 17, 22, 27, 32]);
  });
});
