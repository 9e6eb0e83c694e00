// drive.files.create: POST https://www.googleapis.com/drive/v3/files
// Creates a file.
//
// Install: npm install googleapis@^188 && npm install --save-dev tsx
// Save as snippet.mts (or set "type": "module" in package.json), then run: npx tsx snippet.mts
// credentials.json: an OAuth client ID of type "Desktop app", created and downloaded in the Google
//   Cloud console under APIs & Services → Credentials → Create credentials → OAuth client ID.
//   Keep it next to this file. No browser on this machine: the snippet prints a sign-in URL; open it on
//   any device and sign in. The browser then fails to load a page on
//   http://localhost:8080/?code=…&state=… — copy that whole address from its address bar and
//   paste it here. The snippet checks the state and exchanges the code with its PKCE (S256) verifier.
// Alternative: ssh -L 8080:localhost:8080 <this machine> from a machine with a browser,
//   then run the loopback-flow snippet here with server.listen(8080, …).

import { randomBytes } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

import { Auth, google } from 'googleapis';

const SCOPES = [
  'https://www.googleapis.com/auth/drive.file',
];

// The sign-in returns here; nothing listens on it (see the header).
const REDIRECT_URI = 'http://localhost:8080/';

/** Prints `prompt` and reads one line from the terminal; null when the input ends first. */
async function readLine(prompt: string): Promise<string | null> {
  process.stdout.write(prompt);
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) return line;
  return null;
}

/** Signs in on another device (PKCE + state, pasted address) and returns an authorized client. */
async function authorize(): Promise<Auth.OAuth2Client> {
  type ClientKeys = { client_id: string; client_secret: string };
  const file = JSON.parse(readFileSync('credentials.json', 'utf8')) as { installed?: ClientKeys; web?: ClientKeys };
  const keys = file.installed ?? file.web;
  if (!keys) throw new Error('credentials.json is not an OAuth client ID file (no "installed" or "web" key).');
  const client = new google.auth.OAuth2({ clientId: keys.client_id, clientSecret: keys.client_secret });

  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const state = randomBytes(32).toString('hex');
  const authUrl = client.generateAuthUrl({
    access_type: 'offline',
    scope: SCOPES,
    redirect_uri: REDIRECT_URI,
    state,
    code_challenge: codeChallenge,
    code_challenge_method: Auth.CodeChallengeMethod.S256,
  });
  console.log(`Open this URL in a browser on any device and sign in:\n${authUrl}\n`);
  console.log(`The browser then fails to load a page on ${REDIRECT_URI}.`);
  const pasted = await readLine('Copy the whole address from its address bar and paste it here: ');
  if (pasted === null) throw new Error('Sign-in cancelled: no address was pasted.');
  let returned = new URLSearchParams();
  try {
    returned = new URL(pasted.trim()).searchParams;
  } catch {
    // not an address: refused below, as it has no state
  }
  if (returned.get('state') !== state) {
    throw new Error('Sign-in refused: the state in the pasted address does not match this sign-in. Paste the address that the URL printed by this run led to.');
  }
  const error = returned.get('error');
  if (error !== null) throw new Error(`Sign-in failed: ${error}`);
  const code = returned.get('code');
  if (!code) throw new Error('Sign-in failed: the pasted address has no code.');

  const { tokens } = await client.getToken({ code, codeVerifier, redirect_uri: REDIRECT_URI });
  client.setCredentials(tokens);
  return client;
}

const auth = await authorize();
const drive = google.drive({ version: 'v3', auth });

const res = await drive.files.create({
  supportsAllDrives: true,
  fields: 'id,name,mimeType',
  requestBody: {
    name: 'Notes.txt',
    mimeType: 'text/plain',
    parents: [
      'root',
    ],
  },
  media: {
    mimeType: 'text/plain',
    body: createReadStream('notes.txt'),
  },
});
console.log(JSON.stringify(res.data, null, 2));
