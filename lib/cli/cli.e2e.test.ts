/**
 * The real CLI, spawned: bin/explorer.mjs → tsx → lib/cli/main.ts. Run from a temp directory (not the project
 * root) to check the launcher finds the tsconfig and the snapshot on its own. A few cases only; the logic is
 * covered by commands.test.ts.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(ROOT, "bin/explorer.mjs");
const ZOO = join(ROOT, "lib/discovery/__fixtures__/zoo.json");
const dir = mkdtempSync(join(tmpdir(), "explorer-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(
  command: string,
  args: readonly string[],
  opts: { stdin?: string; env?: Record<string, string>; cwd?: string } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: opts.cwd ?? dir,
      // A clean environment (NODE_ENV because Next's types make it a required key of ProcessEnv).
      env: {
        NODE_ENV: "test",
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: process.env.HOME ?? dir,
        EXPLORER_DISCOVERY_SOURCE: "snapshot",
        ...(opts.env ?? {}),
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.stdin ?? "");
  });
}

const explorer = (args: readonly string[], opts?: Parameters<typeof run>[2]) =>
  run(process.execPath, [BIN, ...args], opts);

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

const ANIMAL = {
  api: "zoo",
  version: "v1",
  method: "zoo.zoos.animals.create",
  params: { parent: "zoos/z1", animalId: "a1" },
  body: { displayName: "it's $(x)" },
  auth: { type: "apiKey" },
};

describe("explorer (spawned)", { timeout: 60_000 }, () => {
  it("request --doc: the exact HTTP request as JSON", async () => {
    const r = await explorer(["request", "--request", file("animal.json", ANIMAL), "--doc", ZOO]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(JSON.parse(r.stdout)).toEqual({
      method: "POST",
      url: "https://zoo.googleapis.com/zoo/v1/v1/zoos/z1/animals?animalId=a1",
      headers: { "content-type": "application/json", "x-goog-api-key": "{API_KEY}" },
      body: '{"displayName":"it\'s $(x)"}',
    });
  });

  it("snippet --lang curl with the request on stdin", async () => {
    const r = await explorer(["snippet", "--lang", "curl", "--request", "-", "--doc", ZOO], {
      stdin: JSON.stringify(ANIMAL),
    });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(r.stdout).toContain(`--header "x-goog-api-key: \${GOOGLE_API_KEY}"`);
    expect(r.stdout).toContain(`--data-raw '{"displayName":"it'\\''s $(x)"}'`);
  });

  it("bad input: one message on stderr, exit 1, no stack trace", async () => {
    const r = await explorer(["request", "--request", join(dir, "missing.json"), "--doc", ZOO]);
    expect(r).toEqual({
      code: 1,
      stdout: "",
      stderr: `explorer: cannot read ${join(dir, "missing.json")}: no such file\n`,
    });
    const bad = await explorer(["validate", "--request", file("bad.json", "{nope"), "--doc", ZOO]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^explorer: .*bad\.json is not valid JSON: [^\n]+\n$/);
  });

  it("usage error: exit 2 with the usage", async () => {
    const r = await explorer(["snippet", "--lang", "cobol"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^explorer: --request FILE is required/);
  });

  const snapshot = (() => {
    const lib = join(ROOT, ".venv/lib");
    if (!existsSync(lib)) return null;
    const py = readdirSync(lib).find((d) => d.startsWith("python3"));
    const docs = py ? join(lib, py, "site-packages/googleapiclient/discovery_cache/documents") : null;
    return docs && existsSync(join(docs, "youtube.v3.json")) ? docs : null;
  })();

  it.skipIf(snapshot === null)(
    "EXPLORER_DISCOVERY_SOURCE=snapshot, no --doc: youtube.channels.list",
    async () => {
      const req = {
        api: "youtube",
        version: "v3",
        method: "youtube.channels.list",
        params: { part: ["snippet", "contentDetails"], mine: true },
        body: null,
        auth: { type: "oauth", scopes: ["https://www.googleapis.com/auth/youtube.readonly"] },
      };
      const r = await explorer(["request", "--request", file("channels.json", req)], {
        env: { EXPLORER_DISCOVERY_SOURCE: "snapshot" },
      });
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
      expect(JSON.parse(r.stdout)).toEqual({
        method: "GET",
        url: "https://youtube.googleapis.com/youtube/v3/channels?part=snippet&part=contentDetails&mine=true",
        headers: { authorization: "Bearer {ACCESS_TOKEN}" },
        body: null,
      });
    },
  );

  it("npx explorer resolves the project's own bin (npm ≥ 7 runs a local package's bin)", async () => {
    const r = await run("npx", ["--no-install", "explorer", "--version"], {
      cwd: ROOT,
      env: { npm_config_update_notifier: "false" },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
