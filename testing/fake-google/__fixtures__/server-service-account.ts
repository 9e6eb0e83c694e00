// Reference snippet (hand-written, NOT generated): a service-account key file named by
// GOOGLE_APPLICATION_CREDENTIALS, optionally with domain-wide delegation (DELEGATED_USER), then Admin SDK
// users.list.
import { google } from "googleapis";

const auth = new google.auth.GoogleAuth({
  keyFile: process.env.GOOGLE_APPLICATION_CREDENTIALS,
  scopes: ["https://www.googleapis.com/auth/admin.directory.user.readonly"],
  clientOptions: process.env.DELEGATED_USER ? { subject: process.env.DELEGATED_USER } : {},
});
const admin = google.admin({ version: "directory_v1", auth });
const res = await admin.users.list({ customer: "my_customer", maxResults: 2 });
console.log(JSON.stringify(res.data));
