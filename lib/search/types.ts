/**
 * The search index: every API version and every method of the current Discovery source, in a compact form that
 * is built on the server (./build.ts), sent to the browser once as JSON (app/api/search-index) and queried there
 * (./query.ts). Plain data only.
 */
import type { HttpVerb } from "../discovery/model-types";

/** Bumped whenever the shape or the derivation changes (it is part of the persisted-cache key). */
export const SEARCH_INDEX_FORMAT = 2;

/** Verbs by code, so a method row stores a small integer instead of a string. */
export const VERBS: readonly HttpVerb[] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

export interface SearchIndexApi {
  /** `youtube` */
  readonly n: string;
  /** `v3` */
  readonly v: string;
  /** `YouTube Data API v3` (plain text) */
  readonly t: string;
  /** 1 when this is the preferred version of its API. */
  readonly p: 0 | 1;
}

/**
 * One method: `[api, id, verb, path, summary, deprecated]` where `api` indexes `apis`, `verb` indexes VERBS,
 * `path` is the flatPath (else the path) and `summary` indexes `texts` (shared: many versions of an API repeat
 * the same descriptions).
 */
export type SearchIndexMethod = readonly [
  api: number,
  id: string,
  verb: number,
  path: string,
  summary: number,
  deprecated: 0 | 1,
];

export interface SearchIndex {
  readonly format: typeof SEARCH_INDEX_FORMAT;
  /** The Discovery source the index was built from (its label). */
  readonly source: string;
  /** ISO time of the build. */
  readonly builtAt: string;
  readonly apis: readonly SearchIndexApi[];
  readonly texts: readonly string[];
  readonly methods: readonly SearchIndexMethod[];
  /** Indexes into `methods` (ascending) of the methods that accept a media upload (`upload` finds them). */
  readonly uploads: readonly number[];
  /** Documents that could not be loaded (skipped), as `name:version`. */
  readonly skipped: readonly string[];
}

/** What the builder needs of one API version: a directory entry and its model fit structurally. */
export interface SearchSourceApi {
  readonly name: string;
  readonly version: string;
  readonly title: string;
  readonly preferred: boolean;
  /**
   * The document's own `name:version` when known. Two directory entries with the same one are aliases of one
   * document (the snapshot ships `admin.directoryv1.json` beside `admin.directory_v1.json`): indexed once.
   */
  readonly documentId?: string;
  readonly methods: readonly {
    readonly id: string;
    readonly httpMethod: HttpVerb;
    readonly path: string;
    readonly flatPath?: string;
    readonly description: string;
    readonly deprecated: boolean;
    readonly supportsMediaUpload?: boolean;
  }[];
}
