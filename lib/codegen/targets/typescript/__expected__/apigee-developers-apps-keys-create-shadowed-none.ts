// apigee.organizations.developers.apps.keys.create: POST https://apigee.googleapis.com/v1/{+parent}/keys
// Creates a custom consumer key and secret for a developer app.
//
// Install: npm install googleapis@^188 && npm install --save-dev tsx
// Save as snippet.mts (or set "type": "module" in package.json), then run: npx tsx snippet.mts
// No credentials: this request is sent without authorization.
// googleapis 188 has no apigee v1: the client is built at run time from the
//   API's Discovery document (google.discoverAPI), so the call below is not type-checked.

import { google } from 'googleapis';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const apigee: any = await google.discoverAPI('https://apigee.googleapis.com/$discovery/rest?version=v1');

const res = await apigee.organizations.developers.apps.keys.create({
  parent: 'organizations/my-org/developers/dev@example.com/apps/my-app',
  requestBody: {
    consumerKey: 'key-1',
    consumerSecret: 'secret-1',
  },
});
console.log(JSON.stringify(res.data, null, 2));
