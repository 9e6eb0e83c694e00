import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { json, startFakeServer } from "./__fixtures__/fake-server";
import { zooText } from "./__fixtures__/load-zoo";
import { isDeepFrozen } from "./freeze";
import {
  createDiscoveryLoader,
  getApi,
  getDirectory,
  loaderOptionsFromEnv,
  resetDiscoveryCache,
} from "./load";
import { DiscoveryLoadError, type DiscoverySource, type DocumentRef } from "./sources/types";
import type { RawDirectoryList } from "./types";

/** A scriptable in-memory source that counts calls. */
function fakeSource(
  kind: DiscoverySource["kind"],
  label: string,
  docs: Record<string, string>,
  fail?: () => DiscoveryLoadError | null,
) {
  const calls = { list: 0, fetch: [] as DocumentRef[] };
  const source: DiscoverySource = {
    kind,
    label,
    async listDirectory(): Promise<RawDirectoryList> {
      calls.list++;
      const e = fail?.();
      if (e) throw e;
      return {
        items: Object.keys(docs).map((k) => ({
          name: k.split(":")[0]!,
          version: k.split(":")[1]!,
          discoveryRestUrl: `https://${k.split(":")[0]}.example/rest`,
        })),
      };
    },
    async fetchDocumentText(ref) {
      calls.fetch.push(ref);
      await new Promise((r) => setTimeout(r, 5));
      const e = fail?.();
      if (e) throw e;
      const text = docs[`${ref.name}:${ref.version}`];
      if (text === undefined)
        throw new DiscoveryLoadError("not-found", label, `no ${ref.name} ${ref.version}`);
      return text;
    },
  };
  return { source, calls };
}

const rejection = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as DiscoveryLoadError;
  }
  throw new Error("expected a rejection");
};

const zoo = zooText();
const zoo2 = JSON.stringify({ ...JSON.parse(zoo), version: "v2" });

describe("createDiscoveryLoader", () => {
  it("serves the primary, caches models, shares concurrent loads and passes discoveryRestUrl", async () => {
    const live = fakeSource("google", "live", { "zoo:v1": zoo });
    const loader = createDiscoveryLoader({ primary: live.source, fallback: null });
    const [a, b] = await Promise.all([loader.getApi("zoo", "v1"), loader.getApi("zoo", "v1")]);
    expect(a.api).toBe(b.api);
    expect(a.source).toEqual({ kind: "google", label: "live" });
    expect(isDeepFrozen(a.api)).toBe(true);
    expect((await loader.getApi("zoo", "v1")).api).toBe(a.api);
    expect(live.calls.fetch).toEqual([
      { name: "zoo", version: "v1", discoveryRestUrl: "https://zoo.example/rest" },
    ]);
    expect(live.calls.list).toBe(1);
  });

  it("fetches a live document again after its TTL: the same text keeps the model, a new revision replaces it", async () => {
    let t = 0;
    const docs = { "zoo:v1": zoo };
    const live = fakeSource("url", "live", docs);
    const loader = createDiscoveryLoader({
      primary: live.source,
      fallback: null,
      documentTtlMs: 1000,
      now: () => t,
    });
    const first = await loader.getApi("zoo", "v1");
    t = 500;
    expect((await loader.getApi("zoo", "v1")).api).toBe(first.api); // within the TTL: not fetched
    expect(live.calls.fetch).toHaveLength(1);
    t = 1500;
    const same = await loader.getApi("zoo", "v1");
    expect(live.calls.fetch).toHaveLength(2);
    expect(same.api).toBe(first.api); // unchanged text: what was rendered from it stays valid
    expect(same.fingerprint).toBe(first.fingerprint);
    docs["zoo:v1"] = JSON.stringify({ ...JSON.parse(zoo), revision: "29990101" });
    t = 3000;
    const changed = await loader.getApi("zoo", "v1");
    expect(changed.api).not.toBe(first.api);
    expect(changed.api.revision).toBe("29990101");
    expect(changed.fingerprint).not.toBe(first.fingerprint);
  });

  it("never fetches a snapshot document again", async () => {
    let t = 0;
    const snap = fakeSource("snapshot", "snap", { "zoo:v1": zoo });
    const loader = createDiscoveryLoader({
      primary: null,
      fallback: snap.source,
      documentTtlMs: 1,
      now: () => t,
    });
    await loader.getApi("zoo", "v1");
    t = 10_000_000;
    await loader.getApi("zoo", "v1");
    expect(snap.calls.fetch).toHaveLength(1);
  });

  it("evicts least recently used models beyond the cap", async () => {
    const snap = fakeSource("snapshot", "snap", { "zoo:v1": zoo, "zoo:v2": zoo2 });
    const loader = createDiscoveryLoader({ primary: null, fallback: snap.source, apiCacheSize: 1 });
    await loader.getApi("zoo", "v1");
    await loader.getApi("zoo", "v2");
    await loader.getApi("zoo", "v1");
    expect(snap.calls.fetch.map((r) => r.version)).toEqual(["v1", "v2", "v1"]);
  });

  it("falls back to the snapshot when live is unreachable, and skips live for a while", async () => {
    let t = 0;
    let down = true;
    const live = fakeSource("google", "live", { "zoo:v1": zoo }, () =>
      down ? new DiscoveryLoadError("timeout", "live", "no answer within 1500 ms") : null,
    );
    const snap = fakeSource("snapshot", "snap", { "zoo:v1": zoo });
    const loader = createDiscoveryLoader({
      primary: live.source,
      fallback: snap.source,
      primaryRetryAfterMs: 1000,
      now: () => t,
    });

    const first = await loader.getDirectory();
    expect(first.source).toEqual({
      kind: "snapshot",
      label: "snap",
      fellBackFrom: "live: no answer within 1500 ms",
    });
    expect(first.entries.map((e) => e.id)).toEqual(["zoo:v1"]);
    const api = await loader.getApi("zoo", "v1");
    expect(api.source.kind).toBe("snapshot");
    expect(api.source.fellBackFrom).toMatch(/no answer/);
    expect(live.calls.list).toBe(1); // remembered: getApi did not try live again

    t = 2000;
    down = false;
    const recovered = await loader.getApi("zoo", "v1");
    expect(recovered.source).toEqual({ kind: "google", label: "live" });
    expect((await loader.getDirectory()).source.fellBackFrom).toBeUndefined();
  });

  it("does not fall back on not-found from live, and reports not-found from the snapshot", async () => {
    const live = fakeSource("google", "live", {});
    const snap = fakeSource("snapshot", "snap", { "zoo:v1": zoo });
    const e = await rejection(
      createDiscoveryLoader({ primary: live.source, fallback: snap.source }).getApi("zoo", "v1"),
    );
    expect(e.kind).toBe("not-found");
    expect(snap.calls.fetch).toEqual([]);
    expect(
      (await rejection(createDiscoveryLoader({ primary: null, fallback: snap.source }).getApi("nope", "v9")))
        .kind,
    ).toBe("not-found");
  });

  it("reports malformed documents with their problems, and falls back from a malformed live document", async () => {
    const bad = JSON.stringify({
      name: "zoo",
      version: "v1",
      rootUrl: "https://x/",
      servicePath: "",
      resources: {
        r: { methods: { m: { id: "zoo.r.m", path: "m", httpMethod: "GET", response: { $ref: "Missing" } } } },
      },
    });
    const snapOnly = createDiscoveryLoader({
      primary: null,
      fallback: fakeSource("snapshot", "snap", { "zoo:v1": bad }).source,
    });
    const e = await rejection(snapOnly.getApi("zoo", "v1"));
    expect(e.kind).toBe("malformed");
    expect(e.problems).toEqual([
      { path: "resources.r.methods.m.response.$ref", message: expect.stringContaining('"Missing"') },
    ]);
    expect(e.message).toMatch(/zoo v1 from snap/);

    const loader = createDiscoveryLoader({
      primary: fakeSource("google", "live", { "zoo:v1": "{nope" }).source,
      fallback: fakeSource("snapshot", "snap", { "zoo:v1": zoo }).source,
    });
    const r = await loader.getApi("zoo", "v1");
    expect(r.source.kind).toBe("snapshot");
    expect(r.source.fellBackFrom).toMatch(/Invalid JSON at line 1/);
  });

  it("rejects a malformed directory and re-lists after the TTL", async () => {
    let t = 0;
    const live = fakeSource("google", "live", { "zoo:v1": zoo });
    const loader = createDiscoveryLoader({
      primary: live.source,
      fallback: null,
      directoryTtlMs: 100,
      now: () => t,
    });
    await loader.getDirectory();
    await loader.getDirectory();
    expect(live.calls.list).toBe(1);
    t = 200;
    await loader.getDirectory();
    expect(live.calls.list).toBe(2);

    const broken: DiscoverySource = {
      ...live.source,
      listDirectory: async () => ({ items: [{ name: 1 }] }) as unknown as RawDirectoryList,
    };
    expect(
      (await rejection(createDiscoveryLoader({ primary: broken, fallback: null }).getDirectory())).kind,
    ).toBe("malformed");
  });

  it("says so when there is no source at all", async () => {
    const e = await rejection(createDiscoveryLoader({ primary: null, fallback: null }).getDirectory());
    expect(e.kind).toBe("unreachable");
  });
});

describe("loaderOptionsFromEnv", () => {
  it.each([
    ["snapshot", null, "snapshot"],
    ["google", "google", null],
    ["auto", "google", "snapshot"],
    ["", "google", "snapshot"],
    ["http://127.0.0.1:1234/", "url", null],
  ] as const)("%j → primary %s, fallback %s", (mode, primary, fallback) => {
    const o = loaderOptionsFromEnv(
      { EXPLORER_DISCOVERY_SOURCE: mode, EXPLORER_SNAPSHOT_DIR: "/snap" },
      "/nowhere",
    );
    expect(o.primary?.kind ?? null).toBe(primary);
    expect(o.fallback?.kind ?? null).toBe(fallback);
  });
  it("rejects nonsense", () =>
    expect(() => loaderOptionsFromEnv({ EXPLORER_DISCOVERY_SOURCE: "ftp://x" })).toThrow(/must be auto/));
});

describe("getDirectory / getApi from the environment", () => {
  const saved = { ...process.env };
  let server: Awaited<ReturnType<typeof startFakeServer>>;
  let dir: string;
  beforeAll(async () => {
    server = await startFakeServer({
      "/discovery/v1/apis": json({
        kind: "discovery#directoryList",
        items: [{ name: "zoo", version: "v1", preferred: true }],
      }),
      "/discovery/v1/apis/zoo/v1/rest": json(zoo),
    });
    dir = mkdtempSync(join(tmpdir(), "snap-"));
    writeFileSync(join(dir, "zoo.v1.json"), zoo);
  });
  afterEach(() => {
    process.env = { ...saved };
    resetDiscoveryCache();
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("uses a base URL", async () => {
    process.env.EXPLORER_DISCOVERY_SOURCE = server.url;
    const d = await getDirectory();
    expect(d.source).toEqual({ kind: "url", label: server.url });
    expect(d.entries.map((e) => e.id)).toEqual(["zoo:v1"]);
    const { api } = await getApi("zoo", "v1");
    expect(api.baseUrl).toBe("https://zoo.googleapis.com/zoo/v1/");
    expect((await getApi("zoo", "v1")).api).toBe(api);
  });

  it("uses the snapshot", async () => {
    process.env.EXPLORER_DISCOVERY_SOURCE = "snapshot";
    process.env.EXPLORER_SNAPSHOT_DIR = dir;
    expect((await getDirectory()).entries.map((e) => [e.id, e.title])).toEqual([["zoo:v1", "Zoo API"]]);
    expect((await getApi("zoo", "v1")).source).toEqual({ kind: "snapshot", label: `snapshot in ${dir}` });
    expect((await rejection(getApi("zoo", "v9"))).kind).toBe("not-found");
  });
});
