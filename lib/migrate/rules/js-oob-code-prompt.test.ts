import { describe, expect, it } from "vitest";

import { hasSyntaxErrors, parseSource } from "../syntax";
import { withRule } from "../testing";
import { jsOobCodePrompt } from "./js-oob-code-prompt";

const ASYNC_JS = `const readline = require('readline/promises');
const { google } = require('googleapis');

const oauth2Client = new google.auth.OAuth2(
  process.env.CLIENT_ID,
  process.env.CLIENT_SECRET,
  'urn:ietf:wg:oauth:2.0:oob'
);

async function main() {
  const url = oauth2Client.generateAuthUrl({ access_type: 'offline', scope: SCOPES });
  console.log('Open', url);
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const code = await rl.question('Code: ');
  rl.close();
  const { tokens } = await oauth2Client.getToken(code);
  oauth2Client.setCredentials(tokens);
  await list(oauth2Client); // the user's own call
}
`;

const PROMISES_TS = `import * as readline from 'node:readline/promises';
import { stdin as input, stdout as output } from 'node:process';
import { google } from 'googleapis';

// Desktop clients used to redirect here.
const OOB = 'urn:ietf:wg:oauth:2.0:oob';
const client = new google.auth.OAuth2({ clientId: ID, clientSecret: SECRET, redirectUri: OOB });

async function signIn(): Promise<void> {
  const authUrl = client.generateAuthUrl({ scope: SCOPES });
  console.log(\`Visit \${authUrl}\`);
  const rl = readline.createInterface({ input, output });
  const code = await rl.question('Paste the code: ');
  rl.close();
  const res = await client.getToken(code);
  client.setCredentials(res.tokens);
}
`;

const WRAPPER_TS = `import readline from 'readline';

async function getCode(client: OAuth2Client): Promise<void> {
  const authorizeUrl = client.generateAuthUrl({ access_type: 'offline', scope: SCOPES });
  console.log('Authorize this app by visiting this url:', authorizeUrl);
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const code = await new Promise<string>((resolve) => rl.question('Code: ', (answer) => resolve(answer.trim())));
  rl.close();
  client.setCredentials((await client.getToken(code)).tokens);
}
`;

describe("js-oob-code-prompt: async/await and readline/promises", () => {
  it("await rl.question → await loopbackGetToken(client, OPTS); the OOB constructor argument and readline go", () => {
    const r = withRule(jsOobCodePrompt, ASYNC_JS, "javascript");
    expect(r.findings).toMatchObject([{ line: 14, fixed: true }]);
    expect(r.output).toContain(`async function main() {
  const { tokens } = await loopbackGetToken(oauth2Client, { access_type: 'offline', scope: SCOPES });
  oauth2Client.setCredentials(tokens);
  await list(oauth2Client); // the user's own call
}
`);
    expect(r.output).toContain(`new google.auth.OAuth2(
  process.env.CLIENT_ID,
  process.env.CLIENT_SECRET
);`);
    expect(r.output).not.toMatch(/urn:ietf|readline|rl\.question/);
    // The helper takes the readline require's place and resolves what getToken did.
    expect(r.output).toContain(
      "const { google } = require('googleapis');\n\n/** Signs in with the loopback flow",
    );
    expect(r.output).toContain("  return response;\n}\n\nconst oauth2Client = new google.auth.OAuth2(");
    expect(hasSyntaxErrors(parseSource(r.output, "javascript"))).toBe(false);
  });

  it("TypeScript readline/promises: the OOB constant, redirectUri property and now-unused imports are removed", () => {
    const r = withRule(jsOobCodePrompt, PROMISES_TS, "typescript");
    expect(r.findings).toMatchObject([{ line: 13, fixed: true }]);
    expect(r.output).not.toMatch(/urn:ietf|OOB|node:process|readline\/promises/);
    expect(r.output).toContain(
      "const client = new google.auth.OAuth2({ clientId: ID, clientSecret: SECRET });",
    );
    expect(r.output).toContain(`async function signIn(): Promise<void> {
  const res = await loopbackGetToken(client, { scope: SCOPES });
  client.setCredentials(res.tokens);
}`);
    expect(r.output).toContain(
      "async function loopbackGetToken(client: import('googleapis').Auth.OAuth2Client, authUrlOptions: import('googleapis').Auth.GenerateAuthUrlOpts) {",
    );
    // The comment above the constant is the user's: kept.
    expect(r.output).toContain("// Desktop clients used to redirect here.\n");
    expect(hasSyntaxErrors(parseSource(r.output, "typescript"))).toBe(false);
  });

  it("a promise wrapper around rl.question(prompt, callback) is rewritten the same way", () => {
    const r = withRule(jsOobCodePrompt, WRAPPER_TS, "typescript");
    expect(r.findings).toMatchObject([{ fixed: true }]);
    expect(r.output).toContain(
      "  client.setCredentials((await loopbackGetToken(client, { access_type: 'offline', scope: SCOPES })).tokens);",
    );
    expect(r.output).not.toContain("readline");
  });

  it("--headless: the helper prints the URL and reads the pasted address (no server, no browser)", () => {
    const r = withRule(jsOobCodePrompt, ASYNC_JS, "javascript", true);
    expect(r.findings).toMatchObject([{ fixed: true, message: expect.stringContaining("headless") }]);
    expect(r.output).toContain("await headlessGetToken(oauth2Client, {");
    expect(r.output).toContain("const redirectUri = 'http://localhost:8080/';");
    expect(r.output).toContain("for await (const line of createInterface({ input: process.stdin })) {");
    expect(r.output).toContain("if (returned.get('state') !== state) {");
    expect(r.output).not.toMatch(/createServer|xdg-open/);
  });

  it("a prompt whose code is used for something else too is explained, not rewritten", () => {
    const src = ASYNC_JS.replace("rl.close();", "rl.close();\n  console.log('code', code);");
    const r = withRule(jsOobCodePrompt, src, "javascript");
    expect(r.findings.map((f) => f.fixed)).toEqual([false, false]);
    expect(r.output).toBe(src);
  });

  it("anything but the sign-in between the prompt and getToken keeps the rewrite back", () => {
    const src = ASYNC_JS.replace("rl.close();", "rl.close();\n  await audit(url);");
    const r = withRule(jsOobCodePrompt, src, "javascript");
    expect(r.findings.map((f) => f.fixed)).toEqual([false, false]);
    expect(r.output).toBe(src);
  });

  it("an OOB URI used outside the OAuth2 constructor keeps the whole rewrite back (never half-applied)", () => {
    const src = `${PROMISES_TS}console.log(OOB);\n`;
    const r = withRule(jsOobCodePrompt, src, "typescript");
    expect(r.findings.every((f) => !f.fixed)).toBe(true);
    expect(r.output).toBe(src);
  });

  it("a file that already defines the helper's name is explained, not given a second one", () => {
    const src = `${ASYNC_JS}function loopbackGetToken() {}\n`;
    const r = withRule(jsOobCodePrompt, src, "javascript");
    expect(r.findings.every((f) => !f.fixed)).toBe(true);
    expect(r.output).toBe(src);
  });

  it("readline still used elsewhere: its require is kept", () => {
    const src = `${ASYNC_JS}const again = readline.createInterface({ input: process.stdin });\n`;
    const r = withRule(jsOobCodePrompt, src, "javascript");
    expect(r.findings).toMatchObject([{ fixed: true }]);
    expect(r.output.startsWith("const readline = require('readline/promises');\n")).toBe(true);
    expect(r.output).toContain("const again = readline.createInterface({ input: process.stdin });\n");
    expect(r.output).toContain("const { google } = require('googleapis');\n\n/** Signs in");
  });
});
