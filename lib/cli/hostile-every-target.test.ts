/**
 * Every document of the shared hostile set (testing/hostile-documents) × every method × every target, through the
 * CLI (`runCli` with real files): the invariant of that folder's README. Either one `explorer:` line and exit 1,
 * or exit 0 with code that compiles and has the template's exact shape (testing/identifier-cases.ts); Python code
 * is then RUN with the real google-api-python-client (prove_snippets.py, offline) and must send exactly the
 * request the explorer shows, without running anything else. One spawned run checks the real binary.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { hostileDocuments } from "@/testing/hostile-documents";
import type { RawMethod, RawResource } from "@/lib/discovery/types";
import type { ExplorerRequest } from "@/lib/request/types";
import { VENV_PYTHON, REPO_ROOT } from "@/lib/codegen/literals/testing/oracles";
import { checkIdentifierCases } from "@/lib/codegen/testing/identifier-cases";
import { TARGET_IDS, type TargetId } from "@/lib/codegen/types";

import { runCli, type CliIO, type CliResult } from "./commands";

// fix_method_name turns every "-" of a key into "_", so the injected command in a method key touches the second.
const PWNED = ["/tmp/pwned-by-explorer", "/tmp/pwned_by_explorer"];
const dir = mkdtempSync(join(tmpdir(), "explorer-hostile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const io: CliIO = {
  readFile: async (path) => readFileSync(path, "utf8"),
  readStdin: async () => "",
  loadApi: async () => {
    throw new Error("offline: pass --doc");
  },
  version: "0.0.0",
};

function methodsOf(node: {
  methods?: Record<string, RawMethod>;
  resources?: Record<string, RawResource>;
}): RawMethod[] {
  return [
    ...Object.values(node.methods ?? {}),
    ...Object.values(node.resources ?? {}).flatMap((r) => methodsOf(r)),
  ];
}

interface Case {
  readonly label: string;
  readonly docPath: string;
  readonly request: ExplorerRequest;
  readonly requestPath: string;
}

const cases: Case[] = hostileDocuments().flatMap(({ id, path, doc }) =>
  methodsOf(doc).map((m, i) => {
    const request: ExplorerRequest = {
      api: doc.name,
      version: doc.version,
      method: m.id ?? "",
      // A value of each parameter's type (the library casts with int()/float(), so "v" would not do).
      params: Object.fromEntries(
        Object.entries(m.parameters ?? {}).map(([p, s]) => [
          p,
          s.type === "integer" || s.type === "number" ? 1 : s.type === "boolean" ? true : "v",
        ]),
      ),
      body: null,
      auth: { type: "none" },
    };
    const requestPath = join(dir, `${id}.${i}.request.json`);
    writeFileSync(requestPath, JSON.stringify(request));
    return {
      label: `${id} ${m.id}`,
      docPath: path,
      request,
      requestPath,
    };
  }),
);

const results = new Map<string, CliResult>();
const key = (c: Case, t: TargetId | "request") => `${c.label}/${t}`;

beforeAll(async () => {
  for (const p of PWNED) rmSync(p, { force: true });
  for (const c of cases) {
    for (const t of [...TARGET_IDS, "request"] as const) {
      const argv =
        t === "request"
          ? ["request", "--request", c.requestPath, "--doc", c.docPath]
          : ["snippet", "--lang", t, "--request", c.requestPath, "--doc", c.docPath];
      results.set(key(c, t), await runCli(argv, io));
    }
  }
});

describe("hostile documents × every target through the CLI", () => {
  it("the set has the identifier attacks", () => {
    expect(cases.map((c) => c.label.split(" ")[0])).toEqual(
      expect.arrayContaining([
        "hostile-pyinject-method.v1",
        "hostile-pyinject-oneline.v1",
        "hostile-pyinject-resource.v1",
        "hostile-u2028-method.v1",
        "hostile-quoted-names.v1",
        "hostile-param-collision.v1",
        "hostile-dunder-method.v1",
        "hostile-clobber-resource.v1",
        "hostile-builtin-resource.v1",
      ]),
    );
  });

  for (const c of cases) {
    for (const t of TARGET_IDS) {
      it(`${c.label} → ${t}: one explorer: line and exit 1, or code of the template's shape`, () => {
        const r = results.get(key(c, t))!;
        if (r.exitCode !== 0) {
          expect(r.exitCode).toBe(1);
          expect(r.stdout).toBe("");
          expect(r.stderr).toMatch(/^explorer: [^\n\r\u2028\u2029\u0085]+\n$/);
          return;
        }
        const doc = JSON.parse(readFileSync(c.docPath, "utf8")) as never;
        const report = checkIdentifierCases([{ doc, request: c.request }]);
        expect(report.failures.filter((f) => f.target === t).map((f) => f.problem)).toEqual([]);
      });
    }
  }

  it("the line-breaking keys are refused by validation for every target, naming the key on one line", () => {
    for (const id of ["hostile-pyinject-method.v1", "hostile-u2028-method.v1"]) {
      for (const t of TARGET_IDS) {
        const c = cases.find((x) => x.label.startsWith(id))!;
        const r = results.get(key(c, t))!;
        expect(r.exitCode, `${id} ${t}`).toBe(1);
        expect(r.stderr).toMatch(/Method key ".*(\\n|\\u2028).*" contains a line break/);
      }
    }
  });

  it("what the door refuses for one target, the others still generate", () => {
    const clobber = cases.find((x) => x.label.startsWith("hostile-clobber-resource"))!;
    expect(results.get(key(clobber, "python"))!.stderr).toMatch(
      /^explorer: cannot generate the python snippet: the resource key "_http" cannot be used in python code/,
    );
    const builtin = cases.find((x) => x.label.startsWith("hostile-builtin-resource"))!;
    expect(results.get(key(builtin, "typescript"))!.stderr).toMatch(/Object\.prototype\.toString/);
    for (const [c, ok] of [
      [clobber, ["typescript", "curl", "http"]],
      [builtin, ["python", "curl", "http"]],
    ] as const) {
      for (const t of ok) expect(results.get(key(c, t))!.exitCode, `${c.label} ${t}`).toBe(0);
    }
  });

  it.skipIf(!existsSync(VENV_PYTHON))(
    "every Python snippet runs with the real library: it sends the explorer's request, and nothing else runs",
    () => {
      // Methods without a "response" included: the library returns bytes for them (RawModel), which the template
      // decodes instead of json.dumps (calendar-events-delete-no-response in the verbatim e2e).
      const runnable = cases.filter((c) => results.get(key(c, "python"))!.exitCode === 0);
      expect(runnable.map((c) => c.label.split(" ")[0])).toEqual(
        expect.arrayContaining([
          "hostile-pyinject-oneline.v1",
          "hostile-pyinject-resource.v1",
          "hostile-quoted-names.v1",
          "hostile-param-collision.v1",
          "hostile-dunder-method.v1",
        ]),
      );
      const items = runnable.map((c) => ({
        name: c.label,
        snippet: results.get(key(c, "python"))!.stdout,
        doc: c.docPath,
        env: {},
      }));
      const proc = spawnSync(VENV_PYTHON, [join(REPO_ROOT, "lib/codegen/targets/python/prove_snippets.py")], {
        input: JSON.stringify(items),
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1", BROWSER: "" },
        timeout: 120_000,
      });
      expect(proc.status, proc.stderr).toBe(0);
      const runs = JSON.parse(proc.stdout) as {
        name: string;
        runs: { exit: number; stderr: string; requests: { uri: string; method: string }[] }[];
      }[];
      for (const [i, c] of runnable.entries()) {
        const run = runs[i]!.runs[0]!;
        expect({ name: c.label, exit: run.exit, stderr: run.stderr }).toEqual({
          name: c.label,
          exit: 0,
          stderr: "",
        });
        const shown = JSON.parse(results.get(key(c, "request"))!.stdout) as { url: string; method: string };
        const sent = new URL(run.requests[0]!.uri);
        sent.searchParams.delete("alt"); // the library's JsonModel adds alt=json
        const want = new URL(shown.url);
        expect([run.requests[0]!.method, sent.origin + sent.pathname], c.label).toEqual([
          shown.method,
          want.origin + want.pathname,
        ]);
        expect([...sent.searchParams].sort(), c.label).toEqual([...want.searchParams].sort());
      }
      expect(PWNED.filter((p) => existsSync(p))).toEqual([]);
    },
  );
});

describe("explorer (spawned) on the reported reproduction", { timeout: 60_000 }, () => {
  it("hostile-pyinject-method → python: one explorer: line, exit 1, no code", () => {
    const c = cases.find((x) => x.label.startsWith("hostile-pyinject-method"))!;
    const r = spawnSync(
      process.execPath,
      [
        join(REPO_ROOT, "bin/explorer.mjs"),
        "snippet",
        "--lang",
        "python",
        "--request",
        c.requestPath,
        "--doc",
        c.docPath,
      ],
      {
        encoding: "utf8",
        cwd: dir,
        env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: dir, NODE_ENV: "test" },
      },
    );
    expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 1, stdout: "" });
    expect(r.stderr).toMatch(/^explorer: [^\n]*Method key "list\\n__import__[^\n]*\n$/);
  });
});
