// dfareporting.videoFormats.get: GET https://dfareporting.googleapis.com/dfareporting/v4/userprofiles/{+profileId}/videoFormats/{+id}
// Gets one video format by ID.
//
// Install: npm install googleapis@^188 && npm install --save-dev tsx
// Save as snippet.mts (or set "type": "module" in package.json), then run: npx tsx snippet.mts
// credentials.json: an OAuth client ID of type "Desktop app", created and downloaded in the Google
//   Cloud console under APIs & Services → Credentials → Create credentials → OAuth client ID.
//   Keep it next to this file. Sign-in opens your browser and returns to a local port (loopback flow).
// googleapis 188 has no dfareporting v4: the client is built at run time from the
//   API's Discovery document (google.discoverAPI), so the call below is not type-checked.

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Auth, google } from 'googleapis';

const SCOPES = [
  'https://www.googleapis.com/auth/dfatrafficking',
];

/** Opens `url` in a browser ($BROWSER if set). Failures are ignored: the URL is printed as well. */
function openBrowser(url: string): void {
  const [command, args]: [string, string[]] = process.env.BROWSER
    ? [process.env.BROWSER, [url]]
    : process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => {});
  child.unref();
}

/** Signs in with the loopback flow (PKCE + state) and returns an authorized client. */
async function authorize(): Promise<Auth.OAuth2Client> {
  type ClientKeys = { client_id: string; client_secret: string };
  const file = JSON.parse(readFileSync('credentials.json', 'utf8')) as { installed?: ClientKeys; web?: ClientKeys };
  const keys = file.installed ?? file.web;
  if (!keys) throw new Error('credentials.json is not an OAuth client ID file (no "installed" or "web" key).');
  const client = new google.auth.OAuth2({ clientId: keys.client_id, clientSecret: keys.client_secret });

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const state = randomBytes(32).toString('hex');
  const authUrl = client.generateAuthUrl({
    access_type: 'offline',
    scope: SCOPES,
    redirect_uri: redirectUri,
    state,
    code_challenge: codeChallenge,
    code_challenge_method: Auth.CodeChallengeMethod.S256,
  });

  const code = await new Promise<string>((resolve, reject) => {
    server.on('request', (req, res) => {
      const url = new URL(req.url ?? '/', redirectUri);
      if (url.pathname !== '/') {
        res.writeHead(404, { connection: 'close' }).end();
        return;
      }
      const returned = url.searchParams.get('code');
      const ok = returned !== null && url.searchParams.get('state') === state;
      res.writeHead(ok ? 200 : 400, { 'content-type': 'text/html; charset=utf-8', connection: 'close' });
      res.end(ok ? '<p>Signed in. You can close this tab.</p>' : '<p>Sign-in failed. You can close this tab.</p>');
      if (ok) resolve(returned);
      else reject(new Error(`Sign-in failed: ${url.searchParams.get('error') ?? 'missing code or wrong state'}`));
    });
    console.log(`Open this URL in your browser to sign in:\n${authUrl}`);
    openBrowser(authUrl);
  }).finally(() => server.close());

  const { tokens } = await client.getToken({ code, codeVerifier, redirect_uri: redirectUri });
  client.setCredentials(tokens);
  return client;
}

const auth = await authorize();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const dfareporting: any = await google.discoverAPI('https://dfareporting.googleapis.com/$discovery/rest?version=v4', { auth });

const res = await dfareporting.videoFormats.get({
  profileId: '123',
  id: 1,
});
console.log(JSON.stringify(res.data, null, 2));
