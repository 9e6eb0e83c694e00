/**
 * A minimal ApiModel for one method, for the browser. The method page hands this to client components so they can
 * run buildHttpRequest / validateRequest / prepareSnippetInput without shipping the whole (often multi-MB)
 * Discovery document: no other methods, only the resource path to it, no schemas (the request body's JSON Schema travels
 * separately, when an editor needs it). Pure.
 */
import type { ApiModel, MethodModel, ResourceNode } from "./model-types";

/**
 * The resources along the method's path only, each holding just the next one, except the method's own resource:
 * its child resources are kept (by name, emptied) because google-api-python-client hides a method behind a child
 * resource of the same name, and code generation must see that (codegen/prepare.ts `siblingResources`).
 */
function resourceSpine(
  nodes: readonly ResourceNode[],
  method: MethodModel,
  depth = 0,
): readonly ResourceNode[] {
  if (depth === method.resourcePath.length) {
    return nodes.map((n) => ({ ...n, methodIds: [], resources: [] }));
  }
  const node = nodes.find((n) => n.name === method.resourcePath[depth]);
  if (node === undefined) return [];
  const last = depth === method.resourcePath.length - 1;
  return [
    {
      ...node,
      methodIds: last ? [method.id] : [],
      resources: resourceSpine(node.resources, method, depth + 1),
    },
  ];
}

export function sliceApiForMethod(api: ApiModel, method: MethodModel): ApiModel {
  const used = new Set(method.scopes);
  return {
    name: api.name,
    version: api.version,
    id: api.id,
    title: api.title,
    // The API description is documentation the server page renders; the client never needs it.
    description: "",
    revision: api.revision,
    documentationLink: api.documentationLink,
    rootUrl: api.rootUrl,
    servicePath: api.servicePath,
    batchPath: api.batchPath,
    mtlsRootUrl: api.mtlsRootUrl,
    baseUrl: api.baseUrl,
    features: api.features,
    scopes: api.scopes.filter((s) => used.has(s.url)),
    standardParameters: api.standardParameters,
    rootMethodIds: api.rootMethodIds.includes(method.id) ? [method.id] : [],
    resources: resourceSpine(api.resources, method),
    methods: [method],
    schemas: {},
  };
}
