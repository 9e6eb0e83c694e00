import { describe, expect, it } from "vitest";
import { Lru } from "./lru";

describe("Lru", () => {
  it("evicts the least recently used entry", () => {
    const lru = new Lru<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1); // a is now the most recent
    lru.set("c", 3);
    expect(lru.keys()).toEqual(["a", "c"]);
    expect(lru.get("b")).toBeUndefined();
    lru.set("a", 10);
    expect(lru.keys()).toEqual(["c", "a"]);
    expect(lru.size).toBe(2);
    lru.clear();
    expect(lru.size).toBe(0);
  });
});
