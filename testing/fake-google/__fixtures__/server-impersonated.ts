// Reference snippet (hand-written, NOT generated): ADC as the source, impersonating TARGET_SERVICE_ACCOUNT through
// IAM Credentials generateAccessToken (googleapis' own google-auth-library: Auth.Impersonated), then Cloud Storage buckets.list.
import { Auth, google } from "googleapis";

const source = await new google.auth.GoogleAuth({
  scopes: ["https://www.googleapis.com/auth/cloud-platform"],
}).getClient();
const auth = new Auth.Impersonated({
  sourceClient: source,
  targetPrincipal: process.env.TARGET_SERVICE_ACCOUNT ?? "",
  targetScopes: ["https://www.googleapis.com/auth/devstorage.read_only"],
  lifetime: 600,
});
const storage = google.storage({ version: "v1", auth });
const res = await storage.buckets.list({ project: "fake-project" });
console.log(JSON.stringify(res.data));
