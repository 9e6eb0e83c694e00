/**
 * One prepared request per form state: the HTTP preview, the code panel, the project download and Execute all
 * take this value, so none of them can show or send anything but what the form holds. Pure.
 *
 * The body comes from the editor's text when it is given (the form's state), never from an earlier parse: when the
 * text does not parse, the request is `invalid` with the reason, and there is no HTTP request at all — every
 * consumer shows the reason instead of an older body.
 */
import type { ApiModel, MethodModel } from "../discovery/model-types";
import { buildHttpRequest } from "./build";
import type { ExplorerRequest, HttpRequestSpec, JsonValue, ValidationIssue } from "./types";
import { validateRequest } from "./validate";

export type PreparedRequest =
  | {
      readonly state: "ready";
      /** The request as every output uses it (body = the parsed editor text). */
      readonly request: ExplorerRequest;
      /** Validation issues: they block Execute; the preview and code still show the request. */
      readonly issues: readonly ValidationIssue[];
      readonly http: HttpRequestSpec;
    }
  | {
      readonly state: "invalid";
      readonly request: ExplorerRequest;
      readonly issues: readonly ValidationIssue[];
      /** Why nothing can be shown or sent, as a sentence. */
      readonly reason: string;
    };

type BodyFromText =
  { readonly ok: true; readonly body: JsonValue | null } | { readonly ok: false; readonly error: string };

function parseBody(text: string): BodyFromText {
  if (text.trim() === "") return { ok: true, body: null };
  try {
    return { ok: true, body: JSON.parse(text) as JsonValue };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * `req` with its body taken from `bodyText` (when given and the method has a request body), validated and built.
 * A body text that does not parse, or a request that cannot be built, gives `state: "invalid"`.
 */
export function prepareRequest(
  api: ApiModel,
  method: MethodModel,
  req: ExplorerRequest,
  bodyText?: string,
): PreparedRequest {
  let request = req;
  if (bodyText !== undefined && method.requestSchema !== null) {
    const parsed = parseBody(bodyText);
    if (!parsed.ok) {
      const reason = `The request body is not valid JSON: ${parsed.error}`;
      // The last good parse must not survive anywhere in the prepared value.
      const withoutBody = { ...req, body: null };
      const issues = [
        ...validateRequest(api, method, withoutBody),
        { param: "body", code: "body", message: reason } as const,
      ];
      return { state: "invalid", request: withoutBody, issues, reason };
    }
    request = { ...req, body: parsed.body };
  }
  const issues = validateRequest(api, method, request);
  try {
    return { state: "ready", request, issues, http: buildHttpRequest(api, method, request) };
  } catch (err) {
    const reason = `The request cannot be built: ${err instanceof Error ? err.message : String(err)}`;
    return { state: "invalid", request, issues, reason };
  }
}
