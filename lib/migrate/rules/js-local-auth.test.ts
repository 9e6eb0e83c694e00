import { describe, expect, it } from "vitest";

import { hasSyntaxErrors, parseSource } from "../syntax";
import { withRule } from "../testing";
import { jsLocalAuth } from "./js-local-auth";

const CJS = `const {authenticate} = require('@google-cloud/local-auth');
const {google} = require('googleapis');
// keep me
async function main() {
  const auth = await authenticate({ scopes: ['s'], keyfilePath: 'credentials.json' });
  console.log(google.drive({ version: 'v3', auth }));
}
`;

describe("js-local-auth", () => {
  it("replaces the require with a loopback authenticate() on googleapis' OAuth2; the rest is unchanged", () => {
    const r = withRule(jsLocalAuth, CJS, "javascript");
    expect(r.findings).toMatchObject([{ ruleId: "js-local-auth", line: 1, column: 1, fixed: true }]);
    expect(r.output).not.toContain("@google-cloud/local-auth'");
    expect(r.output).toMatch(/^\/\*\* Signs in with the loopback flow/);
    expect(r.output).toContain("async function authenticate({ scopes, keyfilePath }) {");
    expect(r.output).toContain("new google.auth.OAuth2(");
    expect(r.output).toContain("code_challenge_method: 'S256'");
    expect(r.output.endsWith(CJS.slice(CJS.indexOf("\nconst {google}")))).toBe(true);
    expect(hasSyntaxErrors(parseSource(r.output, "javascript"))).toBe(false);
  });

  it("ESM with an alias and TypeScript: the local name is kept, TS gets types", () => {
    const src =
      "import { authenticate as signIn } from '@google-cloud/local-auth';\nimport { google as g } from 'googleapis';\nconst a = await signIn({ scopes: [], keyfilePath: 'c.json' });\n";
    const r = withRule(jsLocalAuth, src, "typescript");
    expect(r.output).toContain("async function signIn({ scopes, keyfilePath }: {");
    expect(r.output).toContain("new g.auth.OAuth2(");
    expect(hasSyntaxErrors(parseSource(r.output, "typescript"))).toBe(false);
  });

  it("explains and changes nothing when googleapis' google is not imported", () => {
    const src = "const { authenticate } = require('@google-cloud/local-auth');\n";
    const r = withRule(jsLocalAuth, src, "javascript");
    expect(r.findings).toMatchObject([{ fixed: false }]);
    expect(r.output).toBe(src);
  });

  it("the package named in a comment or string is not a finding", () => {
    const src = "// was @google-cloud/local-auth\nconsole.log('@google-cloud/local-auth');\n";
    expect(withRule(jsLocalAuth, src, "javascript").findings).toEqual([]);
  });
});
