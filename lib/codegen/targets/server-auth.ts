/**
 * Header text shared by the Python and TypeScript targets for the server auth kinds (adc, serviceAccount,
 * impersonate: lib/request/auth-kinds.ts). Fixed text only: no request value enters a comment. Pure.
 *
 * @see https://cloud.google.com/docs/authentication/application-default-credentials (the search order)
 * @see https://cloud.google.com/docs/authentication/troubleshoot-adc#user-creds-client-based (quota project)
 * @see https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys (key risk)
 * @see https://cloud.google.com/iam/docs/create-short-lived-credentials-direct (impersonation)
 */

type Push = (line: string) => void;
type Comment = "#" | "//";

/** The scope the source credentials of an impersonation need to call the IAM Credentials API. */
export const SOURCE_SCOPE = "https://www.googleapis.com/auth/cloud-platform";

export function pushAdcHeader(push: Push, c: Comment, finder: string): void {
  push(`${c} Credentials: Application Default Credentials, found by ${finder}:`);
  push(`${c}   - on a workstation: gcloud auth application-default login (once);`);
  push(
    `${c}   - on Google Cloud (Compute Engine, Cloud Run, GKE, Cloud Functions): the attached service account;`,
  );
  push(
    `${c}   - elsewhere (CI, another cloud): GOOGLE_APPLICATION_CREDENTIALS=<path of a credentials file>.`,
  );
  push(`${c}   No key or path in this code.`);
}

/**
 * User credentials from `gcloud auth application-default login` bill a quota project; many Cloud APIs refuse the
 * call without one ("requires a quota project"). The explorer cannot tell from a Discovery document which APIs
 * do, so every ADC snippet says how to set it (both libraries read GOOGLE_CLOUD_QUOTA_PROJECT).
 */
export function pushQuotaProjectHint(push: Push, c: Comment): void {
  push(
    `${c} With your own user credentials, set the quota project the API bills: gcloud auth application-default`,
  );
  push(`${c}   set-quota-project PROJECT_ID, or GOOGLE_CLOUD_QUOTA_PROJECT=PROJECT_ID.`);
}

export function pushKeyWarning(push: Push, c: Comment): void {
  push(
    `${c} Warning: a key is a long-lived secret: whoever has the file acts as the service account. Prefer`,
  );
  push(
    `${c}   impersonation or Application Default Credentials (the attached service account on Google Cloud);`,
  );
  push(`${c}   keep the key out of version control and rotate it.`);
}

export function pushDelegationHeader(push: Push, c: Comment): void {
  push(
    `${c} Domain-wide delegation: the code acts as SUBJECT. A Workspace super admin must allow the service`,
  );
  push(`${c}   account's client ID for these scopes (Admin console → Security → API controls → Domain-wide`);
  push(`${c}   delegation).`);
}

export function pushImpersonationHeader(push: Push, c: Comment, finder: string): void {
  push(`${c} Credentials: your Application Default Credentials (found by ${finder}: gcloud auth`);
  push(
    `${c}   application-default login on a workstation, the attached service account on Google Cloud), used to`,
  );
  push(
    `${c}   impersonate TARGET_SERVICE_ACCOUNT through the IAM Credentials API (generateAccessToken). No key.`,
  );
  push(
    `${c}   Your identity needs roles/iam.serviceAccountTokenCreator on that service account, and the IAM`,
  );
  push(`${c}   Service Account Credentials API must be enabled in its project.`);
}
