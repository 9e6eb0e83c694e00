// zoo.zoos.animals.list: GET https://zoo.googleapis.com/zoo/v1/v1/{+parent}/animals
// Lists animals.
//
// Install: npm install googleapis@^188 && npm install --save-dev tsx
// Save as snippet.mts (or set "type": "module" in package.json), then run: npx tsx snippet.mts
// Set GOOGLE_API_KEY to an API key (Google Cloud console → APIs & Services → Credentials).
// googleapis 188 has no zoo v1: the client is built at run time from the
//   API's Discovery document (google.discoverAPI), so the call below is not type-checked.

import { google } from 'googleapis';

const apiKey = process.env.GOOGLE_API_KEY;
if (!apiKey) {
  console.error('Set the GOOGLE_API_KEY environment variable to your API key.');
  process.exit(1);
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const zoo: any = await google.discoverAPI('https://zoo.googleapis.com/$discovery/rest?version=v1', { auth: apiKey });

let pageToken: string | undefined;
do {
  const res = await zoo.zoos.animals.list({
    parent: 'zoos/lagos',
    pageSize: 100,
    pageToken,
  });
  console.log(JSON.stringify(res.data, null, 2));
  pageToken = res.data.nextPageToken ?? undefined;
} while (pageToken);
