/**
 * The canonical, serialisable request: one format used by the form, share links, history, the CLI and code
 * generation. Documented in docs/request-format.md. Backward compatible: new fields are optional.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A single parameter value as JSON: int64/uint64 travel as decimal strings. */
export type ParamScalar = string | number | boolean;
/** Arrays only for `repeated: true` parameters. */
export type ParamValue = ParamScalar | ParamScalar[];

/**
 * How the OAuth snippet signs in. `loopback` (the default, also when `flow` is absent): a browser on this
 * machine returns to a local port. `headless`: the URL is opened on any device and the final
 * `http://localhost:<port>/?code=…&state=…` address is pasted back into the terminal.
 */
export type OAuthFlow = "loopback" | "headless";

/**
 * The one spelling of the auth kinds (their ids derive from it: lib/request/auth-kinds.ts `AuthKindId`). Each
 * names a kind of credential and what the code needs to know about it (scopes, the e-mail of a subject or a
 * service account), never a credential, a key or a key file's path.
 * - `oauth`: a person signs in (loopback or headless).
 * - `adc`: Application Default Credentials (gcloud ADC login, the attached service account, or the file named by
 *   GOOGLE_APPLICATION_CREDENTIALS).
 * - `serviceAccount`: the service-account key file named by GOOGLE_APPLICATION_CREDENTIALS; `subject` for
 *   domain-wide delegation (the Workspace user the code acts as).
 * - `impersonate`: ADC as the source, impersonating `serviceAccount` (IAM Credentials generateAccessToken).
 */
export type RequestAuth =
  | { readonly type: "oauth"; readonly scopes: readonly string[]; readonly flow?: OAuthFlow }
  | { readonly type: "adc"; readonly scopes: readonly string[] }
  | { readonly type: "serviceAccount"; readonly scopes: readonly string[]; readonly subject?: string }
  | { readonly type: "impersonate"; readonly scopes: readonly string[]; readonly serviceAccount: string }
  | { readonly type: "apiKey" }
  | { readonly type: "none" };

export interface MediaSpec {
  /** The local file the snippet uploads (name only; never its content). */
  readonly fileName: string;
  readonly mimeType?: string;
}

export interface ExplorerRequest {
  /** Discovery `name`, e.g. `youtube`. */
  readonly api: string;
  /** Discovery `version`, e.g. `v3`. */
  readonly version: string;
  /** Method id exactly as in the document, e.g. `youtube.channels.list`. */
  readonly method: string;
  /** Discovery parameter names verbatim (method and standard parameters) → values. */
  readonly params: Readonly<Record<string, ParamValue>>;
  /** JSON request body, or null. */
  readonly body: JsonValue | null;
  readonly auth: RequestAuth;
  /** Optional: media upload. */
  readonly media?: MediaSpec;
  /** Optional: the document revision the request was composed against. */
  readonly revision?: string;
}

/** The exact HTTP request the explorer would send. `explorer request` prints this as JSON. */
export interface HttpRequestSpec {
  readonly method: string;
  /** Absolute URL: rootUrl + servicePath + expanded path, then the query with repeated keys. */
  readonly url: string;
  /** Header name (lower case) → value, in a stable order. Never contains a secret: see `placeholders`. */
  readonly headers: Readonly<Record<string, string>>;
  /** Exact body text (JSON serialised), or null. For media uploads, a description of the multipart body. */
  readonly body: string | null;
  /**
   * Optional: present (non-empty) only when required path parameters have no value. The URL then keeps their
   * template tokens (`…/files/{fileId}`) for a readable preview, and the request must not be executed.
   */
  readonly missingPathParams?: readonly string[];
}

export interface ValidationIssue {
  /** Parameter name (Discovery name), `body`, or `media`. */
  readonly param: string;
  readonly code:
    | "required"
    | "type"
    | "enum"
    | "pattern"
    | "minimum"
    | "maximum"
    | "repeated"
    | "unknown"
    | "body"
    | "media"
    /** A value that can only be checked against a schema still loading (or failed to load): not sent until it is. */
    | "unchecked";
  /** A sentence a user can act on, naming the parameter. */
  readonly message: string;
}
