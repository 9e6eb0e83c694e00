import { describe, expect, it } from "vitest";

import { hasSyntaxErrors, parseSource } from "../syntax";
import { withRule } from "../testing";
import { pyOauth2client } from "./py-oauth2client";

const QUICKSTART = `from googleapiclient.discovery import build
from httplib2 import Http
from oauth2client import file, client, tools

SCOPES = 'https://www.googleapis.com/auth/drive.readonly'

def main():
    store = file.Storage('token.json')
    creds = store.get()
    if not creds or creds.invalid:
        flow = client.flow_from_clientsecrets('credentials.json', SCOPES)
        creds = tools.run_flow(flow, store)
    service = build('drive', 'v3', http=creds.authorize(Http()))
    print(service.files().list().execute())
`;

describe("py-oauth2client", () => {
  it("rewrites the quickstart to InstalledAppFlow + a token file, keeping the rest", () => {
    const r = withRule(pyOauth2client, QUICKSTART);
    expect(r.findings).toMatchObject([{ ruleId: "py-oauth2client", line: 3, fixed: true }]);
    expect(r.output).not.toMatch(/oauth2client import|tools\.|file\.Storage|authorize\(/);
    expect(r.output).toContain("from google_auth_oauthlib.flow import InstalledAppFlow");
    expect(r.output).toContain("    creds = None\n");
    expect(r.output).toContain(
      "        creds = Credentials.from_authorized_user_file('token.json', SCOPES)\n",
    );
    expect(r.output).toContain("InstalledAppFlow.from_client_secrets_file('credentials.json', SCOPES)");
    expect(r.output).toContain("service = build('drive', 'v3', credentials=creds)\n");
    expect(r.output).toContain("    print(service.files().list().execute())\n");
    expect(hasSyntaxErrors(parseSource(r.output, "python"))).toBe(false);
  });

  it("changes nothing at all (no half-applied edit) when oauth2client is used beyond the quickstart shape", () => {
    const src = QUICKSTART.replace("def main():", "flags = tools.argparser.parse_args([])\n\ndef main():");
    const r = withRule(pyOauth2client, src);
    expect(r.output).toBe(src);
    expect(r.findings[0]).toMatchObject({ fixed: false });
    expect(r.findings[0]?.manual).toMatch(/run_local_server\(port=0\)/);
  });

  it("service accounts through oauth2client are explained, not rewritten", () => {
    const src = "from oauth2client.service_account import ServiceAccountCredentials\n";
    const r = withRule(pyOauth2client, src);
    expect(r.findings).toHaveLength(1);
    expect(r.output).toBe(src);
  });

  it("no finding when oauth2client is only mentioned", () => {
    const src = '# migrated from oauth2client\nprint("oauth2client is gone")\n';
    expect(withRule(pyOauth2client, src).findings).toEqual([]);
  });
});
