import { describe, expect, it } from "vitest";

import { withRule } from "../testing";
import { pyOobRedirect } from "./py-oob-redirect";

const STEPS = `auth_url, _ = flow.authorization_url(prompt="consent")
print("Go to", auth_url)
code = input("Code: ")
flow.fetch_token(code=code)
creds = flow.credentials
`;

describe("py-oob-redirect", () => {
  it("the copy-the-code steps become run_local_server and the redirect_uri goes", () => {
    const src = `flow = InstalledAppFlow.from_client_secrets_file("c.json", SCOPES, redirect_uri="urn:ietf:wg:oauth:2.0:oob")\n${STEPS}`;
    const r = withRule(pyOobRedirect, src);
    expect(r.output).toBe(
      `flow = InstalledAppFlow.from_client_secrets_file("c.json", SCOPES)\nflow.run_local_server(port=0)\ncreds = flow.credentials\n`,
    );
  });

  it("follows the URI through a variable (OOB = ... used as redirect_uri=OOB)", () => {
    const src = `OOB = "urn:ietf:wg:oauth:2.0:oob"\nflow = InstalledAppFlow.from_client_secrets_file("c.json", SCOPES, redirect_uri=OOB)\n${STEPS}`;
    const r = withRule(pyOobRedirect, src);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ line: 2, fixed: true });
    expect(r.output).toContain('from_client_secrets_file("c.json", SCOPES)\nflow.run_local_server(port=0)\n');
  });

  it("flow.redirect_uri = OOB statement is removed; Flow becomes InstalledAppFlow", () => {
    const src = `from google_auth_oauthlib.flow import Flow\nflow = Flow.from_client_secrets_file("c.json", SCOPES)\nflow.redirect_uri = "urn:ietf:wg:oauth:2.0:oob"\n${STEPS}`;
    const r = withRule(pyOobRedirect, src);
    expect(r.output).toBe(
      // The Flow import is left unused: it goes.
      `from google_auth_oauthlib.flow import InstalledAppFlow\nflow = InstalledAppFlow.from_client_secrets_file("c.json", SCOPES)\nflow.run_local_server(port=0)\ncreds = flow.credentials\n`,
    );
  });

  it("headless: the steps become the no-browser sign-in", () => {
    const src = `flow = InstalledAppFlow.from_client_secrets_file("c.json", SCOPES, redirect_uri="urn:ietf:wg:oauth:2.0:oob")\n${STEPS}`;
    expect(withRule(pyOobRedirect, src, "python", true).output).toContain(
      "\nsign_in_without_browser(flow)\n",
    );
  });

  it("explains and changes nothing when the steps are not recognisable", () => {
    const src = `flow = InstalledAppFlow.from_client_secrets_file("c.json", SCOPES, redirect_uri="urn:ietf:wg:oauth:2.0:oob")\ndo_my_own_thing(flow)\n`;
    const r = withRule(pyOobRedirect, src);
    expect(r.output).toBe(src);
    expect(r.findings[0]).toMatchObject({ fixed: false });
    expect(r.findings[0]?.manual).toMatch(/copy-the-code/);
  });

  it("no finding for the URI in a comment or in an unrelated string", () => {
    const src = `# redirect_uri="urn:ietf:wg:oauth:2.0:oob" is blocked\nhelp = "do not use urn:ietf:wg:oauth:2.0:oob"\n`;
    expect(withRule(pyOobRedirect, src).findings).toEqual([]);
  });
});
