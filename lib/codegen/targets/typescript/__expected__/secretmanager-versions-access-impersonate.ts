// secretmanager.projects.secrets.versions.access: GET https://secretmanager.googleapis.com/v1/{+name}:access
// Accesses a SecretVersion.
//
// Install: npm install googleapis@^188 && npm install --save-dev tsx
// Save as snippet.mts (or set "type": "module" in package.json), then run: npx tsx snippet.mts
// Credentials: your Application Default Credentials (found by google.auth.GoogleAuth: gcloud auth
//   application-default login on a workstation, the attached service account on Google Cloud), used to
//   impersonate TARGET_SERVICE_ACCOUNT through the IAM Credentials API (generateAccessToken). No key.
//   Your identity needs roles/iam.serviceAccountTokenCreator on that service account, and the IAM
//   Service Account Credentials API must be enabled in its project.

import { Auth, google } from 'googleapis';

const SCOPES = [
  'https://www.googleapis.com/auth/cloud-platform',
];
// The service account whose access token the call carries.
const TARGET_SERVICE_ACCOUNT = 'secret-reader@my-project.iam.gserviceaccount.com';

// Your Application Default Credentials, impersonating TARGET_SERVICE_ACCOUNT.
const source = await new google.auth.GoogleAuth({
  scopes: ['https://www.googleapis.com/auth/cloud-platform'],
}).getClient();
const auth = new Auth.Impersonated({
  sourceClient: source,
  targetPrincipal: TARGET_SERVICE_ACCOUNT,
  targetScopes: SCOPES,
  lifetime: 3600,
});
const secretmanager = google.secretmanager({ version: 'v1', auth });

const res = await secretmanager.projects.secrets.versions.access({
  name: 'projects/my-project/secrets/db-password/versions/latest',
});
console.log(JSON.stringify(res.data, null, 2));
