/**
 * The fast `searchIndex` (inverted index, candidate pruning, caches) must return exactly what the old scorer that
 * looks at every API and method returns (./query-reference.ts): same hits, order, scores and totals. Checked over
 * the synthetic index plus edge cases, and over the real index when the snapshot is installed.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SNAPSHOT_DIR, SNAPSHOT_SKIP_REASON } from "../discovery/__fixtures__/real-snapshot";
import { createDiscoveryLoader } from "../discovery/load";
import { createSnapshotSource } from "../discovery/sources/snapshot";
import { m, SYNTHETIC } from "./__fixtures__/synthetic";
import { buildSearchIndex, isSearchIndex } from "./build";
import { buildSearchIndexFrom, snapshotKey } from "./load";
import {
  clearSearchCache,
  prepareSearchIndex,
  searchIndex,
  searchTuning,
  tokenize,
  warmSearchCache,
  WARM_QUERIES,
  type PreparedSearchIndex,
} from "./query";
import { referenceSearchIndex } from "./query-reference";
import type { SearchIndex, SearchSourceApi } from "./types";

/** Shapes the synthetic index lacks: every verb, repeated and single segments, camelCase API names, odd versions. */
const EDGES: SearchSourceApi[] = [
  {
    name: "getter",
    version: "v1beta1",
    title: "Getter API v1beta1 (get things)",
    preferred: true,
    methods: [
      m("getter.get.get", "GET", "v1beta1/get/{getId}", "Gets a get."),
      m("getter.items.get", "GET", "v1beta1/items/{itemsId}", "Gets an item."),
      m("getter", "HEAD", "v1beta1", "Heads the root."),
      m("getter.items.put", "PUT", "v1beta1/items/{itemsId}:put", "Puts an item in place."),
      m("getter.items.patch", "PATCH", "v1beta1/items/{itemsId}", "Patches an item.", true),
      m("getter.items.options", "OPTIONS", "v1beta1/items", ""),
      m("getter.items.getter", "GET", "v1beta1/items/{itemsId}/getter", "Gets the getter of an item."),
      m("getter.getter.items", "GET", "v1beta1/getter/items", "Lists items of the getter."),
    ],
  },
  {
    name: "youtubeReporting",
    version: "alpha",
    title: "YouTube Reporting API",
    preferred: false,
    methods: [
      m("youtubeReporting.jobs.create", "POST", "v1/jobs", "Creates a job."),
      m("youtubeReporting.jobs.reports.list", "GET", "v1/jobs/{jobId}/reports", "Lists reports of a job."),
      m("youtubeReporting.media.download", "GET", "v1/media/{+resourceName}", "Method for media download."),
    ],
  },
  {
    name: "iam",
    version: "v1",
    title: "Identity and Access Management (IAM) API",
    preferred: true,
    methods: [
      m(
        "iam.projects.serviceAccounts.getIamPolicy",
        "POST",
        "v1/projects/{projectsId}/serviceAccounts/{serviceAccountsId}:getIamPolicy",
        "Gets the IAM policy that is attached to a ServiceAccount.",
      ),
      m(
        "iam.projects.serviceAccounts.setIamPolicy",
        "POST",
        "v1/projects/{projectsId}/serviceAccounts/{serviceAccountsId}:setIamPolicy",
        "Sets the IAM policy that is attached to a ServiceAccount.",
      ),
      m("iam.roles.list", "GET", "v1/roles", "Lists every predefined Role that IAM supports."),
      m("iam.iam.iam", "DELETE", "v1/iam", "Iam iam iam.", true),
    ],
  },
  {
    name: "sqladmin",
    version: "v1beta4",
    title: "Cloud SQL Admin API",
    preferred: true,
    methods: [
      m("sql.instances.list", "GET", "sql/v1beta4/projects/{project}/instances", "Lists instances."),
      m("sql.instances.insert", "POST", "sql/v1beta4/projects/{project}/instances", "Creates an instance."),
      m(
        "sql.backupRuns.delete",
        "DELETE",
        "sql/v1beta4/projects/{project}/backupRuns/{id}",
        "Deletes a run.",
      ),
      m(
        "sql.sslCerts.createEphemeral",
        "POST",
        "sql/v1beta4/createEphemeral",
        "Generates a short-lived cert.",
      ),
    ],
  },
  {
    name: "v1",
    version: "v1",
    title: "V1 API v1",
    preferred: true,
    methods: [m("v1.v1.v1", "GET", "v1/v1")],
  },
  {
    // Verbs that are also path words elsewhere in the id: the verb rule must win over the path rule.
    name: "stuff",
    version: "v2",
    title: "Stuff",
    preferred: true,
    methods: [
      m("stuff.things.fetch", "GET", "v2/getThings/{id}", "Fetches."),
      m("stuff.things.remove", "DELETE", "v2/deleted/{id}", "Removes a thing, posting nothing."),
      m("stuff.things.send", "POST", "v2/postings/{id}:put", "Sends."),
    ],
  },
  {
    // Lowercasing "greek.ΑΣ.get" whole gives "greek.ασ.get", but its segment "ΑΣ" alone gives "ας" (final sigma).
    name: "greek",
    version: "v1",
    title: "Greek API",
    preferred: true,
    methods: [m("greek.ΑΣ.get", "GET", "v1/things", "Gets things."), m("greek.ΑΣ", "GET", "v1/other")],
  },
];

const synthetic = prepareSearchIndex(
  buildSearchIndex([...SYNTHETIC, ...EDGES], { source: "synthetic", builtAt: "x" }),
);

/** Queries chosen to hit every rule and threshold. */
const NASTY = [
  "",
  "   ",
  "...",
  ". / :",
  "c",
  "y",
  "g",
  "i",
  "v",
  "1",
  "3",
  "z",
  "get",
  "post",
  "put",
  "patch",
  "delete",
  "head",
  "options",
  "GET",
  "get get",
  "get get get",
  "v1",
  "v2",
  "v3",
  "v1beta",
  "v1beta1",
  "v1beta4",
  "beta",
  "alpha",
  "yt",
  "ytr",
  "yta",
  "cmpt",
  "msgs",
  "sa",
  "iam",
  "ia",
  "iam iam",
  "iam iam iam",
  "iam policy",
  "getiampolicy",
  "getIamPolicy",
  "get iam policy",
  "set iam",
  "youtube channels list",
  "youtube.channels.list",
  "youtube:v3",
  "youtube v3",
  "drive:v2",
  "drive.files",
  "drive files get",
  "files.get",
  "channels.list",
  "channels.list.extra",
  "compute.instances",
  "compute instances insert",
  "instances insert",
  "getter",
  "getter.get",
  "getter.get.get",
  "getter get get",
  "get.get",
  "items getter",
  "getter items",
  "v1.v1.v1",
  "v1 v1",
  "sql",
  "sqladmin",
  "sql instances",
  "ssl",
  "ephemeral",
  "short",
  "sh",
  "shor",
  "sec",
  "se",
  "sections",
  "up",
  "upl",
  "upload",
  "video",
  "the",
  "an",
  "a",
  "of",
  "zones",
  "zone",
  "zo",
  "project",
  "projects",
  "pr",
  "{project}",
  "projects/{project}/zones",
  "bulk",
  "bulkinsert",
  "reports",
  "rep",
  "media download",
  "resource",
  "resourcename",
  "nothingmatches",
  "youtube nothingmatches",
  "x y z",
  "ÿ",
  "é",
  "drive drive drive drive drive",
  "youtube channels list get v3 yt a b c",
  "compute.instances.insert compute.instances.list getter.get.get sql.instances",
  "list list",
  "lists",
  "trash",
  "empty",
  "emptytrash",
  "deletes",
  "del",
  "posting",
  "stuff get",
  "stuff delete",
  "stuff post",
  "stuff put",
  "greek ας",
  "greek.ας.get",
  "ας get",
  "ας",
  "α",
  "greek α",
];

const check = (p: PreparedSearchIndex, q: string, limit = 50) =>
  expect(searchIndex(p, q, limit), `${JSON.stringify(q)} limit ${limit}`).toEqual(
    referenceSearchIndex(p, q, limit),
  );

/** Arbitrary queries made of pieces of the index's own words, ids and names, in any case, with any separators. */
function queryArb(p: PreparedSearchIndex): fc.Arbitrary<string> {
  const words = p.vocab.filter((w) => w.length > 0);
  const ids = p.index.methods.map((r) => r[1]);
  const names = p.index.apis.flatMap((a) => [a.n, a.v, ...a.t.split(" ")]);
  const prefix = fc
    .constantFrom(...words)
    .chain((w) => fc.integer({ min: 1, max: w.length }).map((n) => w.slice(0, n)));
  // Letters of a word in order, first one kept: an abbreviation, or close to one.
  const subsequence = fc
    .tuple(fc.constantFrom(...words), fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }))
    .map(([w, keep]) => w[0]! + [...w.slice(1)].filter((_, i) => keep[i % keep.length]).join(""));
  const letters = fc
    .array(fc.constantFrom(..."abcdefgilmnoprstuvy0123456789"), { minLength: 1, maxLength: 4 })
    .map((cs) => cs.join(""));
  const fragment = fc.oneof(
    { weight: 4, arbitrary: prefix },
    { weight: 2, arbitrary: subsequence },
    { weight: 2, arbitrary: letters },
    { weight: 1, arbitrary: fc.constantFrom(...words) },
    { weight: 1, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.constantFrom(...names) },
    { weight: 1, arbitrary: fc.constantFrom("get", "post", "put", "patch", "delete", "head", "options") },
  );
  return fc
    .array(fc.tuple(fragment, fc.constantFrom(" ", ".", "/", ":", "  ", " . ")), {
      minLength: 1,
      maxLength: 4,
    })
    .chain((parts) =>
      fc.boolean().map((upper) => parts.map(([f, sep]) => (upper ? f.toUpperCase() : f) + sep).join("")),
    );
}

/** Runs the equivalence checks over one prepared index. */
function equivalenceSuite(
  get: () => PreparedSearchIndex,
  { runs, typed, limits }: { runs: number; typed: number; limits: number[] },
) {
  it("hand-picked queries, cold and cached, at several limits", () => {
    const p = get();
    for (const limit of limits)
      for (const q of NASTY) {
        clearSearchCache(p);
        check(p, q, limit);
        check(p, q, limit); // now from the cache
      }
  });

  it("random queries from the index's own vocabulary", () => {
    const p = get();
    fc.assert(
      fc.property(queryArb(p), fc.integer({ min: 1, max: 60 }), fc.boolean(), (q, limit, cold) => {
        if (cold) clearSearchCache(p);
        check(p, q, limit);
      }),
      { numRuns: runs },
    );
  });

  it("queries typed a character at a time (token memo, incremental matches) and backspaced", () => {
    const p = get();
    fc.assert(
      fc.property(queryArb(p), (q) => {
        clearSearchCache(p);
        for (let i = 1; i <= q.length; i++) check(p, q.slice(0, i));
        for (let i = q.length - 1; i >= 1; i--) check(p, q.slice(0, i));
      }),
      { numRuns: typed },
    );
  });

  it("warmed one-character queries", () => {
    const p = get();
    clearSearchCache(p);
    let calls = 0;
    while (warmSearchCache(p, 50)) calls++;
    expect(calls).toBe(WARM_QUERIES.length - 1);
    expect(warmSearchCache(p, 50)).toBe(false);
    for (const q of WARM_QUERIES) {
      expect(searchIndex(p, q, 50)).toBe(searchIndex(p, q.toUpperCase(), 50)); // one cached object
      check(p, q);
    }
  });
}

describe("searchIndex = the reference scorer (synthetic index with edge cases)", () => {
  equivalenceSuite(() => synthetic, { runs: 2000, typed: 200, limits: [50, 1, 7, 200] });

  // The index is small, so the default picks the inverted index for every token: force each strategy.
  describe.each([
    ["per method", 0],
    ["through the inverted index", Infinity],
  ])("other tokens scored %s", (_, postingsPerCandidate) => {
    const saved = searchTuning.postingsPerCandidate;
    beforeAll(() => void (searchTuning.postingsPerCandidate = postingsPerCandidate));
    afterAll(() => void (searchTuning.postingsPerCandidate = saved));
    equivalenceSuite(() => synthetic, { runs: 1000, typed: 100, limits: [50, 3] });
  });

  it("answers repeated queries from the cache, keyed by tokens and limit", () => {
    clearSearchCache(synthetic);
    const first = searchIndex(synthetic, "drive files", 50);
    expect(searchIndex(synthetic, "  Drive.FILES ", 50)).toBe(first);
    expect(searchIndex(synthetic, "drive files", 10)).not.toBe(first);
    clearSearchCache(synthetic);
    const again = searchIndex(synthetic, "drive files", 50);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it("keeps a bounded number of recent results (least recently used out)", () => {
    clearSearchCache(synthetic);
    const kept = searchIndex(synthetic, "drive", 50);
    const dropped = searchIndex(synthetic, "compute", 50);
    for (let i = 0; i < 200; i++) {
      searchIndex(synthetic, `drive ${i}`, 50);
      expect(searchIndex(synthetic, "drive", 50)).toBe(kept); // used again: stays
    }
    expect(searchIndex(synthetic, "compute", 50)).not.toBe(dropped);
  });

  it("warming stops at once for a useless limit and restarts for another one", () => {
    clearSearchCache(synthetic);
    expect(warmSearchCache(synthetic, 0)).toBe(false);
    while (warmSearchCache(synthetic, 50));
    const c50 = searchIndex(synthetic, "c", 50);
    expect(warmSearchCache(synthetic, 20)).toBe(true);
    while (warmSearchCache(synthetic, 20));
    check(synthetic, "c", 20);
    expect(searchIndex(synthetic, "c", 50)).toEqual(c50);
  });

  it("tokenizes as before (the cache key is the tokens)", () => {
    expect(tokenize(" a.B/c:d ")).toEqual(["a", "b", "c", "d"]);
  });
});

/**
 * The real index: read back from the server's persisted copy (.cache/search-index/<snapshot key>.json, read-only)
 * when it is there, else built from the snapshot like search.test.ts does.
 */
async function loadRealIndex(dir: string): Promise<SearchIndex> {
  const persisted = join(__dirname, "..", "..", ".cache", "search-index", `${await snapshotKey(dir)}.json`);
  if (existsSync(persisted)) {
    const index: unknown = JSON.parse(readFileSync(persisted, "utf8"));
    if (isSearchIndex(index)) return index;
  }
  const loader = createDiscoveryLoader({
    primary: null,
    fallback: createSnapshotSource(dir),
    apiCacheSize: 2,
  });
  return buildSearchIndexFrom(loader);
}

describe.skipIf(!SNAPSHOT_DIR)(
  `searchIndex = the reference scorer (real index)${SNAPSHOT_SKIP_REASON}`,
  () => {
    let real: PreparedSearchIndex;
    beforeAll(async () => {
      real = prepareSearchIndex(await loadRealIndex(SNAPSHOT_DIR!));
    }, 120_000);

    it("is the real index", () => expect(real.index.methods.length).toBeGreaterThan(25_000));

    // The reference scorer takes a few ms per query here: a few hundred queries each.
    equivalenceSuite(() => real, { runs: 300, typed: 12, limits: [50, 7] });
  },
);
