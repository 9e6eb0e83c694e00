import { describe, expect, it } from "vitest";

import { judge, selectTargets, TARGETS, type CaseFigures } from "./cases";

const fig = (over: Partial<CaseFigures>): CaseFigures => ({
  target: "x",
  kind: "method",
  connections: 50,
  repeat: 1,
  reqPerSec: 3000,
  completed: 30000,
  sent: 30050,
  p50Ms: 10,
  p99Ms: 30,
  maxMs: 60,
  non2xx: 0,
  errors: 0,
  timeouts: 0,
  rssBeforeMb: 200,
  rssAfterMb: 210,
  ...over,
});

const byGoal = (v: ReturnType<typeof judge>, start: string) => v.find((x) => x.goal.startsWith(start))!;

describe("load benchmark cases", () => {
  it("covers the issue's pages: directory, an API page, two methods, the search index with and without gzip", () => {
    expect(TARGETS.map((t) => t.path)).toEqual([
      "/",
      "/youtube/v3",
      "/youtube/v3/youtube.channels.list",
      "/compute/v1/compute.instances.insert",
      "/api/search-index",
      "/api/search-index",
    ]);
    expect(TARGETS.find((t) => t.kind === "search-gzip")!.headers["accept-encoding"]).toBe("gzip");
    expect(TARGETS.find((t) => t.kind === "search-plain")!.headers["accept-encoding"]).toBe("identity");
  });

  it("--only picks by name and says which names exist when nothing matches", () => {
    expect(selectTargets(["search"]).map((t) => t.kind)).toEqual(["search-gzip", "search-plain"]);
    expect(() => selectTargets(["nope"])).toThrow(/directory \//);
  });
});

describe("judge", () => {
  it("uses the slowest method page at 50 connections, ignoring 10 connections", () => {
    const v = judge(
      [
        fig({ reqPerSec: 2500, p99Ms: 20 }),
        fig({ reqPerSec: 1900, p99Ms: 55 }),
        fig({ connections: 10, reqPerSec: 100, p99Ms: 500 }),
      ],
      [],
    );
    expect(byGoal(v, "method pages ≥")).toMatchObject({ met: false, measured: "1900 req/s" });
    expect(byGoal(v, "method pages p99")).toMatchObject({ met: false, measured: "55 ms" });
  });

  it("never reads a case in which nothing was answered as fast", () => {
    const v = judge([fig({ reqPerSec: 0, completed: 0, p50Ms: null, p99Ms: null, maxMs: null })], []);
    expect(byGoal(v, "method pages p99")).toMatchObject({ met: false, measured: "none answered" });
  });

  it("counts any error, timeout or non-2xx as a failure", () => {
    expect(byGoal(judge([fig({})], []), "0 errors").met).toBe(true);
    expect(byGoal(judge([fig({ non2xx: 1 })], []), "0 errors").met).toBe(false);
    expect(byGoal(judge([fig({ timeouts: 2 })], []), "0 errors").measured).toBe("2");
  });

  it("judges RSS: ≤ 400 MB and ≤ 10 % growth from the first repeat to the last", () => {
    const flat = judge([fig({})], [300, 310, 320]);
    expect(byGoal(flat, "server RSS ≤").met).toBe(true);
    expect(byGoal(flat, "server RSS flat").met).toBe(true);
    const leaking = judge([fig({ rssAfterMb: 420 })], [300, 360, 420]);
    expect(byGoal(leaking, "server RSS ≤").met).toBe(false);
    expect(byGoal(leaking, "server RSS flat").met).toBe(false);
  });

  it("says n/a rather than met for what the run did not measure", () => {
    const v = judge([fig({ kind: "search-plain" })], [null]);
    expect(byGoal(v, "directory").met).toBeNull();
    expect(byGoal(v, "search index").met).toBeNull();
    expect(byGoal(v, "server RSS flat").met).toBeNull();
  });
});
