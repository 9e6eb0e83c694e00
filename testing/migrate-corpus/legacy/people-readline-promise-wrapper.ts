import readline from 'node:readline';
import { readFileSync } from 'node:fs';

import { google } from 'googleapis';
import type { Auth } from 'googleapis';

const keys = JSON.parse(readFileSync('credentials.json', 'utf8')).installed;
const oauth2Client = new google.auth.OAuth2({
  clientId: keys.client_id,
  clientSecret: keys.client_secret,
  redirectUri: 'urn:ietf:wg:oauth:2.0:oob',
});

async function authorize(client: Auth.OAuth2Client): Promise<void> {
  const authorizeUrl = client.generateAuthUrl({
    access_type: 'offline',
    scope: ['https://www.googleapis.com/auth/contacts.readonly'],
  });
  console.log('Authorize this app by visiting this url:', authorizeUrl);
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const code = await new Promise<string>((resolve) =>
    rl.question('Enter the code from that page here: ', (answer) => resolve(answer.trim())),
  );
  rl.close();
  client.setCredentials((await client.getToken(code)).tokens);
}

async function main(): Promise<void> {
  await authorize(oauth2Client);
  const people = google.people({ version: 'v1', auth: oauth2Client });
  const res = await people.people.connections.list({
    resourceName: 'people/me',
    pageSize: 10,
    personFields: 'names,emailAddresses',
  });
  for (const person of res.data.connections ?? []) console.log(person.names?.[0]?.displayName);
}

void main();
