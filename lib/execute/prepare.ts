/**
 * Turns the request the form shows into the arguments of the browser's `fetch`. Pure (no IO): the only inputs
 * are the spec from lib/request/build.ts, the credentials held in memory, and the picked file's bytes.
 *
 * "Exactly the request the HTTP tab shows": same method, URL, headers and JSON body; credentials replace the
 * `{ACCESS_TOKEN}` / `{API_KEY}` placeholders (withCredentials) and the file's bytes replace `<contents of …>`.
 * The multipart boundary stays the previewed one unless the file happens to contain it (then a random one).
 */
import {
  buildHttpRequest,
  DEFAULT_MEDIA_TYPE,
  MULTIPART_BOUNDARY,
  multipartHead,
  multipartTail,
  uploadProtocolFor,
  withCredentials,
} from "../request/build";
import { authKind } from "../request/auth-kinds";
import { checkHeaderFields } from "../request/header-field";
import type { ApiModel, MethodModel } from "../discovery/model-types";
import type { ExplorerRequest, HttpRequestSpec } from "../request/types";

export interface ExecutionCredentials {
  readonly accessToken?: string;
  readonly apiKey?: string;
}

/** The picked file: its bytes and what the browser knows of it. */
export interface PickedFile {
  readonly name: string;
  readonly type: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

export interface PreparedFetch {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** null, the JSON text, or the bytes (uploads). */
  readonly body: string | Uint8Array<ArrayBuffer> | null;
  /** The spec as previewed (placeholders, not credentials): what the UI names when asking for confirmation. */
  readonly spec: HttpRequestSpec;
  /** Whether the request changes data (anything but GET/HEAD): ask first. */
  readonly changesData: boolean;
}

export type PrepareProblem =
  "missing-path-params" | "needs-token" | "needs-api-key" | "needs-file" | "bad-credential" | "build-failed";

export type PrepareResult =
  | { readonly ok: true; readonly prepared: PreparedFetch }
  | { readonly ok: false; readonly problem: PrepareProblem; readonly message: string };

const encoder = new TextEncoder();

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** A boundary that occurs in neither part (RFC 2046 §5.1.1: it must not appear in the encapsulated data). */
export function chooseBoundary(json: string, file: Uint8Array, random: () => string): string {
  let boundary = MULTIPART_BOUNDARY;
  while (json.includes(boundary) || contains(file, encoder.encode(boundary)))
    boundary = `explorer_${random()}`;
  return boundary;
}

/**
 * The multipart/related upload body with real bytes: the layout the preview shows (lib/request/build.ts).
 */
export function multipartBody(
  json: string,
  file: PickedFile,
  mime: string,
  boundary: string,
): Uint8Array<ArrayBuffer> {
  const head = multipartHead(json, mime, boundary);
  return concat([encoder.encode(head), file.bytes, encoder.encode(multipartTail(boundary))]);
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function prepareFetch(
  api: ApiModel,
  method: MethodModel,
  request: ExplorerRequest,
  creds: ExecutionCredentials,
  file: PickedFile | null,
  random: () => string = randomToken,
): PrepareResult {
  let spec: HttpRequestSpec;
  try {
    spec = buildHttpRequest(api, method, request);
  } catch (err) {
    return { ok: false, problem: "build-failed", message: err instanceof Error ? err.message : String(err) };
  }
  if (spec.missingPathParams !== undefined && spec.missingPathParams.length > 0) {
    return {
      ok: false,
      problem: "missing-path-params",
      message: `Fill in the path parameter${spec.missingPathParams.length > 1 ? "s" : ""} ${spec.missingPathParams.join(", ")} first.`,
    };
  }
  const credential = authKind(request.auth.type).execute;
  if (credential === "accessToken" && !creds.accessToken)
    return {
      ok: false,
      problem: "needs-token",
      message: "Sign in with Google or paste an access token first.",
    };
  if (credential === "apiKey" && !creds.apiKey)
    return { ok: false, problem: "needs-api-key", message: "Enter an API key first." };

  let withCreds: HttpRequestSpec;
  try {
    withCreds = withCredentials(spec, {
      ...(credential === "accessToken" && creds.accessToken ? { accessToken: creds.accessToken } : {}),
      ...(credential === "apiKey" && creds.apiKey ? { apiKey: creds.apiKey } : {}),
    });
  } catch (err) {
    return {
      ok: false,
      problem: "bad-credential",
      message: err instanceof Error ? err.message : String(err),
    };
  }

  const headers: Record<string, string> = { ...withCreds.headers };
  let body: string | Uint8Array<ArrayBuffer> | null = withCreds.body;
  const protocol = uploadProtocolFor(method, request);
  if (protocol !== null && request.media !== undefined) {
    if (file === null)
      return {
        ok: false,
        problem: "needs-file",
        message: `Pick the file to upload: the form only names it (${request.media.fileName}) for the code.`,
      };
    const mime = request.media.mimeType || DEFAULT_MEDIA_TYPE;
    if (protocol === "multipart") {
      const json =
        method.requestSchema !== null && request.body !== null ? JSON.stringify(request.body) : "{}";
      const boundary = chooseBoundary(json, file.bytes, random);
      headers["content-type"] = `multipart/related; boundary=${boundary}`;
      body = multipartBody(json, file, mime, boundary);
    } else {
      body = file.bytes;
    }
  }
  try {
    checkHeaderFields(headers);
  } catch (err) {
    return { ok: false, problem: "build-failed", message: err instanceof Error ? err.message : String(err) };
  }
  return {
    ok: true,
    prepared: {
      method: spec.method,
      url: spec.url,
      headers,
      body,
      spec,
      changesData: spec.method !== "GET" && spec.method !== "HEAD",
    },
  };
}
