/**
 * The immutable domain model derived from a RawRestDescription (see ./model.ts for the derivation).
 * Plain data only (arrays and records, no Map/class instances) so it can cross the server → client boundary
 * and be serialised. Everything is `readonly`; the builder freezes what it returns.
 */
import type { RawSchema } from "./types";

export type ParameterType = "string" | "integer" | "number" | "boolean" | "object" | "any";
export type ParameterLocation = "path" | "query";
export type HttpVerb = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";

export interface EnumValueModel {
  readonly value: string;
  readonly description: string;
  readonly deprecated: boolean;
}

export interface ParameterModel {
  /** The Discovery name verbatim (`part`, `max-results`, `$.xgafv`, `options.requestedPolicyVersion`). */
  readonly name: string;
  readonly location: ParameterLocation;
  readonly type: ParameterType;
  /** `int64`, `uint64`, `google-datetime`, … (undefined when absent). */
  readonly format?: string;
  readonly required: boolean;
  readonly repeated: boolean;
  /** Present only when the document lists `enum`. */
  readonly enum?: readonly EnumValueModel[];
  readonly pattern?: string;
  /** Parsed from the document's decimal strings. */
  readonly minimum?: number;
  readonly maximum?: number;
  readonly default?: string;
  /** Raw (unsanitised) description text from the document; render through the sanitiser. */
  readonly description: string;
  readonly deprecated: boolean;
  /** True for API-wide standard parameters (`fields`, `key`, `$.xgafv`, …) merged from the document's top level. */
  readonly standard: boolean;
}

export interface ScopeModel {
  readonly url: string;
  readonly description: string;
}

export interface MediaUploadModel {
  readonly accept: readonly string[];
  /** Bytes; null when the document sets no limit or it cannot be parsed. */
  readonly maxSizeBytes: number | null;
  /** Path (relative to rootUrl, e.g. `/upload/youtube/v3/videos`) of the simple protocol, when declared. */
  readonly simplePath: string | null;
  readonly resumablePath: string | null;
  readonly multipart: boolean;
}

export interface MethodModel {
  /** The id exactly as in the document, e.g. `youtube.channels.list`. */
  readonly id: string;
  /** The method's key in its resource (raw, e.g. `import`, `getOpenid-configuration`). */
  readonly name: string;
  /** Raw resource keys from the top, e.g. `["projects", "locations", "instances"]`; empty for top-level methods. */
  readonly resourcePath: readonly string[];
  readonly httpMethod: HttpVerb;
  /** RFC 6570 path template relative to rootUrl + servicePath (may contain `{+name}`). */
  readonly path: string;
  readonly flatPath?: string;
  readonly description: string;
  readonly deprecated: boolean;
  readonly apiVersion?: string;
  /**
   * The method's own parameters: path parameters first (in `parameterOrder`, then any others), then query
   * parameters (required in `parameterOrder` order, then the rest alphabetically). Standard parameters are NOT
   * included here; see ApiModel.standardParameters.
   */
  readonly parameters: readonly ParameterModel[];
  /** Ordered list of required parameter names, as in the document. */
  readonly parameterOrder: readonly string[];
  /** Name of the request body schema (`request.$ref`), or null. */
  readonly requestSchema: string | null;
  /** Name of the response schema (`response.$ref`), or null. */
  readonly responseSchema: string | null;
  readonly scopes: readonly string[];
  readonly supportsMediaUpload: boolean;
  readonly mediaUpload: MediaUploadModel | null;
  readonly supportsMediaDownload: boolean;
  readonly useMediaDownloadService: boolean;
  /**
   * True when the response schema has a `nextPageToken` property and the method (or its request schema) takes
   * `pageToken` — the rule google-api-python-client uses to add `<method>_next`.
   */
  readonly pageable: boolean;
}

export interface ResourceNode {
  /** Raw resource key. */
  readonly name: string;
  /** Raw resource keys from the top, including this one. */
  readonly path: readonly string[];
  readonly deprecated: boolean;
  /** Ids of the methods directly on this resource, sorted by method name. */
  readonly methodIds: readonly string[];
  readonly resources: readonly ResourceNode[];
}

export interface ApiModel {
  /** `youtube` — the document's `name`. */
  readonly name: string;
  /** `v3` — the document's `version`. */
  readonly version: string;
  /** `youtube:v3` */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly revision: string | null;
  readonly documentationLink: string | null;
  readonly rootUrl: string;
  readonly servicePath: string;
  readonly batchPath: string | null;
  readonly mtlsRootUrl: string | null;
  /** rootUrl + servicePath, joined with exactly one slash. */
  readonly baseUrl: string;
  readonly features: readonly string[];
  readonly scopes: readonly ScopeModel[];
  /** API-wide parameters (all `location: query`, `standard: true`), sorted by name. */
  readonly standardParameters: readonly ParameterModel[];
  /** Top-level methods (rare) are in `methodIds` of a synthetic root: see `rootMethodIds`. */
  readonly rootMethodIds: readonly string[];
  readonly resources: readonly ResourceNode[];
  /** Flat index of every method, sorted by id. */
  readonly methods: readonly MethodModel[];
  /** Raw schemas by name, as in the document (frozen, never mutated). Resolve with ./schema.ts. */
  readonly schemas: Readonly<Record<string, RawSchema>>;
}
