/**
 * The request body's JSON Schema for one method, as the body editor fetches it (app/api/body-schema/…). It used to
 * travel in the method page's props: for compute.instances.insert that was 68 KB of the page's 168 KB React
 * payload, parsed before the form could hydrate although only the body editor (loaded later) reads it.
 */
import { findMethod } from "./model";
import type { ApiModel } from "./model-types";
import { toJsonSchema } from "./schema";

export type BodySchemaResult =
  | { readonly ok: true; readonly schema: object }
  | { readonly ok: false; readonly status: 404; readonly error: string };

export function bodySchemaFor(api: ApiModel, methodId: string): BodySchemaResult {
  const method = findMethod(api, methodId);
  if (method === undefined)
    return { ok: false, status: 404, error: `${api.name} ${api.version} has no method ${methodId}.` };
  if (method.requestSchema === null)
    return { ok: false, status: 404, error: `${methodId} takes no request body.` };
  const schema = toJsonSchema(api, method.requestSchema, method.id);
  if (schema === undefined)
    return {
      ok: false,
      status: 404,
      error: `The request schema ${method.requestSchema} of ${methodId} is not in the document.`,
    };
  return { ok: true, schema };
}

/** Where the body editor fetches it; the document revision makes a cached copy stale when the document changes. */
export function bodySchemaUrl(
  api: Pick<ApiModel, "name" | "version" | "revision">,
  methodId: string,
): string {
  const enc = encodeURIComponent;
  const rev = api.revision !== null ? `?rev=${enc(api.revision)}` : "";
  return `/api/body-schema/${enc(api.name)}/${enc(api.version)}/${enc(methodId)}${rev}`;
}
