// The credential FILES and environment a server-side snippet gets, made per run for a started fake Google:
// a service-account key (a fresh RSA key pair; the fake learns the public half), an authorized_user ADC file (a
// refresh token the fake accepts), and the environment that points ADC at the fake metadata server.
// File shapes follow what the libraries parse: google/auth/_service_account_info.py, google/auth/_default.py,
// google-auth-library's GoogleAuth.fromJSON.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import type { FakeGoogle } from "./types";

export const TOKEN_URI = "https://oauth2.googleapis.com/token";

export interface ServiceAccountKey {
  email: string;
  keyId: string;
  /** The key file's text, as the Cloud console downloads it. */
  json: string;
  privateKeyPem: string;
  publicKeyPem: string;
}

/** An RSA key pair (2048 bits, as Google issues) in a service-account key file; only the public half is registered. */
export function newServiceAccountKey(
  fake: Pick<FakeGoogle, "addServiceAccount"> | undefined,
  opts: { email?: string; projectId?: string; register?: boolean } = {},
): ServiceAccountKey {
  const projectId = opts.projectId ?? "fake-project";
  const email = opts.email ?? `snippet-runner@${projectId}.iam.gserviceaccount.com`;
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  const keyId = randomBytes(20).toString("hex");
  if (opts.register !== false) fake?.addServiceAccount({ email, keyId, publicKeyPem });
  const json = JSON.stringify(
    {
      type: "service_account",
      project_id: projectId,
      private_key_id: keyId,
      private_key: privateKeyPem,
      client_email: email,
      client_id: "100000000000000000001",
      auth_uri: "https://accounts.google.com/o/oauth2/auth",
      token_uri: TOKEN_URI,
      auth_provider_x509_cert_url: "https://www.googleapis.com/oauth2/v1/certs",
      client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(email)}`,
      universe_domain: "googleapis.com",
    },
    null,
    2,
  );
  return { email, keyId, json, privateKeyPem, publicKeyPem };
}

/**
 * An authorized_user ADC file as `gcloud auth application-default login` writes it, for the fake's OAuth client,
 * with a refresh token the fake accepts (scope: cloud-platform unless given).
 */
export function authorizedUserJson(
  fake: Pick<FakeGoogle, "clientId" | "clientSecret" | "addUserRefreshToken">,
  opts: { scope?: string; quotaProjectId?: string } = {},
): { json: string; refreshToken: string } {
  const refreshToken = fake.addUserRefreshToken({ scope: opts.scope });
  const file: Record<string, string> = {
    account: "",
    client_id: fake.clientId,
    client_secret: fake.clientSecret,
    refresh_token: refreshToken,
    type: "authorized_user",
    universe_domain: "googleapis.com",
  };
  if (opts.quotaProjectId) file.quota_project_id = opts.quotaProjectId;
  return { json: JSON.stringify(file, null, 2), refreshToken };
}

/**
 * Environment for the "on Google Cloud" path: ADC finds no file and asks the metadata server. Python reads
 * GCE_METADATA_HOST (requests) and GCE_METADATA_IP (its ping); gcp-metadata prefers GCE_METADATA_IP. Undoes
 * buildSnippetEnv's "never probe" defaults: NO_GCE_CHECK must not be "True" (python), METADATA_SERVER_DETECTION
 * must not be "none" (node; "ping-only" skips its BIOS probe, which would read this machine's DMI).
 */
export function metadataServerEnv(fake: Pick<FakeGoogle, "metadataHost">): Record<string, string> {
  if (!fake.metadataHost) throw new Error("start the fake with { metadataServer: true }");
  return {
    GCE_METADATA_HOST: fake.metadataHost,
    GCE_METADATA_IP: fake.metadataHost,
    NO_GCE_CHECK: "False",
    METADATA_SERVER_DETECTION: "ping-only",
  };
}
