import { describe, expect, it } from "vitest";

import type { StorageLike } from "./history";
import { loadTabState, newTabStateId, saveTabState, TAB_STATE_PREFIX } from "./tab-state";

function memoryStorage(quota = Infinity): StorageLike & { readonly map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      const used = [...map].reduce((n, [key, val]) => n + (key === k ? 0 : key.length + val.length), 0);
      if (used + k.length + v.length > quota) throw new DOMException("full", "QuotaExceededError");
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
  };
}

describe("tab state", () => {
  it("reads back what was saved, and a later save of the same session replaces it", () => {
    const s = memoryStorage();
    expect(saveTabState(s, "a", "r=1.x&lang=python")).toBe(true);
    expect(saveTabState(s, "a", "r=1.y&lang=curl")).toBe(true);
    expect(loadTabState(s, "a")).toBe("r=1.y&lang=curl");
    expect(loadTabState(s, "other-tab")).toBeNull();
  });

  it("keeps only the newest `limit` sessions", () => {
    const s = memoryStorage();
    for (const id of ["a", "b", "c", "d"]) saveTabState(s, id, `q-${id}`, 2);
    expect(loadTabState(s, "a")).toBeNull();
    expect(loadTabState(s, "b")).toBeNull();
    expect(loadTabState(s, "c")).toBe("q-c");
    expect(loadTabState(s, "d")).toBe("q-d");
    expect([...s.map.keys()].filter((k) => k.startsWith(TAB_STATE_PREFIX))).toHaveLength(2);
  });

  it("reports a full or disabled storage instead of throwing", () => {
    const full = memoryStorage(100);
    expect(saveTabState(full, "a", "x".repeat(200))).toBe(false);
    const broken: StorageLike = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("denied");
      },
      removeItem: () => {},
    };
    expect(saveTabState(broken, "a", "q")).toBe(false);
    expect(loadTabState(broken, "a")).toBeNull();
  });

  it("makes URL-safe ids that differ between sessions", () => {
    const a = newTabStateId(() => 0.25);
    const b = newTabStateId(() => 0.75);
    expect(a).toMatch(/^[a-z0-9]+-[a-z0-9]+$/);
    expect(a).not.toBe(b);
  });
});
