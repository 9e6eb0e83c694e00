/**
 * Validation of Discovery documents and directory lists at the trust boundary.
 *
 * Everything downstream (model.ts, schema.ts, the request builder) assumes the shapes in types.ts; a document that
 * breaks them is reported here, once, with a JSON path for each problem, instead of surfacing later as an
 * `undefined` deep inside the UI. These functions never throw for bad input and never mutate it.
 */
import { headerValueProblem } from "../request/header-field";
import { deepFreeze } from "./freeze";
import { locateJsonError } from "./json-position";
import type { RawDirectoryList, RawRestDescription } from "./types";

export interface FormatProblem {
  /** JSON path, e.g. `resources.channels.methods.list.response.$ref`. */
  readonly path: string;
  readonly message: string;
}

export interface DiscoveryFormatError {
  readonly message: string;
  readonly problems: readonly FormatProblem[];
}

export type ParseResult = { ok: true; doc: RawRestDescription } | { ok: false; error: DiscoveryFormatError };
export type DirectoryValidation =
  { ok: true; list: RawDirectoryList } | { ok: false; error: DiscoveryFormatError };

const HTTP_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);
const JSON_TYPES = new Set(["any", "array", "boolean", "integer", "number", "null", "object", "string"]);
const LOCATIONS = new Set(["query", "path"]);
/** Enough to fix a document; a pathological one would otherwise produce megabytes of problems. */
const MAX_PROBLEMS = 200;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const kindOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "an array" : `a ${typeof v}`);

/** Appends a key to a JSON path; keys that would be ambiguous in dotted form (`$.xgafv`) are bracket-quoted. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === "number") return `${base}[${key}]`;
  const plain = key !== "" && !/[.[\]"\s]/.test(key);
  const part = plain ? key : `[${JSON.stringify(key)}]`;
  if (base === "") return plain ? part : part;
  return plain ? `${base}.${part}` : `${base}${part}`;
}

class Collector {
  readonly problems: FormatProblem[] = [];
  private dropped = 0;
  add(path: string, message: string) {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ path: path || "(root)", message });
    else this.dropped++;
  }
  finish(): FormatProblem[] {
    if (this.dropped > 0)
      this.problems.push({ path: "(root)", message: `…and ${this.dropped} more problems.` });
    return this.problems;
  }
}

function summary(subject: string, problems: readonly FormatProblem[]): string {
  const first = problems[0];
  const head = `${subject} is not a valid Discovery document`;
  if (!first) return head;
  const more =
    problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""})` : "";
  return `${head}: ${first.path}: ${first.message}${more}`;
}

/** Parses and validates a Discovery REST description. The returned `doc` is a fresh, deep-frozen object. */
export function parseDiscoveryDocument(text: string, origin?: string): ParseResult {
  const subject = origin ?? "The document";
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const at = locateJsonError(text);
    const where = at ? ` at line ${at.line}, column ${at.column} (offset ${at.offset}): ${at.message}` : "";
    const problem = { path: "(root)", message: `Invalid JSON${where || `: ${(e as Error).message}`}.` };
    return { ok: false, error: { message: summary(subject, [problem]), problems: [problem] } };
  }
  const result = validateDiscoveryDocument(json, origin);
  // JSON.parse produced a private object, so freezing it mutates nothing the caller owns.
  return result.ok ? { ok: true, doc: deepFreeze(result.doc) } : result;
}

/** Validates an already-parsed value. Does not freeze or copy it; the `doc` returned is the same object. */
export function validateDiscoveryDocument(json: unknown, origin?: string): ParseResult {
  const out = new Collector();
  if (!isObject(json)) {
    out.add("", `Expected a JSON object, got ${kindOf(json)}.`);
  } else {
    checkTopLevel(json, out);
  }
  const problems = out.finish();
  if (problems.length > 0)
    return { ok: false, error: { message: summary(origin ?? "The document", problems), problems } };
  return { ok: true, doc: json as unknown as RawRestDescription };
}

function checkTopLevel(doc: Json, out: Collector) {
  for (const key of ["name", "version"] as const) {
    const v = doc[key];
    if (v === undefined) out.add(key, `Missing required "${key}".`);
    else if (typeof v !== "string" || v === "")
      out.add(key, `"${key}" must be a non-empty string, got ${kindOf(v)}.`);
  }
  checkRootUrl(doc.rootUrl, out);
  if (doc.servicePath === undefined) out.add("servicePath", 'Missing required "servicePath".');
  else if (typeof doc.servicePath !== "string")
    out.add("servicePath", `"servicePath" must be a string, got ${kindOf(doc.servicePath)}.`);
  if (doc.resources === undefined && doc.methods === undefined) {
    out.add("", 'The document has neither "resources" nor "methods", so it describes no API methods.');
  }
  const schemas = isObject(doc.schemas) ? doc.schemas : {};
  if (doc.schemas !== undefined && !isObject(doc.schemas))
    out.add("schemas", `"schemas" must be an object, got ${kindOf(doc.schemas)}.`);
  const ctx: Ctx = { out, schemas };
  for (const [name, schema] of Object.entries(schemas)) checkSchema(schema, joinPath("schemas", name), ctx);
  checkParameters(doc.parameters, "parameters", ctx);
  checkMethods(doc.methods, "methods", ctx);
  checkResources(doc.resources, "resources", ctx);
  for (const key of ["features", "labels"] as const) checkStringArray(doc[key], key, out);
  if (doc.auth !== undefined && !isObject(doc.auth))
    out.add("auth", `"auth" must be an object, got ${kindOf(doc.auth)}.`);
}

function checkRootUrl(v: unknown, out: Collector) {
  if (v === undefined) return out.add("rootUrl", 'Missing required "rootUrl".');
  if (typeof v !== "string") return out.add("rootUrl", `"rootUrl" must be a string, got ${kindOf(v)}.`);
  let url: URL | null = null;
  try {
    url = new URL(v);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    out.add("rootUrl", `"rootUrl" must be an absolute http(s) URL, got ${JSON.stringify(v)}.`);
  }
}

interface Ctx {
  readonly out: Collector;
  readonly schemas: Json;
}

function checkRef(ref: unknown, path: string, ctx: Ctx) {
  if (typeof ref !== "string")
    return ctx.out.add(path, `"$ref" must be a schema name (string), got ${kindOf(ref)}.`);
  if (!Object.hasOwn(ctx.schemas, ref))
    ctx.out.add(path, `"$ref" points to "${ref}", but the document has no schema named "${ref}".`);
}

function checkSchema(schema: unknown, path: string, ctx: Ctx) {
  if (!isObject(schema)) return ctx.out.add(path, `Expected a schema object, got ${kindOf(schema)}.`);
  if (schema.$ref !== undefined) checkRef(schema.$ref, joinPath(path, "$ref"), ctx);
  if (schema.type !== undefined && !(typeof schema.type === "string" && JSON_TYPES.has(schema.type))) {
    ctx.out.add(joinPath(path, "type"), `Unknown type ${JSON.stringify(schema.type)}.`);
  }
  if (schema.properties !== undefined) {
    const propsPath = joinPath(path, "properties");
    if (!isObject(schema.properties))
      ctx.out.add(propsPath, `"properties" must be an object, got ${kindOf(schema.properties)}.`);
    else
      for (const [key, prop] of Object.entries(schema.properties))
        checkSchema(prop, joinPath(propsPath, key), ctx);
  }
  if (schema.items !== undefined) checkSchema(schema.items, joinPath(path, "items"), ctx);
  if (schema.additionalProperties !== undefined)
    checkSchema(schema.additionalProperties, joinPath(path, "additionalProperties"), ctx);
  for (const key of ["enum", "enumDescriptions"] as const)
    checkStringArray(schema[key], joinPath(path, key), ctx.out);
  if (isObject(schema.annotations))
    checkStringArray(schema.annotations.required, joinPath(path, "annotations.required"), ctx.out);
}

function checkParameters(params: unknown, path: string, ctx: Ctx) {
  if (params === undefined) return;
  if (!isObject(params)) return ctx.out.add(path, `"parameters" must be an object, got ${kindOf(params)}.`);
  for (const [name, param] of Object.entries(params)) {
    const p = joinPath(path, name);
    if (!isObject(param)) {
      ctx.out.add(p, `Parameter "${name}" must be an object, got ${kindOf(param)}.`);
      continue;
    }
    checkSchema(param, p, ctx);
    if (
      param.location !== undefined &&
      !(typeof param.location === "string" && LOCATIONS.has(param.location))
    ) {
      ctx.out.add(
        joinPath(p, "location"),
        `Parameter "${name}" has location ${JSON.stringify(param.location)}; expected "query" or "path".`,
      );
    }
  }
}

/** NUL, C0/C1 controls (line feed, carriage return, U+0085) and the Unicode line/paragraph separators. */
const NOT_IN_A_NAME = /[\p{Cc}\u2028\u2029]/u;

/** The key, quoted, with every character that could break a line or hide escaped (`"a\u2028b"`). */
function quotedKey(key: string): string {
  return JSON.stringify(key).replace(
    /[\p{Cc}\u2028\u2029]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * A resource or method key becomes a name in every client library and in generated code; one that is empty or
 * holds a line break or control character names nothing. Reported at the parent's path (the key itself would
 * put the line break into the path), with the key escaped.
 */
function isNameKey(kind: "Resource" | "Method", key: string, parentPath: string, out: Collector): boolean {
  if (key !== "" && !NOT_IN_A_NAME.test(key)) return true;
  out.add(
    parentPath,
    key === ""
      ? `${kind} key "" is empty, so it names nothing.`
      : `${kind} key ${quotedKey(key)} contains a line break or control character, so it is not a name.`,
  );
  return false;
}

function checkMethods(methods: unknown, path: string, ctx: Ctx) {
  if (methods === undefined) return;
  if (!isObject(methods)) return ctx.out.add(path, `"methods" must be an object, got ${kindOf(methods)}.`);
  for (const [name, method] of Object.entries(methods)) {
    if (isNameKey("Method", name, path, ctx.out)) checkMethod(name, method, joinPath(path, name), ctx);
  }
}

function checkMethod(name: string, m: unknown, path: string, ctx: Ctx) {
  const { out } = ctx;
  if (!isObject(m)) return out.add(path, `Method "${name}" must be an object, got ${kindOf(m)}.`);
  for (const key of ["id", "path"] as const) {
    if (typeof m[key] !== "string")
      out.add(joinPath(path, key), `Method "${name}" needs a string "${key}", got ${kindOf(m[key])}.`);
  }
  if (typeof m.httpMethod !== "string")
    out.add(
      joinPath(path, "httpMethod"),
      `Method "${name}" needs a string "httpMethod", got ${kindOf(m.httpMethod)}.`,
    );
  else if (!HTTP_METHODS.has(m.httpMethod.toUpperCase()))
    out.add(joinPath(path, "httpMethod"), `Unknown HTTP method ${JSON.stringify(m.httpMethod)}.`);
  checkParameters(m.parameters, joinPath(path, "parameters"), ctx);
  checkStringArray(m.parameterOrder, joinPath(path, "parameterOrder"), out);
  if (Array.isArray(m.parameterOrder)) {
    const declared = isObject(m.parameters) ? m.parameters : {};
    m.parameterOrder.forEach((p, i) => {
      // Every published document keeps these consistent; a stray name would silently vanish from the form.
      if (typeof p === "string" && !Object.hasOwn(declared, p)) {
        out.add(
          joinPath(joinPath(path, "parameterOrder"), i),
          `parameterOrder names "${p}", which is not a parameter of "${name}".`,
        );
      }
    });
  }
  checkStringArray(m.scopes, joinPath(path, "scopes"), out);
  for (const key of ["request", "response"] as const) {
    const body = m[key];
    if (body === undefined) continue;
    if (!isObject(body)) out.add(joinPath(path, key), `"${key}" must be an object, got ${kindOf(body)}.`);
    else if (body.$ref !== undefined) checkRef(body.$ref, joinPath(joinPath(path, key), "$ref"), ctx);
  }
  if (m.apiVersion !== undefined) {
    const at = joinPath(path, "apiVersion");
    if (typeof m.apiVersion !== "string")
      out.add(at, `"apiVersion" must be a string, got ${kindOf(m.apiVersion)}.`);
    else if (headerValueProblem(m.apiVersion) !== null)
      out.add(
        at,
        '"apiVersion" is sent as the x-goog-api-version header and must not contain a line break (CR or LF) or NUL.',
      );
  }
  if (m.mediaUpload !== undefined && !isObject(m.mediaUpload))
    out.add(joinPath(path, "mediaUpload"), `"mediaUpload" must be an object, got ${kindOf(m.mediaUpload)}.`);
}

function checkResources(resources: unknown, path: string, ctx: Ctx) {
  if (resources === undefined) return;
  if (!isObject(resources))
    return ctx.out.add(path, `"resources" must be an object, got ${kindOf(resources)}.`);
  for (const [name, r] of Object.entries(resources)) {
    if (!isNameKey("Resource", name, path, ctx.out)) continue;
    const p = joinPath(path, name);
    if (!isObject(r)) {
      ctx.out.add(p, `Resource "${name}" must be an object, got ${kindOf(r)}.`);
      continue;
    }
    checkMethods(r.methods, joinPath(p, "methods"), ctx);
    checkResources(r.resources, joinPath(p, "resources"), ctx);
  }
}

function checkStringArray(v: unknown, path: string, out: Collector) {
  if (v === undefined) return;
  if (!Array.isArray(v)) return out.add(path, `Expected an array of strings, got ${kindOf(v)}.`);
  v.forEach((item, i) => {
    if (typeof item !== "string") out.add(joinPath(path, i), `Expected a string, got ${kindOf(item)}.`);
  });
}

/** Validates `GET …/discovery/v1/apis` output. Does not copy or freeze; `list` is the same object. */
export function validateDirectoryList(json: unknown, origin?: string): DirectoryValidation {
  const out = new Collector();
  if (!isObject(json)) out.add("", `Expected a JSON object, got ${kindOf(json)}.`);
  else if (!Array.isArray(json.items))
    out.add("items", `"items" must be an array, got ${kindOf(json.items)}.`);
  else {
    json.items.forEach((item, i) => {
      const p = joinPath("items", i);
      if (!isObject(item)) return out.add(p, `Expected a directory item object, got ${kindOf(item)}.`);
      for (const key of ["name", "version"] as const) {
        if (typeof item[key] !== "string" || item[key] === "")
          out.add(joinPath(p, key), `Missing or empty "${key}".`);
      }
      for (const key of ["id", "title", "description", "discoveryRestUrl", "documentationLink"] as const) {
        if (item[key] !== undefined && typeof item[key] !== "string")
          out.add(joinPath(p, key), `"${key}" must be a string, got ${kindOf(item[key])}.`);
      }
      if (item.preferred !== undefined && typeof item.preferred !== "boolean")
        out.add(joinPath(p, "preferred"), `"preferred" must be a boolean.`);
      checkStringArray(item.labels, joinPath(p, "labels"), out);
    });
  }
  const problems = out.finish();
  if (problems.length > 0) {
    const subject = origin ?? "The directory list";
    const first = problems[0]!;
    return {
      ok: false,
      error: {
        message: `${subject} is not a valid Discovery directory: ${first.path}: ${first.message}`,
        problems,
      },
    };
  }
  return { ok: true, list: json as unknown as RawDirectoryList };
}
