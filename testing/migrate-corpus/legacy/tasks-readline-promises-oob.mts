// Lists task lists. Copy-the-code sign-in from the 2021 internal wiki.
import * as readline from 'node:readline/promises';
import { stdin as input, stdout as output } from 'node:process';
import { readFile } from 'node:fs/promises';

import { google } from 'googleapis';

const OOB_REDIRECT = 'urn:ietf:wg:oauth:2.0:oob';

async function main(): Promise<void> {
  const { installed } = JSON.parse(await readFile('credentials.json', 'utf8'));
  const client = new google.auth.OAuth2(installed.client_id, installed.client_secret, OOB_REDIRECT);
  const authUrl = client.generateAuthUrl({
    access_type: 'offline',
    scope: ['https://www.googleapis.com/auth/tasks.readonly'],
  });
  console.log(`Authorize this app by visiting: ${authUrl}`);
  const rl = readline.createInterface({ input, output });
  const code = await rl.question('Enter the code from that page here: ');
  rl.close();
  const { tokens } = await client.getToken(code);
  client.setCredentials(tokens);

  const tasks = google.tasks({ version: 'v1', auth: client });
  const res = await tasks.tasklists.list({ maxResults: 10 });
  for (const list of res.data.items ?? []) console.log(list.title);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
