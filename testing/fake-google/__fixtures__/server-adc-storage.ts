// Reference snippet (hand-written, NOT generated): Application Default Credentials (google.auth.GoogleAuth), then
// Cloud Storage buckets.list. The same code runs with an authorized_user or service_account file in
// GOOGLE_APPLICATION_CREDENTIALS, or on Google Cloud (the metadata server). Used only to prove the fake Google.
import { google } from "googleapis";

const auth = new google.auth.GoogleAuth({ scopes: ["https://www.googleapis.com/auth/cloud-platform"] });
const project = await auth.getProjectId().catch(() => undefined);
const storage = google.storage({ version: "v1", auth });
const res = await storage.buckets.list({ project: project ?? "fake-project" });
console.log(JSON.stringify({ project, response: res.data }));
