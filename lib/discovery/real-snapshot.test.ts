/**
 * The real documents shipped by google-api-python-client, read at test time: the validator must accept all of
 * them (it is our trust boundary, so a false alarm blocks a real API), and the model must build for all of them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SNAPSHOT_DIR, SNAPSHOT_SKIP_REASON, snapshotFiles } from "./__fixtures__/real-snapshot";
import { buildDirectory } from "./directory";
import { buildApiModel, findMethod } from "./model";
import type { ApiModel } from "./model-types";
import { schemaTree, toJsonSchema } from "./schema";
import {
  clearSnapshotListings,
  createSnapshotSource,
  documentFileNames,
  parseDocumentFileName,
} from "./sources/snapshot";
import { parseDiscoveryDocument } from "./validate";

describe.skipIf(!SNAPSHOT_DIR)(`real snapshot${SNAPSHOT_SKIP_REASON}`, () => {
  const dir = SNAPSHOT_DIR!;
  const files = snapshotFiles();
  /** Only the models the spot checks need are kept: all ~600 at once would hold ~1 GB of heap for nothing. */
  const KEEP = new Set(["youtube.v3.json", "drive.v3.json", "compute.v1.json"]);
  const models = new Map<string, ApiModel>();
  const summaries = new Map<string, { name: string; version: string; title: string; description: string }>();
  const failures: string[] = [];
  const wrong: string[] = []; // collected, not asserted one by one: ~28k methods make per-item expect() slow
  let totalMethods = 0;

  beforeAll(() => {
    // One pass over all ~600 documents (≈108 MB); the tests below only read the results.
    for (const file of files) {
      const parsed = parseDiscoveryDocument(readFileSync(join(dir, file), "utf8"), file);
      if (!parsed.ok) {
        failures.push(`${file}: ${parsed.error.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
        continue;
      }
      const api = buildApiModel(parsed.doc);
      summaries.set(file, {
        name: api.name,
        version: api.version,
        title: api.title,
        description: api.description,
      });
      if (KEEP.has(file)) models.set(file, api);
      totalMethods += api.methods.length;
      const ids = api.methods.map((m) => m.id);
      if (new Set(ids).size !== ids.length) wrong.push(`${api.id}: duplicate method ids`);
      if (ids.some((id, i) => i > 0 && ids[i - 1]! > id)) wrong.push(`${api.id}: methods not sorted`);
      for (const m of api.methods) {
        if (m.path === "") wrong.push(`${m.id}: empty path`);
        for (const p of m.parameters)
          if (p.location === "path" && !p.required) wrong.push(`${m.id}: optional path parameter ${p.name}`);
      }
    }
  }, 60_000);

  it("has ~600 document files", () => {
    expect(files.length).toBeGreaterThan(550);
  });

  it("validates every document with no problems", () => {
    expect(failures).toEqual([]);
  });

  it("builds a model for every document, named after the file (except the legacy admin aliases)", () => {
    expect(summaries.size).toBe(files.length);
    const mismatched = [...summaries]
      .filter(([file, api]) => file !== `${api.name}.${api.version}.json`)
      .map(([file]) => file);
    // admin.directoryv1.json holds the document whose version is directory_v1 (same for reports/datatransfer).
    expect(mismatched.sort()).toEqual([
      "admin.datatransferv1.json",
      "admin.directoryv1.json",
      "admin.reportsv1.json",
    ]);
  });

  it("counts tens of thousands of methods, every one with a path, sorted unique ids, required path parameters", () => {
    expect(wrong).toEqual([]);
    expect(totalMethods).toBeGreaterThan(25_000);
  });

  const model = (file: string) => {
    const api = models.get(file);
    if (!api) throw new Error(`${file} missing from the snapshot`);
    return api;
  };

  it("youtube.channels.list", () => {
    const api = model("youtube.v3.json");
    const m = findMethod(api, "youtube.channels.list")!;
    expect(m).toMatchObject({
      httpMethod: "GET",
      path: "youtube/v3/channels",
      parameterOrder: ["part"],
      responseSchema: "ChannelListResponse",
      pageable: true,
    });
    expect(api.baseUrl).toBe("https://youtube.googleapis.com/");
    expect(m.parameters[0]).toMatchObject({
      name: "part",
      required: true,
      repeated: true,
      location: "query",
    });
    expect(m.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(["id", "mine", "maxResults", "pageToken", "forHandle"]),
    );
    expect(m.scopes).toContain("https://www.googleapis.com/auth/youtube.readonly");
    expect(api.standardParameters.map((p) => p.name)).toContain("$.xgafv");
  });

  it("drive.files.create", () => {
    const api = model("drive.v3.json");
    const m = findMethod(api, "drive.files.create")!;
    expect(api.baseUrl).toBe("https://www.googleapis.com/drive/v3/");
    expect(m).toMatchObject({
      httpMethod: "POST",
      path: "files",
      requestSchema: "File",
      responseSchema: "File",
      supportsMediaUpload: true,
    });
    expect(m.mediaUpload).toMatchObject({
      accept: ["*/*"],
      maxSizeBytes: 5497558138880,
      simplePath: "/upload/drive/v3/files",
      resumablePath: "/resumable/upload/drive/v3/files",
      multipart: true,
    });
    expect(m.scopes).toEqual([
      "https://www.googleapis.com/auth/drive",
      "https://www.googleapis.com/auth/drive.appdata",
      "https://www.googleapis.com/auth/drive.file",
    ]);
    expect(m.parameters.every((p) => p.location === "query" && !p.required)).toBe(true);
    expect(m.parameters.map((p) => p.name)).toContain("supportsAllDrives");
    const tree = schemaTree(api, "File", { maxDepth: 3 })!;
    expect(tree.properties!.length).toBeGreaterThan(30);
    expect(Object.keys(toJsonSchema(api, "File", m.id)!.definitions as object)).toContain("File");
  });

  it("compute.instances.insert", () => {
    const api = model("compute.v1.json");
    const m = findMethod(api, "compute.instances.insert")!;
    expect(api.baseUrl).toBe("https://compute.googleapis.com/compute/v1/");
    expect(m).toMatchObject({
      httpMethod: "POST",
      path: "projects/{project}/zones/{zone}/instances",
      requestSchema: "Instance",
      responseSchema: "Operation",
      apiVersion: expect.any(String),
    });
    expect(m.parameters.map((p) => [p.name, p.location, p.required])).toEqual([
      ["project", "path", true],
      ["zone", "path", true],
      ["requestId", "query", false],
      ["sourceInstanceTemplate", "query", false],
      ["sourceMachineImage", "query", false],
    ]);
    expect(m.scopes).toEqual([
      "https://www.googleapis.com/auth/cloud-platform",
      "https://www.googleapis.com/auth/compute",
    ]);
  });

  it("lists every file in the snapshot directory, preferred flags from index.json", async () => {
    clearSnapshotListings();
    const entries = buildDirectory(await createSnapshotSource(dir).listDirectory());
    // Listed under each document's own name: the legacy aliases (admin.directoryv1.json next to
    // admin.directory_v1.json, both `directory_v1`) are one entry, never one whose pages link elsewhere.
    const fileOf = (e: { name: string; version: string }) =>
      documentFileNames(e.name, e.version).find((f) => files.includes(f));
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      files.filter((f) => !entries.some((e) => documentFileNames(e.name, e.version).includes(f))),
    ).toEqual([]);
    expect(entries.filter((e) => e.name === "admin").map((e) => e.version)).toEqual(
      expect.arrayContaining(["datatransfer_v1", "directory_v1", "reports_v1"]),
    );
    expect(entries.find((e) => e.id === "youtube:v3")).toMatchObject({
      preferred: true,
      title: "YouTube Data API v3",
    });
    // Entries not in index.json were described by the head/tail scan: they must agree with the documents.
    const index = JSON.parse(readFileSync(join(dir, "index.json"), "utf8")) as { items: { id: string }[] };
    const indexed = new Set(index.items.map((i) => i.id));
    const scanned = entries.filter((e) => !indexed.has(e.id));
    expect(scanned.filter((e) => fileOf(e) !== `${e.name}.${e.version}.json`)).toEqual([]);
    expect(scanned.length).toBeGreaterThan(250);
    expect(scanned.every((e) => !e.preferred)).toBe(true);
    const disagree = scanned
      .map((e) => ({ e, file: `${e.name}.${e.version}.json` }))
      .filter(
        ({ e, file }) =>
          e.title !== summaries.get(file)?.title ||
          e.description !== summaries.get(file)?.description ||
          parseDocumentFileName(file)?.version !== e.version,
      )
      .map(({ file }) => file);
    expect(disagree).toEqual([]);
  });
});
