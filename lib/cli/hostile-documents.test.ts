/**
 * The CLI over the shared hostile-documents set (testing/hostile-documents): header injection is refused with one
 * `explorer:` line and exit 1; parameter names that are Object.prototype members are sent as given and never
 * invented on an empty request.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { HOSTILE_DOCUMENTS_DIR } from "@/testing/hostile-documents";
import { TARGET_IDS } from "../codegen/types";
import { runCli, type CliIO } from "./commands";

const PROTOTYPE_MEMBERS = Object.getOwnPropertyNames(Object.prototype);

/** Files by path: the hostile documents from disk, requests as given. */
function io(requests: Record<string, unknown>): CliIO {
  const files = new Map(Object.entries(requests).map(([k, v]) => [k, JSON.stringify(v)]));
  return {
    version: "0.0.0",
    readFile: async (path) => files.get(path) ?? readFileSync(join(HOSTILE_DOCUMENTS_DIR, path), "utf8"),
    readStdin: async () => "",
    loadApi: async () => {
      throw new Error("the tests pass --doc");
    },
  };
}

const request = (api: string, method: string, extra: Record<string, unknown> = {}) => ({
  api,
  version: "v1",
  method: `${api}.${method}`,
  params: {},
  body: null,
  auth: { type: "none" },
  ...extra,
});

function stderrLines(stderr: string): string[] {
  return stderr.split("\n").filter((l) => l.startsWith("explorer:"));
}

describe("explorer CLI: header values", () => {
  const commands: [string, string[]][] = [
    ...TARGET_IDS.map((t): [string, string[]] => [`snippet --lang ${t}`, ["snippet", "--lang", t]]),
    ["request", ["request"]],
  ];
  it.each(commands)(
    "%s: an apiVersion with CR LF is refused with one explorer: line naming apiVersion, exit 1",
    async (_, command) => {
      const req = request("hostile-header-apiversion", "things.list");
      const r = await runCli(
        [...command, "--request", "r.json", "--doc", "hostile-header-apiversion.v1.json"],
        io({ "r.json": req }),
      );
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toBe("");
      expect(stderrLines(r.stderr)).toHaveLength(1);
      expect(r.stderr).toContain("resources.things.methods.list.apiVersion");
      expect(r.stderr).not.toContain("x-injected: yes\n");
    },
  );

  it("a request file whose media.mimeType has CR LF is refused, naming media.mimeType, exit 1", async () => {
    const req = request("hostile-prototype-params", "things.insert", {
      body: {},
      media: { fileName: "f.bin", mimeType: "text/plain\r\nx-injected: yes" },
    });
    const r = await runCli(
      ["snippet", "--lang", "curl", "--request", "r.json", "--doc", "hostile-prototype-params.v1.json"],
      io({ "r.json": req }),
    );
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe("");
    expect(stderrLines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain("media.mimeType must not contain a line break");
  });
});

describe("explorer CLI: parameter names that are Object.prototype members", () => {
  const doc = ["--doc", "hostile-prototype-params.v1.json"];

  it("an empty request sends no parameter: no query string, no invented value", async () => {
    const r = await runCli(
      ["request", "--request", "r.json", ...doc],
      io({ "r.json": request("hostile-prototype-params", "things.list") }),
    );
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout).url).toBe("https://hostile.example.com/things");
  });

  it.each(TARGET_IDS)("%s: an empty request's snippet names none of them", async (lang) => {
    const r = await runCli(
      ["snippet", "--lang", lang, "--request", "r.json", ...doc],
      io({ "r.json": request("hostile-prototype-params", "things.list") }),
    );
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toContain("[native code]");
    expect(r.stdout).not.toContain("[object Object]");
    for (const name of ["hasOwnProperty", "valueOf", "__proto__", "toLocaleString", "isPrototypeOf"])
      expect(r.stdout).not.toMatch(new RegExp(`[?&]${name.replace(/[$_]/g, "\\$&")}=|${name}_*['"]?: `));
  });

  it("values given for every one of them are sent under exactly that name", async () => {
    const params = Object.fromEntries(
      PROTOTYPE_MEMBERS.map((n) => [n, n === "hasOwnProperty" ? true : n === "valueOf" ? 7 : `v-${n}`]),
    );
    // JSON.parse makes "__proto__" an own key, as a request file on disk does.
    const req = JSON.parse(JSON.stringify(request("hostile-prototype-params", "things.list", { params })));
    const r = await runCli(["request", "--request", "r.json", ...doc], io({ "r.json": req }));
    expect(r.exitCode).toBe(0);
    const url = new URL(JSON.parse(r.stdout).url);
    expect([...url.searchParams].sort()).toEqual(
      PROTOTYPE_MEMBERS.map((n) => [
        n,
        n === "hasOwnProperty" ? "true" : n === "valueOf" ? "7" : `v-${n}`,
      ]).sort(),
    );
  });
});
