import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SNAPSHOT_DIR, SNAPSHOT_SKIP_REASON } from "../discovery/__fixtures__/real-snapshot";
import { createDiscoveryLoader } from "../discovery/load";
import { createSnapshotSource } from "../discovery/sources/snapshot";
import { buildSearchIndexFrom } from "./load";
import { evaluateIntents, type Intent } from "./relevance";
import { prepareSearch, search, type PreparedSearch } from "./search";
import type { SearchHit } from "./query";

const INTENTS = (
  JSON.parse(readFileSync(join(__dirname, "__fixtures__", "intents.json"), "utf8")) as {
    queries: Intent[];
  }
).queries;

const hit = (api: string, version: string, id: string, kind = "method" as SearchHit["kind"]): SearchHit =>
  ({ kind, id, api: { n: api, v: version, t: api, p: 1 }, score: 1, href: "" }) as unknown as SearchHit;

describe("evaluateIntents", () => {
  it("counts a query as passed when a wanted method is among the first k hits, API hits taking places", () => {
    const results: Record<string, SearchHit[]> = {
      a: [hit("x", "v1", "x.a")],
      b: [hit("x", "v1", "", "api"), hit("x", "v1", "x.c"), hit("x", "v1", "x.d"), hit("x", "v1", "x.b")],
      c: [],
    };
    const r = evaluateIntents(
      [
        { q: "a", want: ["x.a"] },
        { q: "b", want: ["x.b"] },
        { q: "c", want: ["x.c"] },
      ],
      (q) => results[q]!,
    );
    expect(r.outcomes.map((o) => o.rank)).toEqual([1, 4, null]);
    expect(r.precisionAtK).toBeCloseTo(1 / 3);
  });
});

describe.skipIf(!SNAPSHOT_DIR)(`relevance over the real snapshot${SNAPSHOT_SKIP_REASON}`, () => {
  let p: PreparedSearch;
  beforeAll(async () => {
    const loader = createDiscoveryLoader({
      primary: null,
      fallback: createSnapshotSource(SNAPSHOT_DIR!),
      apiCacheSize: 2,
    });
    p = prepareSearch(await buildSearchIndexFrom(loader));
  }, 120_000);

  it(`finds what ${INTENTS.length} plain-language queries mean in the first 3 hits at least 90 % of the time`, () => {
    const report = evaluateIntents(INTENTS, (q) => search(p, q, 10).hits);
    const missed = report.outcomes.filter((o) => o.rank === null || o.rank > 3);
    expect(INTENTS.length).toBeGreaterThanOrEqual(40);
    expect(report.precisionAtK, JSON.stringify(missed, null, 1)).toBeGreaterThanOrEqual(0.9);
  });

  it("indexes the Admin SDK's aliased versions once", () => {
    const admin = p.lexical.index.apis.filter((a) => a.n === "admin").map((a) => a.v);
    expect(admin.sort()).toEqual(["datatransfer_v1", "directory_v1", "reports_v1"]);
    const users = search(p, "directory users list", 10).hits.filter(
      (h) => h.kind === "method" && h.id === "directory.users.list",
    );
    expect(users).toHaveLength(1);
  });

  it("ranks sqladmin v1 above v1beta4, and marks media uploads", () => {
    const hits = search(p, "sql instances list", 10).hits.filter((h) => h.kind === "method");
    expect(hits[0]?.api.v).toBe("v1");
    const uploads = new Set(p.lexical.index.uploads.map((i) => p.lexical.index.methods[i]![1]));
    expect(uploads).toContain("storage.objects.insert");
    expect(uploads).toContain("drive.files.create");
    expect(uploads).not.toContain("drive.files.list");
  });
});
