/**
 * The migration corpus: legacy files shaped like the code people really have (./legacy) must produce the
 * expected findings and an output that parses (lezer, and CPython's own parser for Python); current, correct
 * files (./current plus every golden snippet of the product) must produce no finding and come out byte-identical.
 * The migrated files are also run verbatim against the fake Google: ./verbatim.test.ts.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { languageOfFileName, migrate } from "@/lib/migrate/migrate";
import { hasSyntaxErrors, parseSource } from "@/lib/migrate/syntax";
import { PROJECT_ROOT } from "@/testing/fake-google/ca";
import { PYTHON } from "@/testing/fake-google/run-snippet";

const HERE = path.join(PROJECT_ROOT, "testing", "migrate-corpus");
const GOLDEN = path.join(PROJECT_ROOT, "lib", "codegen", "targets");

function filesIn(dir: string): { name: string; file: string }[] {
  return readdirSync(dir)
    .filter((n) => languageOfFileName(n) !== undefined)
    .sort()
    .map((name) => ({ name, file: path.join(dir, name) }));
}

/** Rule ids per legacy file, in order; "(manual)" = explained, not rewritten. Reviewed by hand. */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  "calendar-local-auth.mts": ["js-local-auth"],
  "calendar-oob-insecure-transport.py": ["py-insecure-transport", "py-oob-redirect"],
  "calendar-quickstart-oauth2client-flags.py": ["py-apiclient-import", "py-oauth2client"],
  "drive-files-list-run-console.py": ["py-run-console"],
  "drive-import-apiclient-run-console.py": ["py-apiclient-import", "py-run-console"],
  "drive-local-auth-quickstart.js": ["js-local-auth"],
  "drive-oob-copy-code.py": ["py-oob-redirect"],
  "drive-quickstart-oauth2client.py": ["py-apiclient-import", "py-oauth2client"],
  "drive-readline-oob-callback.js": ["js-oob-code-prompt"],
  "drive-v2-oauth2webserverflow.py": ["py-apiclient-import", "py-oauth2client"],
  "gapi-auth2-browser.js": ["js-gapi-auth2 (manual)", "js-gapi-auth2 (manual)", "js-gapi-auth2 (manual)"],
  "gmail-local-auth-esm.mjs": ["js-local-auth"],
  "gmail-quickstart-oauth2client-apiclient.py": ["py-apiclient-import", "py-oauth2client"],
  "people-readline-promise-wrapper.ts": ["js-oob-code-prompt"],
  "sheets-quickstart-oauth2client.py": ["py-oauth2client"],
  "sheets-values-get-run-console.py": ["py-run-console"],
  "tasks-readline-promises-oob.mts": ["js-oob-code-prompt"],
  "translate-apikey-hardcoded.py": ["py-apiclient-import", "hardcoded-secret"],
  "youtube-channels-list-run-console.py": ["py-insecure-transport", "py-run-console"],
  "youtube-oob-constant-flow.py": ["py-oob-redirect"],
  "youtube-playlists-insert-run-console.py": ["py-insecure-transport", "py-run-console"],
  "youtube-readline-oob-async.js": ["js-oob-code-prompt"],
  "youtube-run-console-with-messages.py": ["py-run-console"],
  "youtube-search-apikey-hardcoded.js": ["hardcoded-secret"],
};

/** What must be gone from a file whose findings were all fixed. */
const GONE = [
  /\.run_console\(/,
  /urn:ietf:wg:oauth:2\.0:oob['"]\s*\)/,
  /^from oauth2client/m,
  /^from apiclient/m,
  /OAUTHLIB_INSECURE_TRANSPORT/,
  /require\('@google-cloud\/local-auth'\)|from '@google-cloud\/local-auth'/,
  /AIza[0-9A-Za-z_-]{35}/,
  /urn:ietf:wg:oauth:2\.0:oob/,
  /^import apiclient/m,
  /\.question\(/,
  /\.authorize\(/,
];

const legacy = filesIn(path.join(HERE, "legacy"));
const current = [
  ...filesIn(path.join(HERE, "current")),
  ...filesIn(path.join(GOLDEN, "python", "__expected__")),
  ...filesIn(path.join(GOLDEN, "typescript", "__expected__")),
];

function run(file: string) {
  const language = languageOfFileName(file);
  if (!language) throw new Error(`no language for ${file}`);
  const source = readFileSync(file, "utf8");
  return { source, language, ...migrate(source, { language }) };
}

describe("migration corpus", () => {
  it("has at least 15 legacy and 20 current files", () => {
    expect(legacy.length).toBeGreaterThanOrEqual(15);
    expect(current.length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(EXPECTED).sort()).toEqual(legacy.map((l) => l.name));
  });

  describe.each(legacy)("legacy/$name", ({ name, file }) => {
    it("gives the expected findings, each with a line, a reason and a link; the output parses", () => {
      const r = run(file);
      expect(r.findings.map((f) => f.ruleId + (f.fixed ? "" : " (manual)"))).toEqual(EXPECTED[name]);
      for (const f of r.findings) {
        expect(f.line).toBeGreaterThan(0);
        expect(f.why).toMatch(/^https:\/\//);
        if (!f.fixed) expect(f.manual).toBeTruthy();
      }
      expect(hasSyntaxErrors(parseSource(r.output, r.language))).toBe(false);
      if (r.findings.some((f) => f.fixed)) expect(r.output).not.toBe(r.source);
      else expect(r.output).toBe(r.source);
      if (r.findings.every((f) => f.fixed)) for (const re of GONE) expect(r.output).not.toMatch(re);
    });
  });

  it.skipIf(!existsSync(PYTHON))(
    "every migrated Python file (loopback and headless) is accepted by CPython's parser",
    () => {
      const python = legacy.filter((l) => l.name.endsWith(".py"));
      const outputs = python.flatMap((l) => {
        const source = readFileSync(l.file, "utf8");
        const headless = migrate(source, { language: "python", headless: true }).output;
        return [
          { name: l.name, code: run(l.file).output },
          { name: `${l.name} (headless)`, code: headless },
        ];
      });
      // The headless sign-in really was emitted somewhere (run_console and the OOB steps).
      expect(
        outputs.filter((o) => o.code.includes("def sign_in_without_browser(flow):")).length,
      ).toBeGreaterThanOrEqual(5);
      const script =
        "import ast, json, sys\nfor f in json.load(sys.stdin):\n    ast.parse(f['code'], f['name'])\nprint('ok')\n";
      const res = spawnSync(PYTHON, ["-c", script], { input: JSON.stringify(outputs), encoding: "utf8" });
      expect(res.stderr).toBe("");
      expect(res.stdout.trim()).toBe("ok");
    },
  );

  describe.each(current)("current $name", ({ file }) => {
    it("has no finding and comes out byte-identical", () => {
      const r = run(file);
      expect(r.findings).toEqual([]);
      expect(r.output).toBe(r.source);
    });
  });
});
