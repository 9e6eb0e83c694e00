import { describe, expect, it } from "vitest";

import { withRule } from "../testing";
import { jsGapiAuth2 } from "./js-gapi-auth2";
import { jsOobCodePrompt } from "./js-oob-code-prompt";
import { pyApiclientImport } from "./py-apiclient-import";
import { pyInsecureTransport } from "./py-insecure-transport";
import { hardcodedSecret } from "./secrets";

const KEY = "AIzaSyD-fake-key-for-the-corpus-0123456";

describe("py-apiclient-import", () => {
  it("from apiclient[.discovery] import … → googleapiclient", () => {
    const r = withRule(
      pyApiclientImport,
      "from apiclient import discovery\nfrom apiclient.discovery import build\n",
    );
    expect(r.output).toBe(
      "from googleapiclient import discovery\nfrom googleapiclient.discovery import build\n",
    );
  });
  it("import apiclient: every use is apiclient.<submodule> → import googleapiclient.<submodule>, uses renamed", () => {
    const src =
      "import apiclient\n\nservice = apiclient.discovery.build('drive', 'v3', credentials=creds)\ntry:\n    pass\nexcept apiclient.errors.HttpError as e:  # apiclient in a comment stays\n    print(e)\n";
    const r = withRule(pyApiclientImport, src);
    expect(r.findings).toMatchObject([{ line: 1, fixed: true }]);
    expect(r.output).toBe(
      "import googleapiclient.discovery\nimport googleapiclient.errors\n\nservice = googleapiclient.discovery.build('drive', 'v3', credentials=creds)\ntry:\n    pass\nexcept googleapiclient.errors.HttpError as e:  # apiclient in a comment stays\n    print(e)\n",
    );
    expect(
      withRule(pyApiclientImport, "import apiclient.discovery\napiclient.discovery.build(1)\n").output,
    ).toBe("import googleapiclient.discovery\ngoogleapiclient.discovery.build(1)\n");
  });
  it("import apiclient with an alias, or a use that is not a submodule, is explained, not rewritten", () => {
    for (const src of [
      "import apiclient as api\napi.discovery.build(1)\n",
      "import apiclient\nprint(apiclient.__version__)\n",
      "import apiclient\nx = apiclient\n",
      "import apiclient\nfrom googleapiclient import discovery  # not apiclient\n",
    ]) {
      const r = withRule(pyApiclientImport, src);
      expect(r.findings).toMatchObject([{ line: 1, fixed: false }]);
      expect(r.output).toBe(src);
    }
  });
});

describe("py-insecure-transport", () => {
  it("removes the line that sets it (any quoting), keeps the comment above", () => {
    const src = "import os\n# local only\nos.environ['OAUTHLIB_INSECURE_TRANSPORT'] = '1'\nx = 1\n";
    expect(withRule(pyInsecureTransport, src).output).toBe("# local only\nx = 1\n"); // import os served only that line
  });
  it("reading it is not a finding; the only statement of a block is explained, not removed", () => {
    expect(
      withRule(pyInsecureTransport, 'print(os.environ.get("OAUTHLIB_INSECURE_TRANSPORT"))\n').findings,
    ).toEqual([]);
    const src = "if DEBUG:\n    os.environ['OAUTHLIB_INSECURE_TRANSPORT'] = '1'\n";
    const r = withRule(pyInsecureTransport, src);
    expect(r.findings).toMatchObject([{ fixed: false }]);
    expect(r.output).toBe(src);
  });
});

describe("hardcoded-secret", () => {
  it("python: an API key literal → os.environ, with import os", () => {
    const r = withRule(
      hardcodedSecret,
      `from googleapiclient.discovery import build\ns = build("x", "v1", developerKey="${KEY}")\n`,
    );
    expect(r.output).toBe(
      'from googleapiclient.discovery import build\nimport os\ns = build("x", "v1", developerKey=os.environ["GOOGLE_API_KEY"])\n',
    );
  });
  it("javascript: a client secret literal → process.env", () => {
    const r = withRule(hardcodedSecret, "const secret = 'GOCSPX-abcdefghijklmnop';\n", "javascript");
    expect(r.output).toBe("const secret = process.env.GOOGLE_CLIENT_SECRET;\n");
  });
  it("browser code (no process.env there) gets the finding but no rewrite", () => {
    const src = `gapi.client.init({ apiKey: '${KEY}' });\n`;
    const r = withRule(hardcodedSecret, src, "javascript");
    expect(r.findings).toMatchObject([{ ruleId: "hardcoded-secret", fixed: false }]);
    expect(r.output).toBe(src);
  });
  it("the key in a comment, or a placeholder, is not a finding", () => {
    expect(withRule(hardcodedSecret, `# key: ${KEY}\nk = "YOUR_API_KEY"\n`).findings).toEqual([]);
    expect(withRule(hardcodedSecret, `// ${KEY}\nconst k = 'AIza';\n`, "javascript").findings).toEqual([]);
  });
});

describe("js-gapi-auth2", () => {
  it("explains gapi.auth2 with the Google Identity Services guide and changes nothing", () => {
    const src = "gapi.auth2.getAuthInstance().signIn();\n";
    const r = withRule(jsGapiAuth2, src, "javascript");
    expect(r.findings).toMatchObject([{ ruleId: "js-gapi-auth2", fixed: false }]);
    expect(r.findings[0]?.why).toContain("developers.google.com/identity");
    expect(r.output).toBe(src);
  });
  it("gapi.client and a comment are not findings", () => {
    expect(withRule(jsGapiAuth2, "// gapi.auth2\ngapi.client.init({});\n", "javascript").findings).toEqual(
      [],
    );
  });
});

describe("js-oob-code-prompt", () => {
  it("finds the readline code prompt next to generateAuthUrl and the OOB URI, explains, changes nothing", () => {
    const src = `const c = new google.auth.OAuth2(id, secret, 'urn:ietf:wg:oauth:2.0:oob');
const url = c.generateAuthUrl({ scope: S });
rl.question('Code: ', (code) => c.getToken(code));
`;
    const r = withRule(jsOobCodePrompt, src, "javascript");
    expect(r.findings.map((f) => f.line)).toEqual([1, 3]);
    expect(r.output).toBe(src);
  });
  it("the callback quickstart: the prompt becomes the loopback sign-in, the user's token callback is kept", () => {
    const src = `const readline = require('readline');
const {google} = require('googleapis');

function getNewToken(oAuth2Client, callback) {
  const authUrl = oAuth2Client.generateAuthUrl({ access_type: 'offline', scope: SCOPES });
  console.log('Authorize this app by visiting this url:', authUrl);
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  rl.question('Enter the code from that page here: ', (code) => {
    rl.close();
    oAuth2Client.getToken(code, (err, token) => {
      if (err) return console.error(err);
      callback(token);
    });
  });
}
`;
    const r = withRule(jsOobCodePrompt, src, "javascript");
    expect(r.findings).toMatchObject([{ line: 8, fixed: true }]);
    expect(r.output).toContain("async function loopbackGetToken(client, authUrlOptions) {");
    expect(r.output).not.toContain("readline");
    expect(r.output).toContain(`function getNewToken(oAuth2Client, callback) {
  const onToken = (err, token) => {
    if (err) return console.error(err);
    callback(token);
  };
  loopbackGetToken(oAuth2Client, { access_type: 'offline', scope: SCOPES }).then(({ tokens }) => onToken(null, tokens), (err) => onToken(err));
}
`);
    // The readline require goes; the helper follows the file's last require.
    expect(r.output.startsWith("const {google} = require('googleapis');\n\n/** Signs in")).toBe(true);
    expect(r.output).toContain("  return response;\n}\n\nfunction getNewToken(oAuth2Client, callback) {\n");
  });

  it("the callback shape with anything else in the prompt callback is explained, not rewritten", () => {
    const src = `const readline = require('readline');
const url = c.generateAuthUrl({ scope: S });
rl = readline.createInterface({});
rl.question('Code: ', (code) => { rl.close(); save(code); c.getToken(code, cb); });
`;
    const r = withRule(jsOobCodePrompt, src, "javascript");
    expect(r.findings).toMatchObject([{ fixed: false }]);
    expect(r.output).toBe(src);
  });

  it("a readline prompt in a program without OAuth is not a finding", () => {
    expect(
      withRule(jsOobCodePrompt, "rl.question('Name? ', (n) => console.log(n));\n", "javascript").findings,
    ).toEqual([]);
  });
});
