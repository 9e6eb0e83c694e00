import { describe, expect, it } from "vitest";

import { zooApi } from "../discovery/__fixtures__/load-zoo";
import { defaultRequest } from "../request/canonical";
import type { ExplorerRequest } from "../request/types";
import {
  clearHistory,
  cleanForHistory,
  HISTORY_KEY,
  HISTORY_LIMIT,
  historyItems,
  readHistory,
  recordHistory,
  removeHistoryEntry,
  summarizeParams,
  type StorageLike,
} from "./history";

class MemoryStorage implements StorageLike {
  readonly data = new Map<string, string>();
  getItem(k: string): string | null {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.data.set(k, v);
  }
  removeItem(k: string): void {
    this.data.delete(k);
  }
}

const api = zooApi();
const list = api.methods.find((x) => x.id === "zoo.zoos.animals.list")!;
const req = (params: ExplorerRequest["params"]): ExplorerRequest => ({
  ...defaultRequest(api, list),
  params,
});

describe("history", () => {
  it("records newest first, one entry per session id, deduplicated by request", () => {
    const s = new MemoryStorage();
    recordHistory(s, { id: "a", request: req({ parent: "zoos/1" }), language: "python" }, 1);
    recordHistory(s, { id: "a", request: req({ parent: "zoos/12" }), language: "python" }, 2);
    expect(readHistory(s)).toHaveLength(1);
    recordHistory(s, { id: "b", request: req({ parent: "zoos/2" }), language: "curl" }, 3);
    recordHistory(s, { id: "a", request: req({ parent: "zoos/12" }), language: "python" }, 3);
    expect(readHistory(s).map((e) => e.id)).toEqual(["a", "b"]);
    // A new session (c) holding b's request moves b's entry to the top instead of taking it over ...
    recordHistory(s, { id: "c", request: req({ parent: "zoos/2", pageSize: "" }), language: "http" }, 4);
    let items = historyItems(s);
    expect(items.map((i) => [i.entry.id, i.entry.language, i.entry.savedAt])).toEqual([
      ["b", "http", 4],
      ["a", "python", 3],
    ]);
    expect(items[1]?.request.params).toEqual({ parent: "zoos/12" });
    // ... so editing in session c afterwards adds c's own entry and b's request survives.
    recordHistory(s, { id: "c", request: req({ parent: "zoos/3" }), language: "http" }, 5);
    items = historyItems(s);
    expect(items.map((i) => [i.entry.id, i.request.params.parent])).toEqual([
      ["c", "zoos/3"],
      ["b", "zoos/2"],
      ["a", "zoos/12"],
    ]);
    // Session c returning to a's request bumps a; c keeps its last distinct request.
    recordHistory(s, { id: "c", request: req({ parent: "zoos/12" }), language: "curl" }, 6);
    expect(readHistory(s).map((e) => e.id)).toEqual(["a", "c", "b"]);
  });

  it("keeps the headless OAuth flow, as a different request from the loopback one", () => {
    const s = new MemoryStorage();
    const loopback = { ...req({ parent: "zoos/1" }), auth: { type: "oauth", scopes: list.scopes } } as const;
    const headless = { ...loopback, auth: { ...loopback.auth, flow: "headless" } } as const;
    recordHistory(s, { id: "a", request: loopback, language: "python" }, 1);
    recordHistory(s, { id: "b", request: headless, language: "python" }, 2);
    expect(historyItems(s).map((i) => i.request.auth)).toEqual([headless.auth, loopback.auth]);
  });

  it("is capped", () => {
    const s = new MemoryStorage();
    for (let i = 0; i < HISTORY_LIMIT + 10; i++) {
      recordHistory(s, { id: String(i), request: req({ parent: `zoos/${i}` }), language: "curl" }, i);
    }
    const entries = readHistory(s);
    expect(entries).toHaveLength(HISTORY_LIMIT);
    expect(entries[0]?.id).toBe(String(HISTORY_LIMIT + 9));
    expect(recordHistory(s, { id: "x", request: req({}), language: "curl" }, 0, 3)).toHaveLength(3);
  });

  it("stores no secrets and no unset values", () => {
    const s = new MemoryStorage();
    recordHistory(
      s,
      {
        id: "a",
        request: req({
          parent: "zoos/1",
          key: "AIzaSECRET",
          access_token: "ya29.SECRET",
          species: ["", "lion"],
        }),
        language: "curl",
      },
      1,
    );
    const raw = s.getItem(HISTORY_KEY)!;
    expect(raw).not.toMatch(/SECRET/);
    expect(historyItems(s)[0]?.request.params).toEqual({ parent: "zoos/1", species: ["lion"] });
    expect(cleanForHistory(req({ part: [""], x: "" })).params).toEqual({});
  });

  it("removes, clears, and survives corrupt or failing storage", () => {
    const s = new MemoryStorage();
    recordHistory(s, { id: "a", request: req({ parent: "1" }), language: "curl" }, 1);
    recordHistory(s, { id: "b", request: req({ parent: "2" }), language: "curl" }, 2);
    expect(removeHistoryEntry(s, "a").map((e) => e.id)).toEqual(["b"]);
    clearHistory(s);
    expect(readHistory(s)).toEqual([]);

    s.setItem(HISTORY_KEY, "{not json");
    expect(readHistory(s)).toEqual([]);
    s.setItem(
      HISTORY_KEY,
      JSON.stringify([{ id: 1 }, { id: "z", share: "1.!!", language: "curl", savedAt: 1 }, null]),
    );
    expect(readHistory(s)).toHaveLength(1);
    expect(historyItems(s)).toEqual([]);

    const failing: StorageLike = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("quota");
      },
      removeItem: () => {
        throw new Error("denied");
      },
    };
    expect(readHistory(failing)).toEqual([]);
    expect(recordHistory(failing, { id: "a", request: req({}), language: "curl" }, 1)).toHaveLength(1);
    expect(() => clearHistory(failing)).not.toThrow();
  });

  it("summarises parameters on one line", () => {
    expect(summarizeParams(req({ parent: "zoos/1", species: ["a", "b"], showDeleted: true }))).toBe(
      "parent=zoos/1 · species=a,b · showDeleted=true",
    );
    expect(summarizeParams(req({ parent: "x".repeat(300) }), 20)).toHaveLength(20);
  });
});
