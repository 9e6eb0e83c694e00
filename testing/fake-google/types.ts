// The fake Google's public types: what a test reads (records, problems, issued tokens) and registers (handlers).
import type { UploadPart } from "./multipart";

export const FAKE_CLIENT_ID = "1234567890-fakeclient.apps.googleusercontent.com";
export const FAKE_CLIENT_SECRET = "GOCSPX-fake-client-secret";
export const FAKE_API_KEY = "AIzaFakeApiKey-for-tests-000000000000";

export type RequestKind =
  | "consent"
  | "token"
  | "revoke"
  | "api"
  | "discovery"
  | "preflight"
  /** iamcredentials.googleapis.com generateAccessToken (service-account impersonation). */
  | "iam"
  /** The metadata server (plain http, its own port). */
  | "metadata"
  | "unmatched";

export type { UploadPart } from "./multipart";

export interface RecordedUpload {
  /** `uploadType` query parameter: "multipart" | "media" | "resumable" (or whatever the client sent). */
  uploadType: string;
  /** multipart: [metadata, media]; media: [media]; resumable: [metadata?] on the initial POST, [media] on the PUT. */
  parts: UploadPart[];
  /** Resumable uploads only: the session id the fake handed out. */
  sessionId?: string;
  /** Resumable uploads only: "start" (initial POST) or "data" (the bytes). */
  phase?: "start" | "data";
}

export interface RecordedRequest {
  /** Arrival order, starting at 1 for each fake. */
  seq: number;
  /** Date.now() when the request arrived. */
  time: number;
  host: string;
  method: string;
  path: string;
  /** Everything after "?" exactly as sent ("" if none). */
  rawQuery: string;
  /** Ordered, decoded (+ and %XX) query pairs. */
  query: [string, string][];
  url: string;
  /** Lower-cased header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Text bodies (JSON, form, text/*, empty) as string; anything else (multipart, media) as Buffer. */
  body: string | Buffer;
  kind: RequestKind;
  /**
   * api/discovery: carried a valid issued Bearer token or the configured API key.
   * token: the client authenticated correctly. consent/unmatched: false.
   */
  authorized: boolean;
  /** How the request authenticated (or tried to). */
  auth:
    | "bearer"
    | "api-key"
    | "client_secret_basic"
    | "client_secret_post"
    /** token: a jwt-bearer grant (a signed assertion instead of a client secret). */
    | "jwt-assertion"
    /** metadata server: the `Metadata-Flavor: Google` header. */
    | "metadata-flavor"
    | "none";
  /** The access token presented (api/discovery with Bearer). */
  bearerToken?: string;
  /** The scopes of that token, when it is a valid issued one. */
  tokenScopes?: string[];
  /** Status the fake answered with. */
  status: number;
  /** Name of the per-test handler that answered, if any. */
  handler?: string;
  upload?: RecordedUpload;
}

export interface Problem {
  seq?: number;
  kind: "unmatched" | "consent" | "token" | "unauthorized" | "handler" | "upload" | "iam" | "metadata";
  message: string;
  url?: string;
}

export interface ConsentGrant {
  code: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  state?: string;
  codeChallenge?: string;
  /** As requested; Google's default when a challenge is given without a method is "plain". */
  codeChallengeMethod?: "S256" | "plain";
  accessType?: string;
  used: boolean;
  /** seq of the consent request. */
  seq: number;
}

/** How a token came to be: the OAuth grant, the IAM call, the metadata server, or a client-signed JWT. */
export type TokenOrigin =
  | "authorization_code"
  | "refresh_token"
  /** urn:ietf:params:oauth:grant-type:jwt-bearer: a service-account key's signed assertion, verified. */
  | "jwt-bearer"
  /** A self-signed JWT sent directly as the bearer token (no exchange); verified on each API call. */
  | "self-signed-jwt"
  /** iamcredentials generateAccessToken (impersonation). */
  | "iam-generate-access-token"
  /** The metadata server's service-accounts/default/token. */
  | "metadata-server";

export interface IssuedToken {
  /** The bearer value an API call carries (for a self-signed JWT: the JWT itself). */
  accessToken: string;
  refreshToken?: string;
  grantType: TokenOrigin;
  /** OAuth client id; for service-account tokens the service account's email. */
  clientId: string;
  clientAuth:
    | "client_secret_basic"
    | "client_secret_post"
    | "jwt-assertion"
    | "self-signed"
    /** iam: the caller's bearer token (sourceToken). */
    | "bearer"
    | "metadata-flavor";
  /** Service-account tokens: the account the token acts as (jwt: iss; iam: the target; metadata: default's email). */
  principal?: string;
  /** jwt-bearer with domain-wide delegation: the `sub` claim (the user the service account acts for). */
  subject?: string;
  /** iam: the caller's access token (an issued one); self-signed-jwt: not set. */
  sourceToken?: string;
  /** iam: the requested lifetime in seconds; self-signed-jwt: exp - iat. */
  lifetimeSec?: number;
  /** iam: the delegation chain sent. */
  delegates?: string[];
  /** self-signed-jwt: the `aud` claim (the API origin) when the JWT has no scope. */
  audience?: string;
  /** PKCE check applied at the exchange: S256/plain = verified against the consent's challenge. */
  pkce: "S256" | "plain" | "none";
  /** Whether the token request carried a non-empty code_verifier. */
  codeVerifierSent: boolean;
  scope: string;
  redirectUri?: string;
  /** The authorization code exchanged (authorization_code grant). */
  code?: string;
  /** seq of the token request. */
  seq: number;
  expiresAt: number;
}

export interface ApiResponse {
  status?: number;
  headers?: Record<string, string>;
  /** JSON body (sets content-type application/json). */
  json?: unknown;
  /** Raw body (string or bytes). */
  body?: string | Buffer;
}

export interface ApiHandlerSpec {
  /** Shown in records (`handler`). */
  name?: string;
  /** Exact hostname or pattern; default: any API host. A string host is also registered as an API host. */
  host?: string | RegExp;
  /** HTTP method (case-insensitive); default any. */
  method?: string;
  /** Exact path (no query) or pattern tested against the path. */
  path: string | RegExp;
  /** Allow requests without credentials (they are still checked and recorded when present). */
  anonymous?: boolean;
  /** Answer without CORS headers (a browser then sees a network error), as some Google endpoints do. */
  noCors?: boolean;
  handle: (req: RecordedRequest) => ApiResponse | Promise<ApiResponse>;
}

export interface FakeGoogleOptions {
  clientId?: string;
  clientSecret?: string;
  apiKey?: string;
  /** Extra non-googleapis.com hosts to serve as API hosts. */
  apiHosts?: string[];
  /** Folder of `{name}.{version}.json` Discovery documents; default: the venv's googleapiclient snapshot. */
  discoveryDir?: string;
  /** Access-token lifetime in seconds (expires_in). Default 3599. */
  tokenLifetimeSec?: number;
  /** Listen on this port (default: any free port). */
  port?: number;
  /** The signed-in user's email (id_token `email` claim when openid/email is asked for). */
  userEmail?: string;
  /** Start the fake metadata server (plain http, 127.0.0.1, its own port); see metadata-server.ts. */
  metadataServer?: MetadataServerOptions | true;
}

export interface MetadataServerOptions {
  /** The attached ("default") service account. Default: fake-vm@fake-project.iam.gserviceaccount.com. */
  email?: string;
  /** `project/project-id`. Default: fake-project. */
  projectId?: string;
  /** The scopes the VM's service account was given. Default: cloud-platform. */
  scopes?: string[];
  port?: number;
}

/** A service-account key the fake knows (its PUBLIC half): assertions and self-signed JWTs are verified with it. */
export interface RegisteredServiceAccount {
  email: string;
  /** The key file's `private_key_id`: the JWT header's `kid` must be it (when present). */
  keyId: string;
  publicKeyPem: string;
}

export interface FakeGoogle {
  /** http://127.0.0.1:<port> — use as HTTPS_PROXY. */
  proxyUrl: string;
  port: number;
  /** PEM file of the CA the proxy signs with. */
  caPath: string;
  clientId: string;
  clientSecret: string;
  apiKey: string;
  records: RecordedRequest[];
  problems: Problem[];
  issuedTokens: IssuedToken[];
  grants: ConsentGrant[];
  /** Access tokens revoked through the revocation endpoint. */
  revokedTokens: string[];
  addApiHandler(spec: ApiHandlerSpec): void;
  /** Lets the fake verify JWTs signed with this key (jwt-bearer grant, self-signed JWTs); keys add up per account. */
  addServiceAccount(sa: RegisteredServiceAccount): void;
  /**
   * A refresh token as `gcloud auth application-default login` leaves in an authorized_user ADC file: the
   * refresh_token grant then accepts it for this fake's client. Default scope: cloud-platform.
   */
  addUserRefreshToken(opts?: { scope?: string }): string;
  /** `127.0.0.1:<port>` of the metadata server (GCE_METADATA_HOST / GCE_METADATA_IP), when started. */
  metadataHost?: string;
  /** Empties records, problems, issuedTokens and grants (issued tokens and unused codes stay valid). */
  clearRecords(): void;
  stop(): Promise<void>;
}
