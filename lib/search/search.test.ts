import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { SNAPSHOT_DIR, SNAPSHOT_SKIP_REASON } from "../discovery/__fixtures__/real-snapshot";
import { createDiscoveryLoader } from "../discovery/load";
import { createSnapshotSource } from "../discovery/sources/snapshot";
import { buildSearchIndex, isSearchIndex, summarize, toPlainText } from "./build";
import { buildSearchIndexFrom } from "./load";
import {
  camelWords,
  isAbbreviation,
  prepareSearchIndex,
  searchIndex,
  tokenize,
  type PreparedSearchIndex,
} from "./query";
import { SYNTHETIC } from "./__fixtures__/synthetic";

const prepared = prepareSearchIndex(buildSearchIndex(SYNTHETIC, { source: "synthetic", builtAt: "x" }));
const top = (p: PreparedSearchIndex, q: string, n = 1) =>
  searchIndex(p, q, 50)
    .hits.slice(0, n)
    .map((h) => (h.kind === "api" ? `api:${h.api.n}:${h.api.v}` : `${h.id}@${h.api.v}`));

describe("summaries", () => {
  it.each([
    ["Retrieves a list. Then more.", "Retrieves a list."],
    ["Uses <code>foo</code> &amp; `bar`, e.g. this. Next sentence.", "Uses foo & bar, e.g. this."],
    ["See [the docs](https://x.example/a) for more", "See the docs for more"],
    ["First paragraph\n\nSecond paragraph", "First paragraph"],
    ["<script>alert(1)</script>Safe", "Safe"],
    ["", ""],
  ])("%j → %j", (input, expected) => expect(summarize(input)).toBe(expected));

  it("cuts long sentences at a word, with an ellipsis", () => {
    const s = summarize("word ".repeat(60));
    expect(s.length).toBeLessThanOrEqual(120);
    expect(s.endsWith("word…")).toBe(true);
  });

  it("plain text has no tags", () => expect(toPlainText("<p>a <b>b</b></p>")).toBe("a b"));
});

describe("helpers", () => {
  it.each([
    ["yt chan list", ["yt", "chan", "list"]],
    ["channels.list", ["channels", "list"]],
    ["youtube:v3", ["youtube", "v3"]],
    ["  Drive   FILES ", ["drive", "files"]],
    ["projects/{project}/zones", ["projects", "project", "zones"]],
  ])("tokenize %j", (q, expected) => expect(tokenize(q)).toEqual(expected));

  it.each([
    ["channelSections", ["sections"]],
    ["getIamPolicy", ["iam", "policy"]],
    ["list", []],
    ["getOpenid-configuration", ["openid", "configuration"]],
  ])("camelWords %j", (w, expected) => expect(camelWords(w)).toEqual(expected));

  it.each([
    ["yt", "youtube", true],
    ["msgs", "messages", true],
    ["ty", "youtube", false],
    ["youtube", "youtube", false],
    ["y", "youtube", false],
  ])("isAbbreviation(%j, %j) = %j", (t, w, expected) => expect(isAbbreviation(t, w)).toBe(expected));
});

describe("buildSearchIndex", () => {
  const index = buildSearchIndex(SYNTHETIC, { source: "synthetic" });
  it("keeps every API and method, shares summaries, and round-trips through JSON", () => {
    expect(index.apis).toHaveLength(SYNTHETIC.length);
    expect(index.methods).toHaveLength(SYNTHETIC.reduce((n, a) => n + a.methods.length, 0));
    expect(index.texts.filter((t) => t === "Creates an instance.")).toHaveLength(1);
    const back: unknown = JSON.parse(JSON.stringify(index));
    expect(isSearchIndex(back)).toBe(true);
    expect(isSearchIndex({ ...index, format: 999 })).toBe(false);
  });
  it("stores plain-text summaries (no HTML)", () => {
    const row = index.methods.find((r) => r[1] === "youtube.videos.insert")!;
    expect(index.texts[row[4]]).toBe("Uploads a video to YouTube.");
  });
});

describe("searchIndex ranking (synthetic)", () => {
  it.each([
    ["youtube channels list", "youtube.channels.list@v3"],
    ["yt chan list", "youtube.channels.list@v3"],
    ["channels.list", "youtube.channels.list@v3"],
    ["youtube.channels.list", "youtube.channels.list@v3"],
    ["YOUTUBE.CHANNELS", "youtube.channels.list@v3"],
    ["sections", "youtube.channelSections.list@v3"],
    ["instances insert", "compute.instances.insert@v1"],
    ["compute instances insert", "compute.instances.insert@v1"],
    ["compute beta instances insert", "compute.instances.insert@beta"],
    ["drive files create", "drive.files.create@v3"],
    ["drive files insert", "drive.files.insert@v2"],
    ["drive", "api:drive:v3"],
    ["drive v2", "api:drive:v2"],
    ["youtube:v3", "api:youtube:v3"],
    ["gmail", "api:gmail:v1"],
    ["iam policy", "compute.instances.getIamPolicy@v1"],
    ["upload", "youtube.videos.insert@v3"],
    ["bulk", "compute.regionInstances.bulkInsert@v1"],
  ])("%j → %s first", (q, expected) => expect(top(prepared, q)).toEqual([expected]));

  it("ranks exact id > id prefix > segment matches > description", () => {
    expect(top(prepared, "drive files", 3)).toEqual([
      "drive.files.get@v3",
      "drive.files.list@v3",
      "drive.files.create@v3",
    ]);
    const ids = top(prepared, "channels", 10);
    // Segment match (channels.list) before description-only (search.list says "channels").
    expect(ids.indexOf("youtube.channels.list@v3")).toBeLessThan(ids.indexOf("youtube.search.list@v3"));
    expect(ids).toContain("youtube.search.list@v3");
  });

  it("puts the preferred version first among equal matches", () => {
    expect(top(prepared, "compute instances list", 2)).toEqual([
      "compute.instances.list@v1",
      "compute.instances.list@beta",
    ]);
  });

  it("puts deprecated methods after live ones", () => {
    const ids = top(prepared, "drive files", 10);
    expect(ids.at(-1)).toBe("drive.files.emptyTrash@v3");
  });

  it("requires every token to match, and matches verbs and paths", () => {
    expect(searchIndex(prepared, "youtube nothingmatches", 50).total).toBe(0);
    expect(top(prepared, "delete drive")).toEqual(["drive.files.emptyTrash@v3"]);
    expect(top(prepared, "zones instances", 10)).toContain("compute.instances.getIamPolicy@v1");
  });

  it("labels hits with their API and href", () => {
    const hit = searchIndex(prepared, "youtube channels list", 1).hits[0]!;
    expect(hit).toMatchObject({
      kind: "method",
      href: "/youtube/v3/youtube.channels.list",
      api: { n: "youtube", v: "v3", t: "YouTube Data API v3" },
      verb: "GET",
      path: "youtube/v3/channels",
      summary: "Retrieves a list of resources, possibly filtered.",
    });
    expect(searchIndex(prepared, "gmail", 1).hits[0]).toMatchObject({ kind: "api", href: "/gmail/v1" });
  });

  it("honours the limit and counts every match", () => {
    const r = searchIndex(prepared, "list", 2);
    expect(r.hits).toHaveLength(2);
    expect(r.total).toBeGreaterThan(2);
    expect(searchIndex(prepared, "   ", 10)).toEqual({ hits: [], total: 0 });
  });
});

describe.skipIf(!SNAPSHOT_DIR)(`search over the real snapshot${SNAPSHOT_SKIP_REASON}`, () => {
  let real: PreparedSearchIndex;
  let json = "";
  beforeAll(async () => {
    const loader = createDiscoveryLoader({
      primary: null,
      fallback: createSnapshotSource(SNAPSHOT_DIR!),
      apiCacheSize: 2,
    });
    const index = await buildSearchIndexFrom(loader);
    json = JSON.stringify(index);
    real = prepareSearchIndex(JSON.parse(json) as typeof index);
  }, 120_000);

  it("indexes every document and tens of thousands of methods", () => {
    expect(real.index.skipped).toEqual([]);
    expect(real.index.apis.length).toBeGreaterThan(550);
    expect(real.index.methods.length).toBeGreaterThan(25_000);
    // Stays small enough to send: a few MB raw, well under 1 MB gzipped.
    expect(gzipSync(json).length).toBeLessThan(1_000_000);
  });

  it.each([
    ["youtube channels list", "/youtube/v3/youtube.channels.list"],
    ["compute instances insert", "/compute/v1/compute.instances.insert"],
    ["drive files create", "/drive/v3/drive.files.create"],
    ["yt chan list", "/youtube/v3/youtube.channels.list"],
    ["channels.list", "/youtube/v3/youtube.channels.list"],
  ])("%j → %s is the top hit", (q, href) => {
    expect(searchIndex(real, q, 10).hits[0]?.href).toBe(href);
  });

  it("answers an ambiguous run of an id with the preferred stable versions that have it", () => {
    // Compute Engine's and Cloud SQL's (v1 takes over from the v1beta4 the directory prefers) tie: shorter id first.
    expect(
      searchIndex(real, "instances insert", 10)
        .hits.slice(0, 2)
        .map((h) => h.href),
    ).toEqual(["/sqladmin/v1/sql.instances.insert", "/compute/v1/compute.instances.insert"]);
  });
});
