/**
 * RawRestDescription → ApiModel: the one reshape step between the wire format and everything else.
 *
 * Pure and non-mutating: the raw document is only read (tests pass a deep-frozen one), and the result is a fresh,
 * deep-frozen tree of plain data, so one cached ApiModel can be shared by every request and sent to the client.
 */
import { MAX_NESTING_DEPTH, NestingTooDeepError } from "./nesting";
import { deepFreeze } from "./freeze";
import { buildMediaUpload } from "./media";
import type { ApiModel, HttpVerb, MethodModel, ResourceNode, ScopeModel } from "./model-types";
import { buildMethodParameters, buildStandardParameters, byString } from "./parameters";
import type { RawMethod, RawResource, RawRestDescription, RawSchema } from "./types";

const VERBS = new Set<HttpVerb>(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);

/** rootUrl + servicePath with exactly one slash between (python: `urljoin(rootUrl, servicePath)`). */
export function joinBaseUrl(rootUrl: string, servicePath: string): string {
  return `${rootUrl.replace(/\/+$/, "")}/${servicePath.replace(/^\/+/, "")}`;
}

/** Follows `$ref` chains (a schema that is only a `$ref`) to the schema with content; stops on cycles. */
function derefSchema(
  schemas: Readonly<Record<string, RawSchema>>,
  name: string | undefined,
): RawSchema | undefined {
  const seen = new Set<string>();
  let schema: RawSchema | undefined;
  while (name !== undefined && !seen.has(name)) {
    seen.add(name);
    schema = Object.hasOwn(schemas, name) ? schemas[name] : undefined;
    name = schema?.$ref;
  }
  return schema;
}

const hasProperty = (schema: RawSchema | undefined, key: string) =>
  schema?.properties !== undefined && Object.hasOwn(schema.properties, key);

/**
 * The `pageable` rule of model-types.ts (python's `_add_next_methods`): the response schema has `nextPageToken`
 * and the method takes `pageToken`, as a parameter or in its request body.
 */
function isPageable(method: RawMethod, schemas: Readonly<Record<string, RawSchema>>): boolean {
  if (!hasProperty(derefSchema(schemas, method.response?.$ref), "nextPageToken")) return false;
  if (method.parameters !== undefined && Object.hasOwn(method.parameters, "pageToken")) return true;
  return hasProperty(derefSchema(schemas, method.request?.$ref), "pageToken");
}

function buildMethod(
  doc: RawRestDescription,
  name: string,
  resourcePath: readonly string[],
  raw: RawMethod,
): MethodModel {
  const verb = (raw.httpMethod ?? "GET").toUpperCase() as HttpVerb;
  const schemas = doc.schemas ?? {};
  const media = buildMediaUpload(raw.mediaUpload);
  const model: { -readonly [K in keyof MethodModel]: MethodModel[K] } = {
    // validate.ts requires `id`; the fallback only keeps an unvalidated document from crashing the build.
    id: raw.id ?? [doc.name, ...resourcePath, name].join("."),
    name,
    resourcePath: [...resourcePath],
    httpMethod: VERBS.has(verb) ? verb : "GET",
    path: raw.path ?? "",
    description: raw.description ?? "",
    deprecated: raw.deprecated === true,
    parameters: buildMethodParameters(raw),
    parameterOrder: [...(raw.parameterOrder ?? [])],
    requestSchema: raw.request?.$ref ?? null,
    responseSchema: raw.response?.$ref ?? null,
    scopes: [...(raw.scopes ?? [])],
    supportsMediaUpload: raw.supportsMediaUpload ?? media !== null,
    mediaUpload: media,
    supportsMediaDownload: raw.supportsMediaDownload === true,
    useMediaDownloadService: raw.useMediaDownloadService === true,
    pageable: isPageable(raw, schemas),
  };
  if (raw.flatPath !== undefined) model.flatPath = raw.flatPath;
  if (raw.apiVersion !== undefined) model.apiVersion = raw.apiVersion;
  return model;
}

/** Builds methods of one method map into `sink`; returns their ids sorted by method name. */
function collectMethods(
  doc: RawRestDescription,
  methods: Readonly<Record<string, RawMethod>> | undefined,
  resourcePath: readonly string[],
  sink: MethodModel[],
): string[] {
  return Object.keys(methods ?? {})
    .sort(byString)
    .map((name) => {
      const m = buildMethod(doc, name, resourcePath, methods![name]!);
      sink.push(m);
      return m.id;
    });
}

function buildResources(
  doc: RawRestDescription,
  resources: Readonly<Record<string, RawResource>> | undefined,
  parent: readonly string[],
  sink: MethodModel[],
): ResourceNode[] {
  // Validation already refuses such documents; this guards models built from unvalidated ones (tests, tools).
  if (parent.length > MAX_NESTING_DEPTH)
    throw new NestingTooDeepError(`resources.${parent.join(".resources.")}`, MAX_NESTING_DEPTH);
  return Object.keys(resources ?? {})
    .sort(byString)
    .map((name) => {
      const raw = resources![name]!;
      const path = [...parent, name];
      return {
        name,
        path,
        deprecated: raw.deprecated === true,
        methodIds: collectMethods(doc, raw.methods, path, sink),
        resources: buildResources(doc, raw.resources, path, sink),
      };
    });
}

function buildScopes(doc: RawRestDescription): ScopeModel[] {
  const scopes = doc.auth?.oauth2?.scopes ?? {};
  return Object.keys(scopes)
    .sort(byString)
    .map((url) => ({ url, description: scopes[url]?.description ?? "" }));
}

/**
 * The schemas are exposed as-is. A document from parseDiscoveryDocument is already deep-frozen and is shared; any
 * other is cloned before freezing so the caller's object is left exactly as it was.
 */
function frozenSchemas(doc: RawRestDescription): Readonly<Record<string, RawSchema>> {
  const schemas = doc.schemas ?? {};
  return Object.isFrozen(schemas) ? schemas : deepFreeze(structuredClone(schemas));
}

export function buildApiModel(doc: RawRestDescription): ApiModel {
  const methods: MethodModel[] = [];
  const rootMethodIds = collectMethods(doc, doc.methods, [], methods);
  const resources = buildResources(doc, doc.resources, [], methods);
  methods.sort((a, b) => byString(a.id, b.id));
  const api: ApiModel = {
    name: doc.name,
    version: doc.version,
    id: `${doc.name}:${doc.version}`,
    title: doc.title ?? doc.name,
    description: doc.description ?? "",
    revision: doc.revision ?? null,
    documentationLink: doc.documentationLink ?? null,
    rootUrl: doc.rootUrl,
    servicePath: doc.servicePath,
    batchPath: doc.batchPath ?? null,
    mtlsRootUrl: doc.mtlsRootUrl ?? null,
    baseUrl: joinBaseUrl(doc.rootUrl, doc.servicePath),
    features: [...(doc.features ?? [])],
    scopes: buildScopes(doc),
    standardParameters: buildStandardParameters(doc.parameters),
    rootMethodIds,
    resources,
    methods,
    schemas: frozenSchemas(doc),
  };
  return deepFreeze(api);
}

/** Binary search over the id-sorted flat index. */
export function findMethod(api: ApiModel, id: string): MethodModel | undefined {
  let lo = 0;
  let hi = api.methods.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = api.methods[mid]!;
    if (m.id === id) return m;
    if (m.id < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** The methods directly on `node` (not its children), in `methodIds` order (by method name). */
export function methodsOfResource(api: ApiModel, node: ResourceNode): MethodModel[] {
  return node.methodIds.map((id) => findMethod(api, id)).filter((m): m is MethodModel => m !== undefined);
}

/** Walks the resource tree along raw resource keys, e.g. `["zoos", "animals"]`. */
export function findResource(api: ApiModel, path: readonly string[]): ResourceNode | undefined {
  let nodes = api.resources;
  let found: ResourceNode | undefined;
  for (const key of path) {
    found = nodes.find((n) => n.name === key);
    if (!found) return undefined;
    nodes = found.resources;
  }
  return found;
}
