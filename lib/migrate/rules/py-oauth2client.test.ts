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

const FLAGS = `import argparse
import httplib2

from apiclient import discovery
from oauth2client import client
from oauth2client import tools
from oauth2client.file import Storage

flags = argparse.ArgumentParser(parents=[tools.argparser]).parse_args()
parser = argparse.ArgumentParser(parents=[tools.argparser, base])


def get_credentials():
    store = Storage(credential_path)
    credentials = store.get()
    if not credentials or credentials.invalid:
        flow = client.flow_from_clientsecrets(CLIENT_SECRET_FILE, SCOPES)
        flow.user_agent = APPLICATION_NAME
        if flags:
            credentials = tools.run_flow(flow, store, flags)
        else: # Needed only for compatibility with Python 2.6
            credentials = tools.run(flow, store)
        print('Storing credentials to ' + credential_path)
    return credentials


def main():
    credentials = get_credentials()
    http = credentials.authorize(httplib2.Http())
    service = discovery.build('calendar', 'v3', http=http)
`;

const WEB_FLOW = `import httplib2
from oauth2client.client import OAuth2WebServerFlow

flow = OAuth2WebServerFlow(client_id=CLIENT_ID, client_secret=CLIENT_SECRET,
                           scope=OAUTH_SCOPE, redirect_uri=REDIRECT_URI)
authorize_url = flow.step1_get_authorize_url()
print('Go to the following link in your browser: ' + authorize_url)
code = input('Enter verification code: ').strip()
credentials = flow.step2_exchange(code)

http = httplib2.Http()
http = credentials.authorize(http)
drive_service = build('drive', 'v2', http=http)
`;

describe("py-oauth2client beyond the quickstart shape", () => {
  it("file.Storage under another name, run_flow with flags (and tools.run), user_agent, argparser parents, http = authorize(...)", () => {
    const r = withRule(pyOauth2client, FLAGS);
    expect(r.findings).toMatchObject([{ line: 5, fixed: true }]);
    expect(r.output).not.toMatch(
      /import oauth2client|oauth2client import|tools\.|Storage\(|authorize\(|user_agent|run_flow|httplib2/,
    );
    expect(r.output).toContain("flags = argparse.ArgumentParser().parse_args()\n");
    expect(r.output).toContain("parser = argparse.ArgumentParser(parents=[base])\n");
    expect(r.output).toContain(
      "        credentials = Credentials.from_authorized_user_file(credential_path, SCOPES)\n",
    );
    // The user's own line in the sign-in block is kept, at the end of the new one.
    expect(r.output).toContain(
      "            token_file.write(credentials.to_json())\n        print('Storing credentials to ' + credential_path)\n    return credentials\n",
    );
    expect(r.output).toContain(
      "    credentials = get_credentials()\n    service = discovery.build('calendar', 'v3', credentials=credentials)\n",
    );
    expect(hasSyntaxErrors(parseSource(r.output, "python"))).toBe(false);
  });

  it("OAuth2WebServerFlow + step1/step2 → InstalledAppFlow.from_client_config + run_local_server; http = Http(); authorize(http) goes", () => {
    const r = withRule(pyOauth2client, WEB_FLOW);
    expect(r.findings).toMatchObject([{ line: 2, fixed: true }]);
    // import httplib2 is left unused: it goes (lib/migrate/leftovers.ts).
    expect(r.output).toBe(`from google_auth_oauthlib.flow import InstalledAppFlow

flow = InstalledAppFlow.from_client_config(
    {"installed": {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "auth_uri": "https://accounts.google.com/o/oauth2/auth", "token_uri": "https://oauth2.googleapis.com/token"}},
    scopes=OAUTH_SCOPE,
)
credentials = flow.run_local_server(port=0)

drive_service = build('drive', 'v2', credentials=credentials)
`);
  });

  it("headless: both shapes sign in with the no-browser helper", () => {
    for (const src of [WEB_FLOW, FLAGS]) {
      const r = withRule(pyOauth2client, src, "python", true);
      expect(r.findings[0]?.fixed).toBe(true);
      expect(r.output).toContain("credentials = sign_in_without_browser(flow)\n");
      expect(r.output).toContain("def sign_in_without_browser(flow):");
    }
  });

  it("the authorized http used for anything else, or a step between the steps: nothing changes", () => {
    for (const src of [
      WEB_FLOW.replace("drive_service =", "http.request('https://example.com')\ndrive_service ="),
      WEB_FLOW.replace(
        "credentials = flow.step2_exchange(code)",
        "log(code)\ncredentials = flow.step2_exchange(code)",
      ),
      FLAGS.replace("print('Storing", "store.locked_put(x)\n        print('Storing"),
    ]) {
      const r = withRule(pyOauth2client, src);
      expect(r.output).toBe(src);
      expect(r.findings.every((f) => !f.fixed)).toBe(true);
    }
  });
});
