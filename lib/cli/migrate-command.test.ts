import { describe, expect, it } from "vitest";

import { parseArgs } from "./args";
import { runCli, type CliIO } from "./commands";

const LEGACY = 'creds = flow.run_console()\nprint("run_console")  # run_console\n';
const CURRENT = "creds = flow.run_local_server(port=0)\n";
const LOCAL_AUTH_TS = `import { authenticate } from '@google-cloud/local-auth';
import { google } from 'googleapis';

const auth = await authenticate({ scopes: SCOPES, keyfilePath: 'credentials.json' });
`;
const PROMPT_JS = `const readline = require('readline/promises');
const { google } = require('googleapis');
const client = new google.auth.OAuth2(ID, SECRET, 'urn:ietf:wg:oauth:2.0:oob');
async function main() {
  const url = client.generateAuthUrl({ scope: SCOPES });
  console.log(url);
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const code = await rl.question('Code: ');
  rl.close();
  const { tokens } = await client.getToken(code);
}
`;
const GAPI_JS = "gapi.auth2.init({ client_id: ID });\n";

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

  it("--headless with a TypeScript file: local-auth becomes the headless sign-in; exit 1, findings on stderr", async () => {
    const r = await runCli(
      ["migrate", "--headless", "quickstart.ts"],
      io({ "quickstart.ts": LOCAL_AUTH_TS }),
    );
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^quickstart\.ts:1:1: js-local-auth: @google-cloud\/local-auth is deprecated/);
    expect(r.stdout).toContain(
      "async function authenticate({ scopes, keyfilePath }: { scopes: string | string[]; keyfilePath: string }) {",
    );
    expect(r.stdout).toContain("const redirectUri = 'http://localhost:8080/';");
    expect(r.stdout).not.toContain("createServer");
    expect(r.stdout).toContain(
      "const auth = await authenticate({ scopes: SCOPES, keyfilePath: 'credentials.json' });\n",
    );
    // Without --headless: the loopback sign-in.
    const loopback = await runCli(["migrate", "quickstart.ts"], io({ "quickstart.ts": LOCAL_AUTH_TS }));
    expect(loopback.stdout).toContain("createServer()");
    expect(loopback.stdout).not.toContain("localhost:8080");
  });

  it("--headless --check on a TS file prints findings only; --headless --write writes the headless rewrite", async () => {
    const check = await runCli(["migrate", "--check", "--headless", "q.ts"], io({ "q.ts": LOCAL_AUTH_TS }));
    expect(check).toMatchObject({ exitCode: 1, stdout: "" });
    expect(check.stderr).toMatch(/^q\.ts:1:1: js-local-auth: /);
    const files = io({ "q.ts": LOCAL_AUTH_TS });
    const write = await runCli(["migrate", "--write", "--headless", "q.ts"], files);
    expect(write).toMatchObject({ exitCode: 1, stdout: "" });
    expect(files.written["q.ts"]).toContain(
      "Copy the whole address from its address bar and paste it here: ",
    );
  });

  it("--headless on stdin with --lang javascript: the code prompt becomes headlessGetToken", async () => {
    const r = await runCli(["migrate", "-", "--lang", "javascript", "--headless"], io({}, PROMPT_JS));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^stdin:8:22: js-oob-code-prompt: .*headless/);
    expect(r.stdout).toContain("  const { tokens } = await headlessGetToken(client, { scope: SCOPES });\n");
    expect(r.stdout).not.toMatch(/urn:ietf|readline\/promises/);
  });

  it("current TS code with --headless: exit 0, unchanged", async () => {
    const src = "import { google } from 'googleapis';\nconst drive = google.drive('v3');\n";
    expect(await runCli(["migrate", "--headless", "ok.ts"], io({ "ok.ts": src }))).toEqual({
      exitCode: 0,
      stdout: src,
      stderr: "",
    });
  });

  it("findings that must be fixed by hand: exit 1, the file unchanged on stdout, 'fix by hand' on stderr", async () => {
    const r = await runCli(["migrate", "app.js"], io({ "app.js": GAPI_JS }));
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe(GAPI_JS);
    expect(r.stderr).toMatch(/^app\.js:1:1: js-gapi-auth2: .* \(fix by hand: .+\)$/m);
    // --write leaves such a file alone.
    const files = io({ "app.js": GAPI_JS });
    expect((await runCli(["migrate", "--write", "app.js"], files)).exitCode).toBe(1);
    expect(files.written).toEqual({});
  });

  it("--lang overrides the extension", async () => {
    const r = await runCli(
      ["migrate", "--lang", "typescript", "script.txt"],
      io({ "script.txt": LOCAL_AUTH_TS }),
    );
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^script\.txt:1:1: js-local-auth: /);
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
