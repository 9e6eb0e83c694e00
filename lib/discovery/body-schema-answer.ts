/**
 * GET /api/body-schema/{api}/{version}/{methodId}, as data: the status and JSON body the route and the
 * precompressed answer (lib/http/serve-encoded-json.ts) both send. Names are percent-decoded exactly once
 * (`%252E` stays `%2E`, never `.`) and checked against the Discovery grammar before any fetch.
 */
import { bodySchemaFor } from "./body-schema";
import { getApi } from "./load";
import { loadErrorStatus } from "./load-status";
import type { ApiModel } from "./model-types";
import { apiRefProblem, isMethodId } from "./names";
import { BODY_SCHEMA_PREFIX } from "@/lib/routes";

export { BODY_SCHEMA_PREFIX };
/** The URL carries the document revision (lib/routes.ts bodySchemaPath): a browser may keep its copy for an hour. */
export const BODY_SCHEMA_CACHE_CONTROL = "public, max-age=3600";

export type JsonAnswer =
  | { readonly ok: false; readonly status: number; readonly body: { error: string } }
  /** A schema: `api` and `key` name it, so its encodings are made once per document (a WeakMap on `api`). */
  | {
      readonly ok: true;
      readonly status: 200;
      readonly body: unknown;
      readonly api: ApiModel;
      readonly key: string;
    };

/** The three names of a request path; null when it is not three segments or not valid percent-encoding. */
function namesOf(pathname: string): [string, string, string] | null {
  if (!pathname.startsWith(BODY_SCHEMA_PREFIX)) return null;
  const parts = pathname.slice(BODY_SCHEMA_PREFIX.length).split("/");
  if (parts.length !== 3) return null;
  try {
    return parts.map((p) => decodeURIComponent(p)) as [string, string, string];
  } catch {
    return null;
  }
}

export async function bodySchemaAnswer(pathname: string): Promise<JsonAnswer> {
  const names = namesOf(pathname);
  if (names === null)
    return {
      ok: false,
      status: 404,
      body: { error: "Expected /api/body-schema/{api}/{version}/{methodId}." },
    };
  const [name, version, methodId] = names;
  const problem = apiRefProblem(name, version) ?? (isMethodId(methodId) ? null : "That is not a method id.");
  if (problem !== null) return { ok: false, status: 404, body: { error: problem } };
  let api: ApiModel;
  try {
    ({ api } = await getApi(name, version));
  } catch (err) {
    const status = loadErrorStatus(err);
    const message = err instanceof Error ? err.message : String(err);
    const error =
      status === 404 ? `No API ${name} ${version}.` : `The document could not be loaded: ${message}`;
    return { ok: false, status, body: { error } };
  }
  const result = bodySchemaFor(api, methodId);
  if (!result.ok) return { ok: false, status: result.status, body: { error: result.error } };
  return { ok: true, status: 200, body: result.schema, api, key: methodId };
}
