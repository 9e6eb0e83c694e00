/**
 * Every URL of the explorer's own pages and routes (app/**), built in one place: a route moved in app/ is moved
 * here once, and every segment that comes from a document or a person is percent-encoded the same way
 * (`encodeURIComponent`, so `/`, `?` and `#` inside a name stay inside its segment).
 *
 * Constants for fixed paths, builders for paths with segments; the route handlers parse with the `*_PREFIX`es.
 */

const enc = encodeURIComponent;

// ---- pages -------------------------------------------------------------------------------------------------

/** The directory of every API. */
export const HOME_PATH = "/";
/** The migrate page (old OAuth code → code that runs today). */
export const MIGRATE_PATH = "/migrate";

/** The directory filtered to the versions matching `query` (app/page.tsx reads `q`). */
export function directorySearchPath(query: string): string {
  return `${HOME_PATH}?q=${enc(query)}`;
}

/** `/youtube/v3`: one API version's page. */
export function apiPath(api: string, version: string): string {
  return `/${enc(api)}/${enc(version)}`;
}

/** `/youtube/v3/youtube.channels.list`: one method's page (the workbench). */
export function methodPath(api: string, version: string, methodId: string): string {
  return `${apiPath(api, version)}/${enc(methodId)}`;
}

// ---- routes (/api/...) -------------------------------------------------------------------------------------

/** Every route handler lives under it; everything else is a page. */
export const API_ROUTES_PREFIX = "/api/";

/** The encoded search index (lib/search/serve-encoded-index.ts answers it before Next does). */
export const SEARCH_INDEX_PATH = "/api/search-index";
/** Liveness and the sources' state (app/api/health). */
export const HEALTH_PATH = "/api/health";

/** The sign-in routes (app/api/auth/*); `callback` is the OAuth redirect URI's path. */
export const AUTH_START_PATH = "/api/auth/start";
export const AUTH_CALLBACK_PATH = "/api/auth/callback";
export const AUTH_SESSION_PATH = "/api/auth/session";
export const AUTH_REVOKE_PATH = "/api/auth/revoke";

export const DESCRIPTION_PREFIX = "/api/description/";
/**
 * One description in full, as plain text (the pages render a capped part of it). No method: the API's own
 * description; a method's; or one of that method's parameters.
 */
export function descriptionPath(api: string, version: string, methodId?: string, param?: string): string {
  const query = new URLSearchParams();
  if (methodId !== undefined) query.set("method", methodId);
  if (param !== undefined) query.set("param", param);
  const q = query.toString();
  return `${DESCRIPTION_PREFIX}${enc(api)}/${enc(version)}${q ? `?${q}` : ""}`;
}

export const BODY_SCHEMA_PREFIX = "/api/body-schema/";
/** The request body's JSON Schema; the document revision makes a cached copy stale when the document changes. */
export function bodySchemaPath(
  api: string,
  version: string,
  methodId: string,
  revision: string | null,
): string {
  const rev = revision !== null ? `?rev=${enc(revision)}` : "";
  return `${BODY_SCHEMA_PREFIX}${enc(api)}/${enc(version)}/${enc(methodId)}${rev}`;
}

export const SCHEMA_GRAPH_PREFIX = "/api/schema-graph/";
/** The schema graph of a method's request or response (the fields tree); the revision as for bodySchemaPath. */
export function schemaGraphPath(
  api: string,
  version: string,
  methodId: string,
  side: "request" | "response",
  revision: string | null,
): string {
  const rev = revision !== null ? `&rev=${enc(revision)}` : "";
  return `${SCHEMA_GRAPH_PREFIX}${enc(api)}/${enc(version)}/${enc(methodId)}?side=${side}${rev}`;
}
