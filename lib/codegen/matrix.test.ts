/**
 * Golden matrix (style anchor 5): every fixture in __fixtures__/requests × every registered target, compared
 * with lib/codegen/targets/<target>/__expected__/<fixture>.<ext>. A missing expected file fails naming its path.
 * Regenerate: UPDATE_GOLDEN=1 npx vitest run lib/codegen/matrix
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

import { describe, expect, it } from "vitest";

import { loadAllFixtures } from "./__fixtures__/load";
import { TARGETS } from "./registry";
import { TARGET_IDS } from "./types";

const update = process.env.UPDATE_GOLDEN === "1";
const fixtures = loadAllFixtures();

export function expectedPath(targetId: string, fixture: string, extension: string): string {
  return join(__dirname, "targets", targetId, "__expected__", `${fixture}.${extension}`);
}

describe.each(TARGET_IDS.map((id) => [id, TARGETS[id]] as const))("target %s", (targetId, target) => {
  for (const fx of fixtures) {
    it.skipIf(fx.input === null)(`${fx.name}${fx.skip ? ` (skipped: ${fx.skip})` : ""}`, () => {
      if (fx.input === null) return;
      const actual = target.generate(fx.input, fx.options);
      const file = expectedPath(targetId, fx.name, target.extension);
      if (update) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, actual);
        return;
      }
      if (!existsSync(file)) {
        throw new Error(
          `Missing golden file ${file}. Run: UPDATE_GOLDEN=1 npx vitest run lib/codegen/matrix`,
        );
      }
      expect(actual).toBe(readFileSync(file, "utf8"));
    });
  }
});

describe("fixture set", () => {
  it("covers the required cases", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
  });
});

/**
 * The flows Google blocked or the libraries removed, and the test-only escape hatch, never appear in generated
 * code: `run_console` (removed in google-auth-oauthlib 1.0), the out-of-band redirect URI, `gapi.auth2`
 * (deprecated Google Sign-In), `OAUTHLIB_INSECURE_TRANSPORT`, and `@google-cloud/local-auth` (its client sends no
 * Authorization header with googleapis ≥ 150).
 */
const FORBIDDEN = [
  "run_console",
  "urn:ietf:wg:oauth:2.0:oob",
  "gapi.auth2",
  "OAUTHLIB_INSECURE_TRANSPORT",
  "@google-cloud/local-auth",
];

describe("no blocked OAuth flows in any snippet", () => {
  const generated = fixtures.flatMap((fx) =>
    fx.input === null
      ? []
      : TARGET_IDS.map((id) => [`${id}/${fx.name}`, TARGETS[id].generate(fx.input!, fx.options)] as const),
  );

  it("generates snippets to check", () => {
    expect(generated.length).toBeGreaterThanOrEqual(4 * 20);
  });

  it.each(FORBIDDEN)("%s appears in none", (needle) => {
    expect(generated.filter(([, code]) => code.includes(needle)).map(([name]) => name)).toEqual([]);
  });

  it("OAuth snippets use the loopback flow, or the pasted-address flow when auth.flow is headless", () => {
    const oauth = fixtures.filter((fx) => fx.input?.auth.type === "oauth");
    const headless = (fx: (typeof oauth)[number]) =>
      fx.input?.auth.type === "oauth" && fx.input.auth.flow === "headless";
    expect(oauth.filter(headless).length).toBeGreaterThanOrEqual(4);
    for (const fx of oauth) {
      const py = TARGETS.python.generate(fx.input!, fx.options);
      const ts = TARGETS.typescript.generate(fx.input!, fx.options);
      expect(ts).toContain("generateCodeVerifierAsync");
      if (headless(fx)) {
        expect(py).toContain("flow.fetch_token(code=");
        expect(py).not.toContain("flow.run_local_server(");
        expect(py).not.toContain("OAUTHLIB_INSECURE_TRANSPORT");
        expect(ts).toContain("readLine(");
        expect(ts).not.toContain("createServer");
        for (const code of [py, ts]) expect(code).toContain("ssh -L 8080:localhost:8080");
      } else {
        expect(py).toContain("flow.run_local_server(port=0");
        expect(py).not.toContain("sign_in_without_browser");
        expect(ts).toContain("createServer");
      }
    }
  });
});
