/**
 * The schema graph of one method's response or request body, as the fields tree fetches it
 * (app/api/schema-graph/…): loaded lazily, like the body editor's JSON Schema, so the method page's payload does
 * not grow with compute's `Instance`. Descriptions are sanitised on the server (the browser never gets raw HTML).
 */
import { findMethod } from "../discovery/model";
import type { ApiModel } from "../discovery/model-types";
import { sanitizeDescription } from "../html/sanitize";
import { schemaGraph, type SchemaGraph } from "./schema-graph";

export type GraphSide = "response" | "request";

export type MethodGraphResult =
  | { readonly ok: true; readonly graph: SchemaGraph }
  | { readonly ok: false; readonly status: 400 | 404; readonly error: string };

export function isGraphSide(value: string | null): value is GraphSide {
  return value === "response" || value === "request";
}

export function methodSchemaGraph(
  api: ApiModel,
  methodId: string,
  side: GraphSide,
  linkBase?: string,
): MethodGraphResult {
  const method = findMethod(api, methodId);
  if (method === undefined)
    return { ok: false, status: 404, error: `${api.name} ${api.version} has no method ${methodId}.` };
  const name = side === "response" ? method.responseSchema : method.requestSchema;
  if (name === null)
    return {
      ok: false,
      status: 404,
      error:
        side === "response" ? `${methodId} returns no response body.` : `${methodId} takes no request body.`,
    };
  const render = (raw: string) => sanitizeDescription(raw, linkBase !== undefined ? { linkBase } : {});
  const graph = schemaGraph(api, name, render);
  if (graph === undefined)
    return {
      ok: false,
      status: 404,
      error: `The ${side} schema ${name} of ${methodId} is not in the document.`,
    };
  return { ok: true, graph };
}
