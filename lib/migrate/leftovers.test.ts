import { describe, expect, it } from "vitest";

import { migrate } from "./migrate";

const OOB_FLOW = `import json  # the user's own, unused: kept
from httplib2 import Http
from google_auth_oauthlib.flow import Flow

OOB = "urn:ietf:wg:oauth:2.0:oob"


def main():
    flow = Flow.from_client_secrets_file("client_secret.json", scopes=SCOPES, redirect_uri=OOB)
    url, _ = flow.authorization_url(prompt="consent")
    print(url)
    code = input("Code: ")
    flow.fetch_token(code=code)
    return flow.credentials
`;

describe("leftovers of a rewrite (Python)", () => {
  it("the OOB constant and the imports the fix left unused go; the user's own unused import stays", () => {
    const { output } = migrate(OOB_FLOW, { language: "python" });
    expect(output).not.toContain("OOB");
    expect(output).not.toMatch(/^from google_auth_oauthlib\.flow import Flow$/m);
    expect(output).toContain("import json  # the user's own, unused: kept\n");
    // Http was never used: not a leftover of the rewrite.
    expect(output).toContain("from httplib2 import Http\n");
    expect(output).toContain("from google_auth_oauthlib.flow import InstalledAppFlow\n");
  });

  it("a constant or an import still read somewhere is kept", () => {
    const src = OOB_FLOW.replace(
      "    return flow.credentials",
      "    print(OOB, Flow)\n    return flow.credentials",
    );
    const { output } = migrate(src, { language: "python" });
    expect(output).toContain('OOB = "urn:ietf:wg:oauth:2.0:oob"\n');
    expect(output).toContain("from google_auth_oauthlib.flow import Flow\n");
  });

  it("a parameter spelled like the import counts as a read (not provably unused)", () => {
    const src = `${OOB_FLOW}\n\ndef other(Flow):\n    return Flow\n`;
    expect(migrate(src, { language: "python" }).output).toContain(
      "from google_auth_oauthlib.flow import Flow\n",
    );
  });

  it("an import the added helper reads is kept, though the fix took away its other uses", () => {
    // The headless helper reads urllib.parse; the file's own import of it (used only by the removed steps) stays.
    const src = OOB_FLOW.replace("import json", "import urllib.parse\nimport json").replace(
      "    print(url)",
      "    print(urllib.parse.unquote(url))",
    );
    const { output } = migrate(src, { language: "python", headless: true });
    expect(output).toContain("def sign_in_without_browser(flow):");
    expect(output.match(/^import urllib\.parse$/gm)).toHaveLength(1);
  });

  it("nothing to fix: nothing is removed", () => {
    const src = "import os\nOOB = 'urn:ietf:wg:oauth:2.0:oob'\n";
    expect(migrate(src, { language: "python" }).output).toBe(src);
  });
});
