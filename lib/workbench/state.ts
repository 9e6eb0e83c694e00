/**
 * The workbench state: the request being composed, the body text as typed, the snippet language and options.
 * Pure transitions; the React component only holds the value and calls these.
 *
 * `request` is always in normal form (normalizeRequest with the method and API), so equal requests give equal
 * share strings. `bodyText` is what the user typed; `request.body` is its last successful parse, so an invalid
 * body never blocks editing and never discards the text. That last parse is NOT what the page shows or sends:
 * every output takes `prepareRequest(api, method, request, bodyText)` (lib/request/prepare.ts), which is
 * invalid while the text does not parse.
 */
import type { ApiModel, MethodModel, ParameterModel } from "../discovery/model-types";
import { normalizeRequest } from "../request/canonical";
import type { ExplorerRequest, JsonValue, MediaSpec, RequestAuth } from "../request/types";
import type { SnippetOptions, TargetId } from "../codegen/types";
import { withParamList, withParamText } from "./fields";

export const DEFAULT_LANGUAGE: TargetId = "typescript";

export interface WorkbenchState {
  readonly request: ExplorerRequest;
  readonly bodyText: string;
  readonly language: TargetId;
  readonly options: SnippetOptions;
}

export type WorkbenchModel = { readonly api: ApiModel; readonly method: MethodModel };

export function normalizeFor(model: WorkbenchModel, request: ExplorerRequest): ExplorerRequest {
  return normalizeRequest(request, model.method, model.api);
}

/** The editor text for a body: pretty JSON, or "" for no body. */
export function bodyTextFor(body: JsonValue | null): string {
  return body === null ? "" : JSON.stringify(body, null, 2);
}

export type BodyParse =
  { readonly ok: true; readonly value: JsonValue | null } | { readonly ok: false; readonly error: string };

/** Blank text means "no body". */
export function parseBodyText(text: string): BodyParse {
  if (text.trim() === "") return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

export function initialState(
  model: WorkbenchModel,
  request: ExplorerRequest,
  language: TargetId = DEFAULT_LANGUAGE,
  bodyText?: string,
  options: SnippetOptions = {},
): WorkbenchState {
  const text = bodyText ?? bodyTextFor(request.body);
  const parsed = parseBodyText(text);
  const normal = normalizeFor(model, request);
  return {
    request: parsed.ok && bodyText !== undefined ? { ...normal, body: parsed.value } : normal,
    bodyText: text,
    language,
    options,
  };
}

export type WorkbenchAction =
  | { readonly type: "paramText"; readonly param: ParameterModel; readonly text: string }
  | { readonly type: "paramList"; readonly param: ParameterModel; readonly items: readonly string[] }
  | { readonly type: "bodyText"; readonly text: string }
  | { readonly type: "auth"; readonly auth: RequestAuth }
  | { readonly type: "media"; readonly media: MediaSpec | null }
  | { readonly type: "language"; readonly language: TargetId }
  | { readonly type: "options"; readonly options: SnippetOptions }
  | { readonly type: "replace"; readonly state: WorkbenchState };

export function reduceWorkbench(
  model: WorkbenchModel,
  state: WorkbenchState,
  action: WorkbenchAction,
): WorkbenchState {
  const withRequest = (request: ExplorerRequest): WorkbenchState => ({
    ...state,
    request: normalizeFor(model, request),
  });
  switch (action.type) {
    case "paramText":
      return withRequest({
        ...state.request,
        params: withParamText(state.request.params, action.param, action.text),
      });
    case "paramList":
      return withRequest({
        ...state.request,
        params: withParamList(state.request.params, action.param, action.items),
      });
    case "bodyText": {
      const parsed = parseBodyText(action.text);
      const request = parsed.ok ? { ...state.request, body: parsed.value } : state.request;
      return { ...state, bodyText: action.text, request };
    }
    case "auth":
      return withRequest({ ...state.request, auth: action.auth });
    case "media": {
      const { media: _old, ...rest } = state.request;
      void _old;
      return withRequest(action.media === null ? rest : { ...rest, media: action.media });
    }
    case "language":
      return { ...state, language: action.language };
    case "options":
      return { ...state, options: action.options };
    case "replace":
      return action.state;
  }
}

/** The body error to show, or null when the text parses. */
export function bodyError(state: WorkbenchState): string | null {
  const parsed = parseBodyText(state.bodyText);
  return parsed.ok ? null : parsed.error;
}
