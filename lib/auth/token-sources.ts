/**
 * Where a user can get an OAuth access token for a method, said truthfully. Pure.
 *
 * `gcloud auth print-access-token` prints a token of the gcloud CLI's own OAuth client, which carries the
 * `cloud-platform` scope (plus openid/email and a few Cloud ones) — never Gmail, Sheets, Drive or YouTube scopes,
 * and Google does not let that client ask for them. So it is offered only when the method accepts
 * `cloud-platform`; otherwise the token comes from the OAuth 2.0 Playground or a sign-in of your own.
 *
 * @see https://cloud.google.com/sdk/gcloud/reference/auth/print-access-token
 * @see https://developers.google.com/oauthplayground
 */

export const CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";
export const OAUTH_PLAYGROUND_URL = "https://developers.google.com/oauthplayground";

/** True when a `gcloud auth print-access-token` token authorises a method with these scopes. */
export function gcloudTokenWorks(methodScopes: readonly string[]): boolean {
  return methodScopes.includes(CLOUD_PLATFORM_SCOPE);
}

export interface TokenSource {
  /** Plain text, one sentence, starting with "From …" (callers add their own lead-in). */
  readonly text: string;
  readonly gcloud: boolean;
}

/** Where a token for a method with `methodScopes` comes from (see the module comment). */
export function accessTokenSource(methodScopes: readonly string[]): TokenSource {
  if (gcloudTokenWorks(methodScopes))
    return {
      gcloud: true,
      text: `From gcloud auth print-access-token (it carries cloud-platform, which this method accepts) or the OAuth 2.0 Playground (${OAUTH_PLAYGROUND_URL}).`,
    };
  return {
    gcloud: false,
    text: `From the OAuth 2.0 Playground (${OAUTH_PLAYGROUND_URL}: pick the scope, authorise, exchange the code for tokens) or your own OAuth client's sign-in (the Python or TypeScript snippet does one). Not from gcloud auth print-access-token: its token carries only Cloud scopes, which this method does not accept.`,
  };
}
