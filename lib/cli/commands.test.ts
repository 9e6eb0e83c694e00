import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import type { ApiModel } from "@/lib/discovery/model-types";
import { buildApiModel } from "@/lib/discovery/model";
import { DiscoveryLoadError } from "@/lib/discovery/sources/types";
import { parseDiscoveryDocument } from "@/lib/discovery/validate";
import { runCli, type CliIO } from "./commands";

const ZOO_PATH = new URL("../discovery/__fixtures__/zoo.json", import.meta.url);
const ZOO_TEXT = readFileSync(ZOO_PATH, "utf8");

function zooModel(): ApiModel {
  const parsed = parseDiscoveryDocument(ZOO_TEXT);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return buildApiModel(parsed.doc);
}

const GET_ZOO = {
  api: "zoo",
  version: "v1",
  method: "zoo.zoos.get",
  params: { name: "zoos/z1" },
  body: null,
  auth: { type: "none" },
};
const CREATE_ANIMAL = {
  api: "zoo",
  version: "v1",
  method: "zoo.zoos.animals.create",
  params: { parent: "zoos/z1", animalId: "it's" },
  body: { displayName: "Ana $(x)" },
  auth: { type: "oauth", scopes: ["https://www.googleapis.com/auth/cloud-platform"] },
};

/** An in-memory CliIO: `files` by path, stdin text, and a loader that serves zoo v1 or throws `loadError`. */
function fakeIO(
  files: Record<string, string>,
  opts: { stdin?: string; loadError?: Error } = {},
): CliIO & { loads: string[] } {
  const loads: string[] = [];
  return {
    loads,
    version: "9.9.9",
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined)
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), {
          code: "ENOENT",
        });
      return text;
    },
    readStdin: async () => opts.stdin ?? "",
    loadApi: async (name, version) => {
      loads.push(`${name} ${version}`);
      if (opts.loadError) throw opts.loadError;
      if (name === "zoo" && version === "v1") return { api: zooModel(), source: "fake" };
      throw new DiscoveryLoadError("not-found", "fake", `No Discovery document for ${name} ${version}`);
    },
  };
}

const json = (v: unknown): string => JSON.stringify(v);

describe("runCli", () => {
  it("request: prints the exact HTTP request as JSON, loading the document from the configured source", async () => {
    const io = fakeIO({ "r.json": json(GET_ZOO) });
    const r = await runCli(["request", "--request", "r.json"], io);
    expect(r).toEqual({
      exitCode: 0,
      stdout: `${JSON.stringify({ method: "GET", url: "https://zoo.googleapis.com/zoo/v1/v1/zoos/z1", headers: {}, body: null }, null, 2)}\n`,
      stderr: "",
    });
    expect(io.loads).toEqual(["zoo v1"]);
  });

  it("request from stdin with --doc: no loader call; placeholders instead of credentials", async () => {
    const io = fakeIO({ "zoo.json": ZOO_TEXT }, { stdin: json(CREATE_ANIMAL) });
    const r = await runCli(["request", "--request", "-", "--doc", "zoo.json"], io);
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout) as {
      method: string;
      url: string;
      headers: Record<string, string>;
      body: string;
    };
    expect(out).toEqual({
      method: "POST",
      url: "https://zoo.googleapis.com/zoo/v1/v1/zoos/z1/animals?animalId=it's",
      headers: { "content-type": "application/json", authorization: "Bearer {ACCESS_TOKEN}" },
      body: '{"displayName":"Ana $(x)"}',
    });
    expect(io.loads).toEqual([]);
  });

  it("snippet curl: prints the command; validation issues go to stderr as warnings", async () => {
    const io = fakeIO({ "r.json": json({ ...GET_ZOO, params: {} }) });
    const r = await runCli(["snippet", "--lang", "curl", "--request", "r.json"], io);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      "curl --request GET \\\n  --globoff \\\n  'https://zoo.googleapis.com/zoo/v1/v1/{+name}'\n",
    );
    expect(r.stderr).toMatch(/^explorer: warning: name: .+\n$/);
  });

  it.each(["typescript", "python", "http"])(
    "snippet %s: prints something ending in a newline",
    async (lang) => {
      const r = await runCli(
        ["snippet", "--lang", lang, "--request", "r.json"],
        fakeIO({ "r.json": json(CREATE_ANIMAL) }),
      );
      expect({ exitCode: r.exitCode, stderr: r.stderr }).toEqual({ exitCode: 0, stderr: "" });
      expect(r.stdout.length).toBeGreaterThan(20);
      expect(r.stdout.endsWith("\n")).toBe(true);
    },
  );

  it("validate: one line per issue on stdout, exit 1; a valid request exits 0", async () => {
    const bad = await runCli(
      ["validate", "--request", "r.json"],
      fakeIO({ "r.json": json({ ...GET_ZOO, params: { bogus: "1" } }) }),
    );
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout.trim().split("\n")).toHaveLength(2);
    expect(bad.stdout).toMatch(/^name: /m);
    expect(bad.stdout).toMatch(/^bogus: /m);
    expect(bad.stderr).toBe("explorer: 2 validation issues\n");
    const good = await runCli(["validate", "--request", "r.json"], fakeIO({ "r.json": json(GET_ZOO) }));
    expect(good).toEqual({ exitCode: 0, stdout: "", stderr: "explorer: the request is valid\n" });
  });

  it("--version and --help", async () => {
    expect(await runCli(["--version"], fakeIO({}))).toEqual({ exitCode: 0, stdout: "9.9.9\n", stderr: "" });
    const help = await runCli(["--help"], fakeIO({}));
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain("Usage: explorer <command>");
    expect((await runCli(["snippet", "--help"], fakeIO({}))).stdout).toContain("--download-to FILE");
  });

  it.each<[string, readonly string[], Record<string, string>, RegExp, 1 | 2]>([
    [
      "usage error",
      ["snippet", "--request", "r.json"],
      {},
      /^explorer: --lang is required .*\n\nUsage: explorer snippet/s,
      2,
    ],
    [
      "missing file",
      ["request", "--request", "nope.json"],
      {},
      /^explorer: cannot read nope\.json: no such file\n$/,
      1,
    ],
    [
      "bad JSON",
      ["request", "--request", "r.json"],
      { "r.json": "{" },
      /^explorer: r\.json is not valid JSON: .+\n$/,
      1,
    ],
    [
      "invalid request",
      ["request", "--request", "r.json"],
      { "r.json": json({ api: "zoo" }) },
      /^explorer: r\.json is not a valid request:\n {2}- version must be a non-empty string/,
      1,
    ],
    [
      "unknown method",
      ["request", "--request", "r.json"],
      { "r.json": json({ ...GET_ZOO, method: "zoo.zoos.nope" }) },
      /^explorer: zoo v1 has no method "zoo\.zoos\.nope" \(methods: zoo\.zoos\.get, zoo\.zoos\.getIamPolicy\)\n$/,
      1,
    ],
    [
      "unknown api",
      ["request", "--request", "r.json"],
      { "r.json": json({ ...GET_ZOO, api: "nope" }) },
      /^explorer: cannot load the Discovery document for nope v1: No Discovery document for nope v1 \(check api and version/,
      1,
    ],
    [
      "malformed --doc",
      ["request", "--request", "r.json", "--doc", "d.json"],
      { "r.json": json(GET_ZOO), "d.json": '{"name": 1}' },
      /^explorer: d\.json is not a valid Discovery document: /,
      1,
    ],
    [
      "--doc for another API",
      ["request", "--request", "r.json", "--doc", "d.json"],
      { "r.json": json({ ...GET_ZOO, api: "youtube", version: "v3" }), "d.json": ZOO_TEXT },
      /^explorer: d\.json describes zoo v1, but the request is for youtube v3\n$/,
      1,
    ],
  ])("%s → one message on stderr, non-zero exit", async (_name, argv, files, message, exitCode) => {
    const r = await runCli(argv, fakeIO(files));
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect({ exitCode: r.exitCode, stdout: r.stdout }).toEqual({ exitCode, stdout: "" });
  });

  it("unreachable source: says how to work offline", async () => {
    const io = fakeIO(
      { "r.json": json(GET_ZOO) },
      {
        loadError: new DiscoveryLoadError(
          "unreachable",
          "discovery.googleapis.com",
          "discovery.googleapis.com is unreachable",
        ),
      },
    );
    const r = await runCli(["request", "--request", "r.json"], io);
    expect(r).toEqual({
      exitCode: 1,
      stdout: "",
      stderr:
        "explorer: cannot load the Discovery document for zoo v1: discovery.googleapis.com is unreachable (offline? set EXPLORER_DISCOVERY_SOURCE=snapshot, or pass --doc FILE)\n",
    });
  });

  it("an unexpected exception becomes one line, not a stack trace", async () => {
    const io = {
      ...fakeIO({}),
      readFile: async () => "{}",
      loadApi: async () => ({ api: null as unknown as ApiModel }),
    };
    const r = await runCli(["request", "--request", "r.json"], {
      ...io,
      readFile: async () => json(GET_ZOO),
    });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^explorer: internal error: .+\n$/);
  });
});
