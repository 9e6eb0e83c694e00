// storage.objects.list: GET https://storage.googleapis.com/storage/v1/b/{bucket}/o
// Retrieves a list of objects matching the criteria.
//
// Install: npm install googleapis@^188 && npm install --save-dev tsx
// Save as snippet.mts (or set "type": "module" in package.json), then run: npx tsx snippet.mts
// Credentials: Application Default Credentials, found by google.auth.GoogleAuth:
//   - on a workstation: gcloud auth application-default login (once);
//   - on Google Cloud (Compute Engine, Cloud Run, GKE, Cloud Functions): the attached service account;
//   - elsewhere (CI, another cloud): GOOGLE_APPLICATION_CREDENTIALS=<path of a credentials file>.
//   No key or path in this code.
// With your own user credentials, set the quota project the API bills: gcloud auth application-default
//   set-quota-project PROJECT_ID, or GOOGLE_CLOUD_QUOTA_PROJECT=PROJECT_ID.

import { google } from 'googleapis';

const SCOPES = [
  'https://www.googleapis.com/auth/devstorage.read_only',
];

// Application Default Credentials (see the header), with SCOPES.
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
const storage = google.storage({ version: 'v1', auth });

let pageToken: string | undefined;
do {
  const res = await storage.objects.list({
    bucket: 'my-bucket',
    prefix: 'logs/',
    pageToken,
  });
  console.log(JSON.stringify(res.data, null, 2));
  pageToken = res.data.nextPageToken ?? undefined;
} while (pageToken);
