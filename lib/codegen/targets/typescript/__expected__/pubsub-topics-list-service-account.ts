// pubsub.projects.topics.list: GET https://pubsub.googleapis.com/v1/{+project}/topics
// Lists matching topics.
//
// Install: npm install googleapis@^188 && npm install --save-dev tsx
// Save as snippet.mts (or set "type": "module" in package.json), then run: npx tsx snippet.mts
// Credentials: a service-account key (JSON). Set GOOGLE_APPLICATION_CREDENTIALS to the key file's path
//   (Google Cloud console → IAM & Admin → Service accounts → Keys → Add key → JSON).
// Warning: a key is a long-lived secret: whoever has the file acts as the service account. Prefer
//   impersonation or Application Default Credentials (the attached service account on Google Cloud);
//   keep the key out of version control and rotate it.

import { google } from 'googleapis';

const SCOPES = [
  'https://www.googleapis.com/auth/pubsub',
];

const keyFile = process.env.GOOGLE_APPLICATION_CREDENTIALS;
if (!keyFile) {
  console.error("Set GOOGLE_APPLICATION_CREDENTIALS to the path of the service account's JSON key.");
  process.exit(1);
}
const auth = new google.auth.GoogleAuth({ keyFile, scopes: SCOPES });
const pubsub = google.pubsub({ version: 'v1', auth });

const res = await pubsub.projects.topics.list({
  project: 'projects/my-project',
});
console.log(JSON.stringify(res.data, null, 2));
