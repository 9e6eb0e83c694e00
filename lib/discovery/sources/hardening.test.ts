/** The discovery source as an attacker or a misconfiguration sees it: redirects, huge bodies, credentials. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, startFakeServer } from "../__fixtures__/fake-server";
import { zooText } from "../__fixtures__/load-zoo";
import { createDiscoveryLoader, loaderOptionsFromEnv } from "../load";
import { createBaseUrlSource } from "./base-url";
import { redactUrlSecrets } from "./redact";
import { createSnapshotSource } from "./snapshot";
import { DiscoveryLoadError } from "./types";

const rejection = async (p: Promise<unknown>): Promise<DiscoveryLoadError> => {
  try {
    await p;
  } catch (e) {
    return e as DiscoveryLoadError;
  }
  throw new Error("expected a rejection");
};

describe("redirects, sizes and credentials of a base-URL source", () => {
  let other: Awaited<ReturnType<typeof startFakeServer>>;
  let server: Awaited<ReturnType<typeof startFakeServer>>;
  const authorizations: (string | undefined)[] = [];
  beforeAll(async () => {
    other = await startFakeServer({ "/latest/meta-data": json({ secret: "metadata" }) });
    const redirect =
      (to: string, status = 307) =>
      (_req: unknown, res: import("node:http").ServerResponse) => {
        res.statusCode = status;
        res.setHeader("location", to);
        res.end();
      };
    server = await startFakeServer({
      "/discovery/v1/apis/away/v1/rest": (req, res) => redirect(`${other.url}/latest/meta-data`)(req, res),
      "/discovery/v1/apis/moved/v1/rest": redirect("/discovery/v1/apis/zoo/v1/rest", 301),
      "/discovery/v1/apis/loop/v1/rest": redirect("/discovery/v1/apis/loop/v1/rest", 302),
      "/discovery/v1/apis/zoo/v1/rest": (req, res) => {
        authorizations.push(req.headers.authorization);
        json(zooText())(req, res);
      },
      "/discovery/v1/apis/huge/v1/rest": json(JSON.stringify({ description: "x".repeat(60_000) })),
      "/discovery/v1/apis/chunked/v1/rest": (_req, res) => {
        res.setHeader("content-type", "application/json");
        for (let i = 0; i < 100; i++) res.write("x".repeat(1000)); // 100 kB; // no content-length: chunked
        res.end();
      },
      "/discovery/v1/apis": json({ items: "not a list" }),
    });
  });
  afterAll(async () => {
    await server.close();
    await other.close();
  });

  it("refuses a redirect to another host, and never asks that host", async () => {
    const e = await rejection(
      createBaseUrlSource(server.url).fetchDocumentText({ name: "away", version: "v1" }),
    );
    expect(e).toBeInstanceOf(DiscoveryLoadError);
    expect(e.message).toContain("redirected to another host");
    expect(other.hits).toEqual([]);
  });

  it("follows a redirect within the same origin, but not forever", async () => {
    const s = createBaseUrlSource(server.url);
    expect(JSON.parse(await s.fetchDocumentText({ name: "moved", version: "v1" })).name).toBe("zoo");
    expect((await rejection(s.fetchDocumentText({ name: "loop", version: "v1" }))).message).toMatch(
      /redirected more than 5 times/,
    );
  });

  it("refuses a body above the cap, declared or streamed", async () => {
    const s = createBaseUrlSource(server.url, { maxBytes: 40_000 });
    for (const name of ["huge", "chunked"]) {
      const e = await rejection(s.fetchDocumentText({ name, version: "v1" }));
      expect(e.kind).toBe("malformed");
      expect(e.message).toMatch(/(above|more than) the 40000 bytes limit \(EXPLORER_MAX_DOCUMENT_BYTES\)/);
    }
    expect(JSON.parse(await s.fetchDocumentText({ name: "zoo", version: "v1" })).name).toBe("zoo");
  });

  it("sends user:pass@ as Basic authorization and shows it nowhere", async () => {
    const withCredentials = server.url.replace("http://", "http://alice:s3cr%40t@");
    const s = createBaseUrlSource(withCredentials);
    expect(s.label).toBe(server.url);
    await s.fetchDocumentText({ name: "zoo", version: "v1" });
    expect(authorizations.at(-1)).toBe(`Basic ${Buffer.from("alice:s3cr@t").toString("base64")}`);

    const loader = createDiscoveryLoader(
      loaderOptionsFromEnv({ EXPLORER_DISCOVERY_SOURCE: withCredentials }),
    );
    const failures = [
      await rejection(loader.getApi("nope", "v1")),
      await rejection(loader.getApi("away", "v1")),
      await rejection(loader.getDirectory()),
    ];
    for (const e of failures) {
      expect(`${e.message} ${e.source}`).not.toMatch(/alice|s3cr/);
      expect(`${e.message} ${e.source}`).toContain("127.0.0.1");
    }
  });

  it("redacts credentials from a closed port's error and from a bad setting", async () => {
    const e = await rejection(
      createBaseUrlSource("http://bob:hunter2@127.0.0.1:9", { timeoutMs: 2000 }).listDirectory(),
    );
    expect(e.kind).toBe("unreachable");
    expect(e.message).not.toContain("hunter2");
    expect(() => loaderOptionsFromEnv({ EXPLORER_DISCOVERY_SOURCE: "ftp://bob:hunter2@host" })).toThrow(
      /ftp:\/\/\*\*\*@host/,
    );
    expect(redactUrlSecrets("see https://u:p@h.example/x and http://h.example/y")).toBe(
      "see https://***@h.example/x and http://h.example/y",
    );
  });
});

describe("snapshot size cap", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "snapshot-cap-"));
    writeFileSync(join(dir, "zoo.v1.json"), zooText());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a file above the cap before reading it", async () => {
    const e = await rejection(
      createSnapshotSource(dir, { maxBytes: 100 }).fetchDocumentText({ name: "zoo", version: "v1" }),
    );
    expect(e.kind).toBe("malformed");
    expect(e.message).toMatch(/EXPLORER_MAX_DOCUMENT_BYTES/);
    const options = loaderOptionsFromEnv({
      EXPLORER_SNAPSHOT_DIR: dir,
      EXPLORER_DISCOVERY_SOURCE: "snapshot",
      EXPLORER_MAX_DOCUMENT_BYTES: "100",
    });
    expect((await rejection(createDiscoveryLoader(options).getApi("zoo", "v1"))).message).toMatch(/limit/);
  });
});

describe("a document under a name that is not its own", () => {
  it("is refused by the loader (its pages' links would all be dead)", async () => {
    const other = JSON.parse(zooText()) as Record<string, unknown>;
    const source = {
      kind: "url" as const,
      label: "fake",
      listDirectory: async () => ({ items: [] }),
      fetchDocumentText: async () => JSON.stringify({ ...other, name: "other" }),
    };
    const e = await rejection(
      createDiscoveryLoader({ primary: source, fallback: null }).getApi("mismatch", "v1"),
    );
    expect(e.kind).toBe("malformed");
    expect(e.message).toContain('a document of "other" "v1"');
  });

  it("lists the snapshot's admin.directoryv1.json as admin directory_v1, which then loads", async () => {
    const dir = mkdtempSync(join(tmpdir(), "snapshot-alias-"));
    try {
      const zoo = JSON.parse(zooText()) as Record<string, unknown>;
      writeFileSync(
        join(dir, "admin.directoryv1.json"),
        JSON.stringify({ ...zoo, name: "admin", version: "directory_v1" }),
      );
      writeFileSync(
        join(dir, "index.json"),
        JSON.stringify({
          items: [{ name: "admin", version: "directory_v1", title: "Admin", preferred: true }],
        }),
      );
      const loader = createDiscoveryLoader({ primary: null, fallback: createSnapshotSource(dir) });
      const { entries } = await loader.getDirectory();
      expect(entries.map((e) => `${e.name}:${e.version}`)).toEqual(["admin:directory_v1"]);
      const { api } = await loader.getApi("admin", "directory_v1");
      expect([api.name, api.version]).toEqual(["admin", "directory_v1"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a failing document", () => {
  it("is remembered for a few seconds, so the page status check and the render (or a burst) ask once", async () => {
    let t = 0;
    let asked = 0;
    const source = {
      kind: "url" as const,
      label: "fake",
      listDirectory: async () => ({ items: [] }),
      fetchDocumentText: async (): Promise<string> => {
        asked++;
        throw new DiscoveryLoadError("timeout", "fake", "no answer within 10000 ms");
      },
    };
    const loader = createDiscoveryLoader({
      primary: source,
      fallback: null,
      failureTtlMs: 5000,
      now: () => t,
    });
    for (let i = 0; i < 3; i++) expect((await rejection(loader.getApi("slow", "v1"))).kind).toBe("timeout");
    expect(asked).toBe(1);
    t = 6000;
    await rejection(loader.getApi("slow", "v1"));
    expect(asked).toBe(2);
  });
});
