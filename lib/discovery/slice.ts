/**
 * A minimal ApiModel for one method, for the browser. The method page hands this to client components so they can
 * run buildHttpRequest / validateRequest / prepareSnippetInput without shipping the whole (often multi-MB)
 * Discovery document: no other methods, no resource tree, no schemas (the request body's JSON Schema travels
 * separately, when an editor needs it). Pure.
 */
import type { ApiModel, MethodModel } from "./model-types";

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
    resources: [],
    methods: [method],
    schemas: {},
  };
}
