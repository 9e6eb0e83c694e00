/** 5,000-deep schemas and resources (built here: too large to commit) are refused with a clear error, no overflow. */
import { describe, expect, it } from "vitest";
import { runCli } from "../cli/commands";
import { zooText } from "./__fixtures__/load-zoo";
import { createDiscoveryLoader } from "./load";
import { buildApiModel } from "./model";
import { findTooDeep, MAX_NESTING_DEPTH, NestingTooDeepError } from "./nesting";
import type { RawRestDescription } from "./types";
import { parseDiscoveryDocument } from "./validate";

const DEPTH = 5000;
const zoo = () => JSON.parse(zooText()) as Record<string, unknown>;

/** Built as text: JSON.stringify itself recurses and overflows on such a value (JSON.parse does not). */
function withInserted(key: "schemas" | "resources", text: string): string {
  const doc = zoo();
  const value = key === "schemas" ? { ...(doc.schemas as object), Deep: "@DEEP@" } : "@DEEP@";
  return JSON.stringify({ ...doc, [key]: value }).replace('"@DEEP@"', text);
}

const deepSchemaDoc = () =>
  withInserted(
    "schemas",
    '{"type":"object","properties":{"next":'.repeat(DEPTH) + '{"type":"string"}' + "}}".repeat(DEPTH),
  );

const LEAF = '{"leaf":{"methods":{"get":{"id":"zoo.leaf.get","path":"leaf","httpMethod":"GET"}}}}';
const deepResourcesDoc = () =>
  withInserted("resources", '{"r":{"resources":'.repeat(DEPTH) + LEAF + "}}".repeat(DEPTH));
const deepResourcesUnvalidated = () => JSON.parse(deepResourcesDoc()) as RawRestDescription;

describe("documents nested deeper than the limit", () => {
  it.each([
    ["schema", deepSchemaDoc],
    ["resource", deepResourcesDoc],
  ])("a 5,000-deep %s is a format problem naming where, not a stack overflow", (_what, make) => {
    const parsed = parseDiscoveryDocument(make(), "deep v1");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.message).toMatch(
      /^deep v1 is not a valid Discovery document: .+ is nested deeper than 64 levels/,
    );
    expect(parsed.error.problems).toHaveLength(1);
  });

  it("a real document's nesting (~25 levels) passes", () => {
    expect(findTooDeep(JSON.parse(zooText()))).toBeNull();
    expect(findTooDeep({ a: [{ b: {} }] }, 4)).toBeNull();
    expect(findTooDeep({ a: [{ b: {} }] }, 3)).toBe("a[0].b");
    expect(findTooDeep({ a: [{ b: {} }] }, 2)).toBe("a[0]");
  });

  it("the loader answers malformed (a real status), the model refuses unvalidated ones with a typed error", async () => {
    const source = {
      kind: "url" as const,
      label: "fake",
      listDirectory: async () => ({ items: [] }),
      fetchDocumentText: async () => deepSchemaDoc(),
    };
    await expect(
      createDiscoveryLoader({ primary: source, fallback: null }).getApi("zoo", "v1"),
    ).rejects.toMatchObject({
      kind: "malformed",
      message: expect.stringContaining(`nested deeper than ${MAX_NESTING_DEPTH} levels`),
    });
    const unvalidated = deepResourcesUnvalidated();
    expect(() => buildApiModel(unvalidated)).toThrow(NestingTooDeepError);
  });

  it("the CLI says so and exits 1, not 'internal error'", async () => {
    const deep = deepSchemaDoc();
    const request = {
      api: "zoo",
      version: "v1",
      method: "zoo.zoos.get",
      params: { name: "zoos/z1" },
      body: null,
      auth: { type: "none" },
    };
    const files: Record<string, string> = { "deep.json": deep, "r.json": JSON.stringify(request) };
    const io = {
      version: "0",
      readFile: async (path: string) => files[path]!,
      readStdin: async () => "",
      loadApi: async () => {
        throw new Error("not used");
      },
    };
    const r = await runCli(["request", "--request", "r.json", "--doc", "deep.json"], io);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^explorer: .*nested deeper than 64 levels/);
    expect(r.stderr).not.toContain("internal error");
    const unvalidated = deepResourcesUnvalidated();
    const fromLoader = await runCli(["request", "--request", "r.json"], {
      ...io,
      loadApi: async () => ({ api: buildApiModel(unvalidated), source: "fake" }),
    });
    expect(fromLoader.exitCode).toBe(1);
    expect(fromLoader.stderr).toMatch(
      /^explorer: .*resources\.r\.resources.* is nested deeper than 64 levels/,
    );
  });
});
