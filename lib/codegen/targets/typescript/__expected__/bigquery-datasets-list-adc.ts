// bigquery.datasets.list: GET https://bigquery.googleapis.com/bigquery/v2/projects/{+projectId}/datasets
// Lists all datasets in the specified project to which the user has been granted the READER dataset role.
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
  'https://www.googleapis.com/auth/cloud-platform',
];

// Application Default Credentials (see the header), with SCOPES.
const auth = new google.auth.GoogleAuth({ scopes: SCOPES });
const bigquery = google.bigquery({ version: 'v2', auth });

const res = await bigquery.datasets.list({
  projectId: 'my-project',
  maxResults: 10,
});
console.log(JSON.stringify(res.data, null, 2));
