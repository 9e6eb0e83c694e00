// zoo.zoos.getIamPolicy: GET https://zoo.googleapis.com/zoo/v1/v1/{+resource}:getIamPolicy
// Gets the access control policy; `resource` is a real parameter name here.
//
// Install: npm install googleapis@^188 && npm install --save-dev tsx
// Save as snippet.mts (or set "type": "module" in package.json), then run: npx tsx snippet.mts
// No credentials: this request is sent without authorization.
// googleapis 188 has no zoo v1: the client is built at run time from the
//   API's Discovery document (google.discoverAPI), so the call below is not type-checked.

import { google } from 'googleapis';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const zoo: any = await google.discoverAPI('https://zoo.googleapis.com/$discovery/rest?version=v1');

const res = await zoo.zoos.getIamPolicy({
  resource: 'zoos/a:b c',
  'options.requestedPolicyVersion': 3,
});
console.log(JSON.stringify(res.data, null, 2));
