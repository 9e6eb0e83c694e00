/** `explorer migrate`, spawned for real (bin/explorer.mjs): --write on a copy of a legacy corpus file, and stdin. */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(ROOT, "bin/explorer.mjs");
const LEGACY = join(ROOT, "testing/migrate-corpus/legacy/youtube-channels-list-run-console.py");
const dir = mkdtempSync(join(tmpdir(), "explorer-migrate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function explorer(args: string[], input = "") {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("explorer migrate (spawned)", () => {
  it("--write rewrites the file in place and lists the findings; a second run finds nothing (exit 0)", () => {
    const file = join(dir, "sample.py");
    copyFileSync(LEGACY, file);
    const first = explorer(["migrate", "--write", "sample.py"]);
    expect(first.code).toBe(1);
    expect(first.stdout).toBe("");
    expect(first.stderr).toMatch(/^sample\.py:18:5: py-insecure-transport: /m);
    expect(first.stderr).toMatch(/^sample\.py:27:19: py-run-console: /m);
    expect(readFileSync(file, "utf8")).toContain("credentials = flow.run_local_server(port=0)\n");
    const second = explorer(["migrate", "sample.py"]);
    expect(second).toEqual({ code: 0, stdout: readFileSync(file, "utf8"), stderr: "" });
  }, 120_000);

  it("--write --headless on a TypeScript file: the headless sign-in is written; a second run finds nothing", () => {
    const file = join(dir, "tasks.mts");
    copyFileSync(join(ROOT, "testing/migrate-corpus/legacy/tasks-readline-promises-oob.mts"), file);
    const first = explorer(["migrate", "--write", "--headless", "tasks.mts"]);
    expect(first.code).toBe(1);
    expect(first.stdout).toBe("");
    expect(first.stderr).toMatch(/^tasks\.mts:19:22: js-oob-code-prompt: /m);
    const written = readFileSync(file, "utf8");
    expect(written).toContain("const { tokens } = await headlessGetToken(client, {");
    expect(written).not.toContain("urn:ietf:wg:oauth:2.0:oob");
    expect(explorer(["migrate", "--check", "--headless", "tasks.mts"])).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
  }, 120_000);

  it("reads stdin with --lang and exits 2 on a usage error", () => {
    const r = explorer(["migrate", "-", "--lang", "javascript", "--check"], "gapi.auth2.init({});\n");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^stdin:1:1: js-gapi-auth2: .*\(fix by hand: /);
    expect(explorer(["migrate"]).code).toBe(2);
  }, 120_000);
});
