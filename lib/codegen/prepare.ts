/**
 * Normalise once, generate many (style anchor 1): the one place that turns (api, method, request) into the
 * SnippetInput every target reads. Targets never re-derive ordering, filtering or feature flags.
 * Pure.
 */
import { ownValue } from "@/lib/object/own";
import { isSecretParam } from "@/lib/request/canonical";
import { buildHttpRequest } from "@/lib/request/build";
import type { ParamValue } from "@/lib/request/types";

import { GOOGLEAPIS_API_VERSIONS } from "./naming/googleapis-apis.generated";
import { apiVersionKey, isMethodInGoogleapis } from "./naming/node";
import { PYTHON_STATIC_APIS } from "./python-static-apis.generated";
import type { PreparedParam, PrepareInput, SnippetInput, SnippetOptions } from "./types";

const GOOGLEAPIS_APIS: ReadonlySet<string> = new Set(
  GOOGLEAPIS_API_VERSIONS.map(([n, v]) => apiVersionKey(n, v)),
);

function isEmpty(value: ParamValue | undefined): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value === "";
  if (Array.isArray(value)) return value.filter((v) => !(typeof v === "string" && v === "")).length === 0;
  return false;
}

function dropEmptyItems(value: ParamValue): ParamValue {
  return Array.isArray(value) ? value.filter((v) => !(typeof v === "string" && v === "")) : value;
}

/**
 * Parameters with values, in snippet order: path parameters in `parameterOrder` order (then any other path
 * parameter), then the method's other parameters in `method.parameters` order, then standard parameters.
 * Empty values, credential standard parameters and unknown names (no client library accepts them) are dropped.
 */
export function orderedParams(input: PrepareInput): PreparedParam[] {
  const { api, method, request } = input;
  const pathParams = method.parameters.filter((p) => p.location === "path");
  const byOrder = (name: string): number => {
    const i = method.parameterOrder.indexOf(name);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  const sortedPath = [...pathParams].sort((a, b) => byOrder(a.name) - byOrder(b.name));
  const others = method.parameters.filter((p) => p.location !== "path");
  const methodNames = new Set(method.parameters.map((p) => p.name));
  // Credential standard parameters (`key`, `access_token`, …) never come from params: credentials live in
  // `auth`. A method's own parameter of that name (oauth2 v2 `tokeninfo`) is an ordinary parameter.
  const standard = api.standardParameters.filter((p) => !methodNames.has(p.name) && !isSecretParam(p.name));
  const out: PreparedParam[] = [];
  for (const model of [...sortedPath, ...others, ...standard]) {
    // Own keys only: a parameter named `hasOwnProperty` or `constructor` must not read the built-in.
    const value = ownValue(request.params, model.name);
    if (value === undefined || isEmpty(value)) continue;
    out.push({ name: model.name, value: dropEmptyItems(value), model });
  }
  return out;
}

/** Raw keys of the resources nested in the method's parent resource (top-level resources for a root method). */
export function siblingResources(api: PrepareInput["api"], method: PrepareInput["method"]): string[] {
  let nodes = api.resources;
  for (const key of method.resourcePath) {
    const node = nodes.find((r) => r.name === key);
    if (node === undefined) return [];
    nodes = node.resources;
  }
  return nodes.map((r) => r.name);
}

export function prepareSnippetInput(input: PrepareInput): SnippetInput {
  const { api, method, request } = input;
  const params = orderedParams(input);
  const cleaned = { ...request, params: Object.fromEntries(params.map((p) => [p.name, p.value])) };
  return {
    request: cleaned,
    api: {
      name: api.name,
      version: api.version,
      title: api.title,
      revision: api.revision,
      rootUrl: api.rootUrl,
      baseUrl: api.baseUrl,
      pythonStatic: PYTHON_STATIC_APIS.has(`${api.name}.${api.version}`),
      inGoogleapis: isMethodInGoogleapis(
        api.name,
        api.version,
        [...method.resourcePath, method.name],
        GOOGLEAPIS_APIS,
      ),
      dataWrapper: api.features.includes("dataWrapper"),
    },
    method,
    siblingResources: siblingResources(api, method),
    standardParameterNames: api.standardParameters.map((p) => p.name),
    params,
    body: request.body,
    auth: request.auth,
    media: request.media ?? null,
    http: buildHttpRequest(api, method, cleaned),
  };
}

/* ---- Small derived facts shared by the library targets (computed from SnippetInput, never re-parsed). ---- */

/** Whether the client library takes a JSON body for this call (PUT/POST/PATCH with a request schema). */
export function usesBody(input: SnippetInput): boolean {
  return (
    input.method.requestSchema !== null &&
    ["POST", "PUT", "PATCH"].includes(input.method.httpMethod) &&
    input.body !== null
  );
}

/** A media upload is part of the snippet: the method supports it and the request names a file. */
export function mediaUploadApplies(input: SnippetInput): boolean {
  return input.method.supportsMediaUpload && input.media !== null;
}

/** A media download is part of the snippet: the method supports it and the options name a target file. */
export function mediaDownloadApplies(input: SnippetInput, options: SnippetOptions = {}): boolean {
  return input.method.supportsMediaDownload && options.downloadTo !== undefined && options.downloadTo !== "";
}

/** `zoo.zoos.get: GET https://zoo.googleapis.com/zoo/v1/{+name}` — the method and its URL template. */
export function methodSummary(input: SnippetInput): string {
  return `${input.method.id}: ${input.method.httpMethod} ${input.api.baseUrl}${input.method.path}`;
}

/** The first sentence of the method's description, whitespace-flattened, at most 160 characters. */
export function methodBlurb(input: SnippetInput): string {
  const flat = input.method.description.replace(/\s+/g, " ").trim();
  const end = flat.search(/\.(\s|$)/);
  const sentence = end === -1 ? flat : flat.slice(0, end + 1);
  return sentence.length > 160 ? `${sentence.slice(0, 157)}...` : sentence;
}
