import { describe, expect, it } from "vitest";

import { parseArgs } from "./args";
import { runCli, type CliIO } from "./commands";

const LEGACY = 'creds = flow.run_console()\nprint("run_console")  # run_console\n';
const CURRENT = "creds = flow.run_local_server(port=0)\n";

function io(files: Record<string, string>, stdin = ""): CliIO & { written: Record<string, string> } {
  const written: Record<string, string> = {};
  return {
    written,
    readFile: async (p) => {
      const f = files[p];
      if (f === undefined) throw Object.assign(new Error("nope"), { code: "ENOENT" });
      return f;
    },
    readStdin: async () => stdin,
    loadApi: () => Promise.reject(new Error("not used")),
    version: "0.0.0",
    writeFile: async (p, t) => {
      written[p] = t;
    },
  };
}

describe("explorer migrate", () => {
  it("prints the migrated code on stdout, FILE:LINE:COL: rule-id: message on stderr, exit 1", async () => {
    const r = await runCli(["migrate", "old.py"], io({ "old.py": LEGACY }));
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('creds = flow.run_local_server(port=0)\nprint("run_console")  # run_console\n');
    expect(r.stderr).toMatch(/^old\.py:1:9: py-run-console: run_console\(\) no longer exists/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("exit 0 and the file unchanged when there is nothing to change", async () => {
    const r = await runCli(["migrate", "new.py"], io({ "new.py": CURRENT }));
    expect(r).toEqual({ exitCode: 0, stdout: CURRENT, stderr: "" });
  });

  it("--check prints findings only; --write rewrites the file in place", async () => {
    const check = await runCli(["migrate", "--check", "old.py"], io({ "old.py": LEGACY }));
    expect(check.exitCode).toBe(1);
    expect(check.stdout).toBe("");
    expect(check.stderr).toContain("py-run-console");
    const files = io({ "old.py": LEGACY });
    const write = await runCli(["migrate", "old.py", "--write"], files);
    expect(write.exitCode).toBe(1);
    expect(files.written["old.py"]).toContain("run_local_server(port=0)");
    const untouched = io({ "new.py": CURRENT });
    await runCli(["migrate", "--write", "new.py"], untouched);
    expect(untouched.written).toEqual({});
  });

  it("stdin with --lang; --headless picks the no-browser sign-in", async () => {
    const r = await runCli(["migrate", "-", "--lang", "python", "--headless"], io({}, LEGACY));
    expect(r.stdout).toContain("creds = sign_in_without_browser(flow)");
    expect(r.stderr).toMatch(/^stdin:1:9: py-run-console/);
  });

  it.each([
    [["migrate"], /FILE is required/],
    [["migrate", "-"], /--lang is required when reading stdin/],
    [["migrate", "a.py", "b.py"], /one FILE only/],
    [["migrate", "a.py", "--check", "--write"], /cannot be combined/],
    [["migrate", "-", "--write", "--lang", "python"], /--write needs a FILE/],
    [["migrate", "a.py", "--lang", "ruby"], /unknown --lang "ruby"/],
    [["migrate", "a.py", "--fix"], /unknown option --fix/],
  ])("usage error %j → exit 2", async (argv, message) => {
    const r = await runCli(argv, io({ "a.py": LEGACY }));
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });

  it("an unreadable file or an unknown extension is exit 2 with a clear message", async () => {
    expect(await runCli(["migrate", "missing.py"], io({}))).toMatchObject({
      exitCode: 2,
      stderr: expect.stringMatching(/cannot read missing\.py: no such file/),
    });
    expect(await runCli(["migrate", "notes.txt"], io({ "notes.txt": "x" }))).toMatchObject({
      exitCode: 2,
      stderr: expect.stringMatching(/--lang/),
    });
  });

  it("a file too deeply nested to analyse is exit 2 with the reason, nothing on stdout", async () => {
    const deep = `x = ${"(".repeat(50_000)}1${")".repeat(50_000)}\n`;
    const r = await runCli(["migrate", "deep.py"], io({ "deep.py": deep }));
    expect(r).toMatchObject({
      exitCode: 2,
      stdout: "",
      stderr: expect.stringMatching(/cannot analyse deep\.py: .*nested too deeply/),
    });
  });

  it("parses into a migrate command", () => {
    expect(parseArgs(["migrate", "x.ts", "--check"])).toEqual({
      ok: true,
      command: { kind: "migrate", file: "x.ts", mode: "check", headless: false },
    });
  });
});
