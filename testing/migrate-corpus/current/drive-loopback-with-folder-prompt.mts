// Current code: a loopback sign-in (the explorer's TS snippet shape) and a readline prompt for a folder name.
import { createInterface } from 'node:readline/promises';
import { createServer } from 'node:http';

import { google } from 'googleapis';

async function signIn(client: InstanceType<typeof google.auth.OAuth2>): Promise<void> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const redirectUri = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const authUrl = client.generateAuthUrl({ scope: ['https://www.googleapis.com/auth/drive.readonly'], redirect_uri: redirectUri });
  console.log(`Open ${authUrl}`);
  const code = await new Promise<string>((resolve) =>
    server.on('request', (req, res) => {
      res.end('ok');
      resolve(new URL(req.url ?? '/', redirectUri).searchParams.get('code') ?? '');
    }),
  );
  server.close();
  client.setCredentials((await client.getToken({ code, redirect_uri: redirectUri })).tokens);
}

async function main(): Promise<void> {
  const client = new google.auth.OAuth2({ clientId: process.env.CLIENT_ID, clientSecret: process.env.CLIENT_SECRET });
  await signIn(client);
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const folder = await rl.question('Which folder? ');
  rl.close();
  const drive = google.drive({ version: 'v3', auth: client });
  const res = await drive.files.list({ q: `'${folder}' in parents` });
  console.log(res.data.files);
}

void main();
