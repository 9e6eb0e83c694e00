// directory.users.list: GET https://admin.googleapis.com/admin/directory/v1/users
// Retrieves a paginated list of either deleted users or all users in a domain.
//
// Install: npm install googleapis@^188 && npm install --save-dev tsx
// Save as snippet.mts (or set "type": "module" in package.json), then run: npx tsx snippet.mts
// Credentials: a service-account key (JSON). Set GOOGLE_APPLICATION_CREDENTIALS to the key file's path
//   (Google Cloud console → IAM & Admin → Service accounts → Keys → Add key → JSON).
// Warning: a key is a long-lived secret: whoever has the file acts as the service account. Prefer
//   impersonation or Application Default Credentials (the attached service account on Google Cloud);
//   keep the key out of version control and rotate it.
// Domain-wide delegation: the code acts as SUBJECT. A Workspace super admin must allow the service
//   account's client ID for these scopes (Admin console → Security → API controls → Domain-wide
//   delegation).

import { google } from 'googleapis';

const SCOPES = [
  'https://www.googleapis.com/auth/admin.directory.user.readonly',
];
// Domain-wide delegation: the Workspace user the service account acts as.
const SUBJECT = 'admin@example.com';

const keyFile = process.env.GOOGLE_APPLICATION_CREDENTIALS;
if (!keyFile) {
  console.error("Set GOOGLE_APPLICATION_CREDENTIALS to the path of the service account's JSON key.");
  process.exit(1);
}
// clientOptions reach the JWT client made from the key: it asks for a token for SUBJECT.
const auth = new google.auth.GoogleAuth({
  keyFile,
  scopes: SCOPES,
  clientOptions: { subject: SUBJECT },
});
const admin = google.admin({ version: 'directory_v1', auth });

const res = await admin.users.list({
  customer: 'my_customer',
  maxResults: 50,
  orderBy: 'email',
});
console.log(JSON.stringify(res.data, null, 2));
