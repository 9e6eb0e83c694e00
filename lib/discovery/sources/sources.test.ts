import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, startFakeServer } from "../__fixtures__/fake-server";
import { zooText } from "../__fixtures__/load-zoo";
import { createBaseUrlSource } from "./base-url";
import { createGoogleSource, GOOGLE_DIRECTORY_URL, googleFallbackDocumentUrl } from "./google";
import {
  clearSnapshotListings,
  createSnapshotSource,
  defaultSnapshotDir,
  parseDocumentFileName,
  snapshotLabel,
  summariseDocumentFile,
} from "./snapshot";
import { DiscoveryLoadError } from "./types";

const rejection = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as DiscoveryLoadError;
  }
  throw new Error("expected a rejection");
};

describe("google source", () => {
  const calls: string[] = [];
  const fakeFetch = (async (input: string | URL | Request) => {
    calls.push(String(input));
    return new Response('{"items":[]}', { status: 200 });
  }) as typeof fetch;

  it("uses the directory URL and discoveryRestUrl verbatim, else the www.googleapis.com fallback", async () => {
    const g = createGoogleSource({ fetch: fakeFetch });
    await g.listDirectory();
    await g.fetchDocumentText({
      name: "translate",
      version: "v3",
      discoveryRestUrl: "https://translation.googleapis.com/$discovery/rest?version=v3",
    });
    await g.fetchDocumentText({ name: "drive", version: "v3" });
    expect(calls).toEqual([
      GOOGLE_DIRECTORY_URL,
      "https://translation.googleapis.com/$discovery/rest?version=v3",
      "https://www.googleapis.com/discovery/v1/apis/drive/v3/rest",
    ]);
    expect(googleFallbackDocumentUrl("a b", "v1")).toBe(
      "https://www.googleapis.com/discovery/v1/apis/a%20b/v1/rest",
    );
  });

  it.each([
    ["timeout", Object.assign(new Error("aborted"), { name: "TimeoutError" })],
    ["unreachable", new TypeError("fetch failed", { cause: { code: "ENOTFOUND" } })],
  ] as const)("maps a thrown fetch to %s", async (kind, error) => {
    const g = createGoogleSource({ fetch: (async () => Promise.reject(error)) as typeof fetch });
    const e = await rejection(g.listDirectory());
    expect(e).toBeInstanceOf(DiscoveryLoadError);
    expect(e.kind).toBe(kind);
    expect(e.source).toBe(GOOGLE_DIRECTORY_URL);
  });
});

describe("base-URL source against a local server", () => {
  let server: Awaited<ReturnType<typeof startFakeServer>>;
  beforeAll(async () => {
    server = await startFakeServer({
      "/discovery/v1/apis": json({
        items: [
          {
            name: "zoo",
            version: "v1",
            discoveryRestUrl: "https://zoo.googleapis.com/$discovery/rest?version=v1",
          },
        ],
      }),
      "/discovery/v1/apis/zoo/v1/rest": json(zooText()),
      "/discovery/v1/apis/boom/v1/rest": json("oops", 500),
      "/discovery/v1/apis/notjson/v1/rest": json("<html>"),
      "/discovery/v1/apis/slow/v1/rest": () => undefined, // never answers
    });
  });
  afterAll(() => server.close());

  it("lists and fetches under the base URL, ignoring discoveryRestUrl hosts", async () => {
    const s = createBaseUrlSource(`${server.url}/`);
    expect(s.kind).toBe("url");
    expect(s.label).toBe(server.url);
    expect((await s.listDirectory()).items).toHaveLength(1);
    const text = await s.fetchDocumentText({
      name: "zoo",
      version: "v1",
      discoveryRestUrl: "https://zoo.googleapis.com/$discovery/rest?version=v1",
    });
    expect(JSON.parse(text).name).toBe("zoo");
    expect(server.hits).toContain("/discovery/v1/apis/zoo/v1/rest");
  });

  it.each([
    ["nope", "not-found"],
    ["boom", "unreachable"],
    ["slow", "timeout"],
  ] as const)("%s → %s", async (name, kind) => {
    const s = createBaseUrlSource(server.url, { timeoutMs: 200 });
    expect((await rejection(s.fetchDocumentText({ name, version: "v1" }))).kind).toBe(kind);
  });

  it("reports a closed port as unreachable", async () => {
    const s = createBaseUrlSource("http://127.0.0.1:9", { timeoutMs: 2000 });
    expect((await rejection(s.listDirectory())).kind).toBe("unreachable");
  });
});

describe("snapshot source", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "snapshot-"));
    const zoo = JSON.parse(zooText());
    writeFileSync(join(dir, "zoo.v1.json"), zooText());
    // Large enough (> 2 windows) to take the head/tail path; keys in Google's alphabetical order.
    const big = {
      description: "Big one",
      documentationLink: "https://example.com/big",
      name: "big",
      resources: zoo.resources,
      schemas: { Pad: { description: "x".repeat(300_000) } },
      servicePath: "",
      title: "Big API",
      version: "v1.4",
    };
    writeFileSync(join(dir, "big.v1.4.json"), JSON.stringify(big));
    writeFileSync(
      join(dir, "admin.directoryv1.json"),
      JSON.stringify({ ...zoo, name: "admin", version: "directory_v1", title: "Admin SDK API" }),
    );
    writeFileSync(
      join(dir, "index.json"),
      JSON.stringify({
        items: [
          {
            name: "zoo",
            version: "v1",
            title: "Zoo (from index)",
            preferred: true,
            discoveryRestUrl: "https://zoo.googleapis.com/$discovery/rest?version=v1",
          },
          { name: "gone", version: "v1", preferred: true },
        ],
      }),
    );
    writeFileSync(join(dir, "README.txt"), "not a document");
    clearSnapshotListings();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("lists every document file, merging index.json, dropping index items without a file", async () => {
    const list = await createSnapshotSource(dir).listDirectory();
    const byId = Object.fromEntries(list.items!.map((i) => [`${i.name}:${i.version}`, i]));
    expect(Object.keys(byId).sort()).toEqual(["admin:directory_v1", "big:v1.4", "zoo:v1"]);
    expect(byId["zoo:v1"]).toMatchObject({ title: "Zoo (from index)", preferred: true });
    expect(byId["big:v1.4"]).toMatchObject({
      title: "Big API",
      description: "Big one",
      documentationLink: "https://example.com/big",
      preferred: false,
    });
    expect(byId["admin:directory_v1"]).toMatchObject({ title: "Admin SDK API", preferred: false });
  });

  it("summarises big files from their ends and small ones by parsing", async () => {
    expect(await summariseDocumentFile(join(dir, "big.v1.4.json"))).toMatchObject({
      fullParse: false,
      summary: { name: "big", version: "v1.4", title: "Big API" },
    });
    expect(await summariseDocumentFile(join(dir, "zoo.v1.json"))).toMatchObject({
      fullParse: true,
      summary: { name: "zoo", title: "Zoo API" },
    });
  });

  it("caches the listing per directory", async () => {
    const a = createSnapshotSource(dir).listDirectory();
    expect(createSnapshotSource(dir).listDirectory()).toBe(a);
  });

  it("reads documents by file name and rejects unknown or unsafe names as not-found", async () => {
    const s = createSnapshotSource(dir);
    expect(JSON.parse(await s.fetchDocumentText({ name: "admin", version: "directoryv1" })).version).toBe(
      "directory_v1",
    );
    for (const [name, version] of [
      ["nope", "v1"],
      ["..", "x"],
      ["zoo", "../zoo.v1"],
      ["a/b", "v1"],
    ] as const) {
      expect((await rejection(s.fetchDocumentText({ name, version }))).kind).toBe("not-found");
    }
  });

  it("reports a missing directory as unreachable", async () => {
    expect((await rejection(createSnapshotSource(join(dir, "missing")).listDirectory())).kind).toBe(
      "unreachable",
    );
  });

  it.each([
    ["youtube.v3.json", { name: "youtube", version: "v3" }],
    ["adsense.v1.4.json", { name: "adsense", version: "v1.4" }],
    ["admin.directory_v1.json", { name: "admin", version: "directory_v1" }],
    ["index.json", null],
    ["notes.txt", null],
  ] as const)("parseDocumentFileName(%s)", (file, want) => expect(parseDocumentFileName(file)).toEqual(want));

  it("finds the venv snapshot, and honours EXPLORER_SNAPSHOT_DIR", () => {
    const root = mkdtempSync(join(tmpdir(), "proj-"));
    try {
      expect(defaultSnapshotDir(root, {})).toBeNull();
      const docs = join(root, ".venv/lib/python3.12/site-packages/googleapiclient/discovery_cache/documents");
      mkdirSync(docs, { recursive: true });
      expect(defaultSnapshotDir(root, {})).toBe(docs);
      expect(defaultSnapshotDir(root, { EXPLORER_SNAPSHOT_DIR: "/elsewhere" })).toBe("/elsewhere");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("snapshot label", () => {
  it("names the package version when the folder is google-api-python-client's, else the folder", () => {
    const site = mkdtempSync(join(tmpdir(), "site-packages-"));
    const docs = join(site, "googleapiclient", "discovery_cache", "documents");
    mkdirSync(docs, { recursive: true });
    expect(snapshotLabel(docs)).toBe(`snapshot in ${docs}`);
    mkdirSync(join(site, "google_api_python_client-2.201.0.dist-info"));
    expect(snapshotLabel(docs)).toBe("snapshot from google-api-python-client 2.201.0");
    rmSync(site, { recursive: true, force: true });
  });
});
