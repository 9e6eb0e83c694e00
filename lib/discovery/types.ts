/**
 * Raw types for the Google API Discovery format, version 1 — the wire shape, typed once and completely.
 * Nothing here is ever mutated: the domain model (./model.ts) is derived from it.
 *
 * @see https://developers.google.com/discovery/v1/reference/apis (RestDescription, RestMethod, JsonSchema)
 * @see https://developers.google.com/discovery/v1/reference/apis/list (DirectoryList)
 */

/** `GET https://discovery.googleapis.com/discovery/v1/apis` */
export interface RawDirectoryList {
  readonly kind?: "discovery#directoryList";
  readonly discoveryVersion?: string;
  readonly items?: readonly RawDirectoryItem[];
}

export interface RawDirectoryItem {
  readonly kind?: "discovery#directoryItem";
  /** `"youtube:v3"` */
  readonly id?: string;
  readonly name: string;
  readonly version: string;
  readonly title?: string;
  readonly description?: string;
  /** Use verbatim: the host is not always `{name}.googleapis.com`. */
  readonly discoveryRestUrl?: string;
  /** Legacy entries only, relative like `./apis/drive/v3/rest`. */
  readonly discoveryLink?: string;
  readonly icons?: RawIcons;
  readonly documentationLink?: string;
  readonly labels?: readonly string[];
  readonly preferred?: boolean;
}

export interface RawIcons {
  readonly x16?: string;
  readonly x32?: string;
}

export type RawHttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";

export type RawJsonType = "any" | "array" | "boolean" | "integer" | "number" | "null" | "object" | "string";

/** Formats that occur in the published documents (JsonSchema.format). */
export type RawFormat =
  | "int32"
  | "uint32"
  | "int64"
  | "uint64"
  | "float"
  | "double"
  | "byte"
  | "date"
  | "date-time"
  | "google-datetime"
  | "google-duration"
  | "google-fieldmask"
  | (string & {});

/** A JSON Schema subset (JsonSchema in discovery.v1.json); parameters are JsonSchemas with `location`. */
export interface RawSchema {
  readonly id?: string;
  readonly type?: RawJsonType;
  readonly $ref?: string;
  readonly description?: string;
  readonly default?: string;
  readonly required?: boolean;
  readonly format?: RawFormat;
  readonly pattern?: string;
  readonly minimum?: string;
  readonly maximum?: string;
  readonly enum?: readonly string[];
  readonly enumDescriptions?: readonly string[];
  readonly enumDeprecated?: readonly boolean[];
  readonly repeated?: boolean;
  readonly location?: "query" | "path" | (string & {});
  readonly properties?: Readonly<Record<string, RawSchema>>;
  readonly additionalProperties?: RawSchema;
  readonly items?: RawSchema;
  readonly annotations?: { readonly required?: readonly string[] };
  readonly readOnly?: boolean;
  readonly deprecated?: boolean;
  readonly variant?: {
    readonly discriminant?: string;
    readonly map?: readonly { readonly type_value?: string; readonly $ref?: string }[];
  };
}

export type RawParameter = RawSchema;

export interface RawMediaUploadProtocol {
  readonly multipart?: boolean;
  readonly path?: string;
}

export interface RawMediaUpload {
  /** MIME patterns, e.g. `video/*`. */
  readonly accept?: readonly string[];
  /** Bytes as a string; Python also accepts KB/MB/GB/TB suffixes. */
  readonly maxSize?: string;
  readonly protocols?: {
    readonly simple?: RawMediaUploadProtocol;
    readonly resumable?: RawMediaUploadProtocol;
  };
}

export interface RawMethod {
  readonly id?: string;
  readonly path?: string;
  /** Like `path` but without `{+var}` reserved expansion; handy for display. */
  readonly flatPath?: string;
  readonly httpMethod?: RawHttpMethod | (string & {});
  readonly description?: string;
  readonly parameters?: Readonly<Record<string, RawParameter>>;
  /** Ordered list of required parameters. */
  readonly parameterOrder?: readonly string[];
  readonly request?: { readonly $ref?: string; readonly parameterName?: string };
  readonly response?: { readonly $ref?: string };
  readonly scopes?: readonly string[];
  readonly supportsMediaDownload?: boolean;
  readonly supportsMediaUpload?: boolean;
  readonly useMediaDownloadService?: boolean;
  readonly supportsSubscription?: boolean;
  readonly mediaUpload?: RawMediaUpload;
  readonly etagRequired?: boolean;
  readonly deprecated?: boolean;
  /** Sent as the `x-goog-api-version` header by both client libraries. */
  readonly apiVersion?: string;
}

export interface RawResource {
  readonly methods?: Readonly<Record<string, RawMethod>>;
  readonly resources?: Readonly<Record<string, RawResource>>;
  readonly deprecated?: boolean;
}

export interface RawOAuth2 {
  readonly scopes?: Readonly<Record<string, { readonly description?: string }>>;
}

export interface RawEndpoint {
  readonly endpointUrl?: string;
  readonly location?: string;
  readonly description?: string;
  readonly deprecated?: boolean;
}

/** `GET {discoveryRestUrl}` — one API version. */
export interface RawRestDescription {
  readonly kind?: "discovery#restDescription";
  readonly discoveryVersion?: string;
  readonly id?: string;
  readonly name: string;
  readonly canonicalName?: string;
  readonly version: string;
  readonly revision?: string;
  readonly title?: string;
  readonly description?: string;
  readonly ownerDomain?: string;
  readonly ownerName?: string;
  readonly packagePath?: string;
  readonly icons?: RawIcons;
  readonly documentationLink?: string;
  readonly labels?: readonly string[];
  readonly protocol?: string;
  readonly rootUrl: string;
  readonly mtlsRootUrl?: string;
  readonly servicePath: string;
  readonly batchPath?: string;
  /** Deprecated in favour of rootUrl + servicePath. */
  readonly baseUrl?: string;
  readonly basePath?: string;
  readonly version_module?: boolean;
  readonly fullyEncodeReservedExpansion?: boolean;
  /** API-wide (standard) parameters: `$.xgafv`, `alt`, `fields`, `key`, … */
  readonly parameters?: Readonly<Record<string, RawParameter>>;
  readonly auth?: { readonly oauth2?: RawOAuth2 };
  /** `dataWrapper` (translate v2 only). */
  readonly features?: readonly string[];
  readonly schemas?: Readonly<Record<string, RawSchema>>;
  readonly methods?: Readonly<Record<string, RawMethod>>;
  readonly resources?: Readonly<Record<string, RawResource>>;
  /** Regional endpoints; neither client library uses them. */
  readonly endpoints?: readonly RawEndpoint[];
  readonly etag?: string;
}
