/**
 * "Insert skeleton" for the body editor: a starting JSON body for a method's request schema. Pure.
 *
 * Every object gets the fields `annotations.required` lists for the method; the root and its direct children also
 * get a few typical fields (`name`, `displayName`, `title`, `description`, …, when the schema has them), so
 * `snippet` gets its `title`. Deeper objects get their required fields only. Placeholder values follow the type, format and enum (`"0"` for int64, an RFC 3339 timestamp for
 * date-time, the first real enum value, …). Output-only fields (`readOnly`, or described as "Output only") and
 * deprecated ones are skipped; a `$ref` already being expanded on the branch (a cycle) and anything below
 * MAX_DEPTH is left out, so the result is always finite and small.
 */
import type { ApiModel } from "../discovery/model-types";
import { resolveRef } from "../discovery/schema";
import type { RawSchema } from "../discovery/types";
import { setOwn } from "../object/own";
import type { JsonValue } from "../request/types";

/** Levels of objects below the root that are expanded. */
export const MAX_DEPTH = 4;
/** Typical (not required) top-level fields added at most. */
export const MAX_TYPICAL = 4;

/** Top-level fields worth a placeholder even when not required, in preference order. */
const TYPICAL_NAMES = [
  "name",
  "displayName",
  "title",
  "summary",
  "description",
  "mimeType",
  "parents",
  "snippet",
  "machineType",
];

const OUTPUT_ONLY = /^\s*\[?output[ -]only\]?/i;

function isOutputOnly(s: RawSchema): boolean {
  return s.readOnly === true || OUTPUT_ONLY.test(s.description ?? "");
}

function isRequired(s: RawSchema, methodId: string): boolean {
  return s.annotations?.required?.includes(methodId) ?? false;
}

/** The placeholder for a string of this format (`undefined` format: an empty string). */
function stringPlaceholder(format: string | undefined): string {
  switch (format) {
    case "int64":
    case "uint64":
      return "0";
    case "date-time":
    case "google-datetime":
      return "2025-01-01T00:00:00Z";
    case "date":
      return "2025-01-01";
    case "google-duration":
      return "0s";
    case "google-fieldmask":
      return "";
    case "byte":
      return "";
    default:
      return "";
  }
}

/** The first enum value that is neither deprecated nor a `*_UNSPECIFIED` sentinel (else the first). */
function enumPlaceholder(s: RawSchema): string | undefined {
  const values = s.enum ?? [];
  const good = values.find((v, i) => s.enumDeprecated?.[i] !== true && !/UNSPECIFIED$/.test(v));
  return good ?? values[0];
}

function defaultValue(s: RawSchema): JsonValue | undefined {
  if (s.default === undefined) return undefined;
  switch (s.type) {
    case "integer":
    case "number": {
      const n = Number(s.default);
      return Number.isFinite(n) ? n : undefined;
    }
    case "boolean":
      return s.default === "true" ? true : s.default === "false" ? false : undefined;
    case "string":
      return s.format === undefined ? s.default : undefined;
    default:
      return undefined;
  }
}

interface Walk {
  readonly api: Pick<ApiModel, "schemas">;
  readonly methodId: string;
}

/** Follows `$ref`s; undefined on a cycle (already on `stack`) or a dangling ref. */
function deref(
  w: Walk,
  s: RawSchema,
  stack: readonly string[],
): { schema: RawSchema; stack: readonly string[] } | undefined {
  let schema = s;
  let path = stack;
  while (schema.$ref !== undefined) {
    const ref = schema.$ref;
    if (path.includes(ref)) return undefined;
    const target = resolveRef(w.api, ref);
    if (target === undefined) return undefined;
    path = [...path, ref];
    schema = target;
  }
  return { schema, stack: path };
}

/** A placeholder value for `s`, or undefined when it should be left out (cycle, too deep, dangling ref). */
function placeholder(w: Walk, s: RawSchema, depth: number, stack: readonly string[]): JsonValue | undefined {
  const resolved = deref(w, s, stack);
  if (resolved === undefined) return undefined;
  const { schema } = resolved;
  const dflt = defaultValue(schema);
  if (dflt !== undefined) return dflt;
  if (schema.enum !== undefined && schema.enum.length > 0) return enumPlaceholder(schema) ?? "";
  switch (schema.type) {
    case "string":
      return stringPlaceholder(schema.format);
    case "integer":
    case "number":
      return 0;
    case "boolean":
      return false;
    case "array": {
      if (schema.items === undefined || depth >= MAX_DEPTH) return [];
      const item = deref(w, schema.items, resolved.stack);
      // Only arrays of objects with required fields get a sample item; other arrays start empty.
      if (item === undefined || item.schema.type !== "object") return [];
      const sample = objectSkeleton(w, item.schema, depth + 1, item.stack);
      return Object.keys(sample).length > 0 ? [sample] : [];
    }
    case "object":
      if (depth >= MAX_DEPTH) return {};
      return objectSkeleton(w, schema, depth + 1, resolved.stack);
    default:
      return null;
  }
}

function objectSkeleton(
  w: Walk,
  schema: RawSchema,
  depth: number,
  stack: readonly string[],
): { [key: string]: JsonValue } {
  const props = Object.entries(schema.properties ?? {});
  const writable = props.filter(
    ([, p]) => !isOutputOnly(p) && !(p.deprecated === true && !isRequired(p, w.methodId)),
  );
  const chosen = new Set(writable.filter(([, p]) => isRequired(p, w.methodId)).map(([k]) => k));
  // Typical fields at the root and one level below it (`snippet.title`), never deeper.
  if (depth <= 1) {
    const byName = new Map(writable);
    let added = 0;
    for (const name of TYPICAL_NAMES) {
      if (added >= MAX_TYPICAL) break;
      if (byName.has(name) && !chosen.has(name)) {
        chosen.add(name);
        added++;
      }
    }
  }
  const out: { [key: string]: JsonValue } = {};
  // Document order, so the skeleton reads like the reference docs.
  for (const [key, p] of writable) {
    if (!chosen.has(key)) continue;
    const value = placeholder(w, p, depth, stack);
    if (value !== undefined) setOwn(out, key, value); // `out[key] =` would drop `__proto__`
  }
  return out;
}

/**
 * The skeleton body for `schemaName` as `methodId`'s request (`{}` when the schema does not exist or is not an
 * object).
 */
export function bodySkeleton(
  api: Pick<ApiModel, "schemas">,
  schemaName: string,
  methodId: string,
): JsonValue {
  const root = resolveRef(api, schemaName);
  if (root === undefined) return {};
  const resolved = deref({ api, methodId }, root, [schemaName]);
  if (resolved === undefined || (resolved.schema.type ?? "object") !== "object") return {};
  return objectSkeleton({ api, methodId }, resolved.schema, 0, resolved.stack);
}
