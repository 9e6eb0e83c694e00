/**
 * The request body's JSON Schema for one method, as the body editor fetches it (app/api/body-schema/…). It used to
 * travel in the method page's props: for compute.instances.insert that was 68 KB of the page's 168 KB React
 * payload, parsed before the form could hydrate although only the body editor (loaded later) reads it.
 *
 * Two checks are added for the editor (`forBodyEditor`), so it warns before Google answers 400:
 * - a Discovery object with `properties` and no `additionalProperties` is closed — Google rejects an unknown
 *   field ("Invalid JSON payload received. Unknown name …") — so it gets `additionalProperties: false`;
 * - a `format: byte` string must be base64 (standard or URL-safe, padding optional, as Google's JSON parser
 *   accepts), so it gets a `pattern` and the message Monaco shows (`patternErrorMessage`).
 * @see https://protobuf.dev/programming-guides/json/ (bytes: "standard base64 … with or without paddings. Either
 *   standard or URL-safe base64 encoding with/without paddings are accepted")
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
  const raw = toJsonSchema(api, method.requestSchema, method.id);
  const schema = raw === undefined ? undefined : forBodyEditor(raw);
  if (schema === undefined)
    return {
      ok: false,
      status: 404,
      error: `The request schema ${method.requestSchema} of ${methodId} is not in the document.`,
    };
  return { ok: true, schema };
}

/** Base64 of whole bytes: groups of 4, then an optional 2- or 3-character tail (padded or not). */
export const BASE64_PATTERN = "^(?:[A-Za-z0-9+/_-]{4})*(?:[A-Za-z0-9+/_-]{2}(?:==)?|[A-Za-z0-9+/_-]{3}=?)?$";
export const BASE64_MESSAGE = 'Not base64: a format byte field takes base64-encoded bytes (e.g. "aGVsbG8=").';

/** A copy of `schema` with closed objects and base64 checks (see the module comment). */
export function forBodyEditor<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map((x: unknown) => forBodyEditor(x)) as T;
  if (typeof schema !== "object" || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    // `properties` maps names to schemas: recurse into each schema, never treat the name map itself as one.
    out[key] =
      key === "properties" || key === "definitions"
        ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, forBodyEditor(v)]))
        : key === "enum" || key === "enumDescriptions" || key === "required"
          ? value
          : forBodyEditor(value);
  }
  if (out.properties !== undefined && out.additionalProperties === undefined)
    out.additionalProperties = false;
  if (out.type === "string" && out.format === "byte" && out.pattern === undefined) {
    out.pattern = BASE64_PATTERN;
    out.patternErrorMessage = BASE64_MESSAGE;
  }
  return out as T;
}
