/**
 * Python target: google-api-python-client 2.201.0 + google-auth-oauthlib 1.5.0, loopback OAuth flow.
 *
 * Facts this relies on (docs/client-library-rules.md, sections A and C1):
 * - names: only through the identifier door — `pyAttribute` (fix_method_name; `getattr` with an escaped string when
 *   the name is not a plain identifier) for resources/methods, `pythonKwarg` (key2param, splat for keywords) for
 *   params; parameters that key2param maps to one kwarg are sent without the generated method (kwarg-collision);
 * - values: `True`/`False` for booleans, ints for integers, strings for int64, lists only for repeated params;
 * - `build()` reads the packaged document unless `static_discovery=False`; with neither credentials nor a key it
 *   looks for Application Default Credentials when the document has scopes, so the "no auth" variant passes
 *   `http=build_http()`, which skips that (discovery.py `build_from_document`: `if http is None: … if scopes and
 *   not developerKey: … default_credentials`);
 * - `run_console` is gone (google-auth-oauthlib 1.0.0): `run_local_server(port=0)`; the headless flow (auth.flow
 *   "headless") prints the URL and reads the pasted `http://localhost:<port>/?code=…` address instead (see
 *   emitHeadlessSignIn).
 * Pure: no IO. User values enter only through `pyString`/`pyLiteral`.
 */
import { CodeBuilder, commentText } from "@/lib/codegen/code-builder";
import { pyLiteral, pyNumber, pyString } from "@/lib/codegen/literals/python";
import {
  fixMethodName,
  key2param,
  pyAttribute,
  pythonKwarg,
  pythonLibraryKwargShadowing,
} from "@/lib/codegen/naming/python";
import {
  mediaDownloadApplies,
  mediaUploadApplies,
  methodBlurb,
  methodSummary,
  usesBody,
} from "@/lib/codegen/prepare";
import type { PreparedParam, SnippetInput, SnippetOptions, Target } from "@/lib/codegen/types";
import type { JsonValue, ParamScalar } from "@/lib/request/types";
import { DEFAULT_MEDIA_TYPE } from "@/lib/request/build";
import { checkHeaderField } from "@/lib/request/header-field";

import { pipInstall, PYTHON_AUTH, pythonAuth } from "./auth";
import { pythonProject } from "./project";

/** The Install line of an OAuth snippet (the full set: client library and google-auth-oauthlib). */
export const PYTHON_INSTALL = pipInstall(PYTHON_AUTH.oauth.packages);
/** API-key and no-auth snippets never import google_auth_oauthlib, so they do not ask to install it. */
export const PYTHON_INSTALL_NO_OAUTH = pipInstall(PYTHON_AUTH.none.packages);

/** A parameter value as a Python expression, cast the way `_cast` will read it. */
export function pythonParamValue(param: PreparedParam, asString: boolean, joinRepeated = false): string {
  // The library matches `pattern` with re.match on the value itself (discovery.py `createMethod`), so a
  // non-string value crashes it (TypeError: 'int' object is not iterable); `_cast` turns "1" back into 1.
  const patterned = param.model.pattern !== undefined && param.model.pattern !== "";
  const scalar = (v: ParamScalar): string => {
    if (asString) return pyString(String(v));
    const { type } = param.model;
    if (type === "boolean") {
      const on = v === true || v === "true";
      // `_cast` sends str(bool(value)).lower(): "true" stays true (a false one takes the HTTP fallback).
      if (patterned) return pyString(on ? "true" : "false");
      return on ? "True" : "False";
    }
    if (patterned) return pyString(String(v));
    if ((type === "integer" || type === "number") && typeof v === "number") return pyNumber(v);
    if ((type === "integer" || type === "number") && typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v)) {
      return pyNumber(Number(v));
    }
    return pyString(String(v));
  };
  const { value } = param;
  if (Array.isArray(value)) {
    if (!param.model.repeated || joinRepeated) return scalar(value.map(String).join(","));
    return `[${value.map(scalar).join(", ")}]`;
  }
  return scalar(value);
}

/** Why the library's generated method cannot send this request (then the snippet sends input.http itself). */
export type PythonCallBlocked =
  "shadowed" | "false-pattern" | "kwarg-collision" | "unported-parameter" | "unreachable";

/**
 * Why the library's generated method cannot send this request, or null. `shadowed`: a nested resource named like
 * the method replaces it (discovery.py `_set_service_methods` adds the methods, then the nested resources, under
 * the same attribute names). `false-pattern`: a boolean parameter with a pattern set to false (the pattern check
 * needs a string, and `_cast` sends any non-empty string as true). `kwarg-collision`: a parameter with a value
 * shares its key2param name with another parameter of the method or API (`max-results` and `max_results`, `a"b`
 * and `a'b`): the library's argmap keeps one of them, so the kwarg may be sent under the other's name, and two
 * kwargs of one name do not compile. `unported-parameter`: a parameter with a value whose name key2param cannot
 * be computed here (non-ASCII: the library uses Python's Unicode `isalnum`, which is not ported; or empty).
 * `unreachable`: a resource or method whose fixed name is a dunder
 * (`__class__`), which attribute lookup does not read from the instance.
 */
export function pythonCallBlocked(input: SnippetInput): PythonCallBlocked | null {
  const names = [...input.method.resourcePath, input.method.name];
  if (names.some((n) => /^__.*__$/s.test(fixMethodName(n)))) return "unreachable";
  const name = fixMethodName(input.method.name);
  if ((input.siblingResources ?? []).some((r) => fixMethodName(r) === name)) return "shadowed";
  if (input.params.some((p) => key2paramOrNull(p.name) === null)) return "unported-parameter";
  if (kwargCollisions(input).length > 0) return "kwarg-collision";
  const falsePattern = input.params.some((p) => {
    if (p.model.type !== "boolean" || p.model.pattern === undefined || p.model.pattern === "") return false;
    const values = Array.isArray(p.value) ? p.value : [p.value];
    return values.some((v) => !(v === true || v === "true"));
  });
  return falsePattern ? "false-pattern" : null;
}

/** key2param, or null where it refuses (the kwarg door then refuses the parameter with a typed error). */
function key2paramOrNull(name: string): string | null {
  try {
    return key2param(name);
  } catch {
    return null;
  }
}

/**
 * The parameters with a value whose key2param name is shared with another Discovery parameter of the method or
 * of the API (`_fix_up_parameters` merges them; `set_parameters` keeps the last `argmap[key2param(name)]`).
 * @see https://github.com/googleapis/google-api-python-client/blob/main/googleapiclient/discovery.py (ResourceMethodParameters.set_parameters)
 */
export function kwargCollisions(input: SnippetInput): PreparedParam[] {
  const all = new Set([
    ...input.method.parameters.map((p) => p.name),
    ...(input.standardParameterNames ?? []),
    ...input.params.map((p) => p.name),
  ]);
  const owners = new Map<string, number>();
  for (const n of all) {
    const k = key2paramOrNull(n);
    if (k !== null) owners.set(k, (owners.get(k) ?? 0) + 1);
  }
  return input.params.filter((p) => {
    const k = key2paramOrNull(p.name);
    return k !== null && (owners.get(k) ?? 0) > 1;
  });
}

/**
 * `service.a().b().method` — resources are methods in the Python client. Every name goes through the door
 * (`pyAttribute`): `getattr(service.a(), "x.y")` where the library's name is not an identifier.
 */
export function pythonCallChain(input: SnippetInput, methodSuffix: "" | "_media" | "_next" = ""): string {
  const resources = input.method.resourcePath.reduce(
    (obj, r) => `${pyAttribute(obj, r, "resource")}()`,
    "service",
  );
  return pyAttribute(resources, input.method.name, "method", methodSuffix);
}

/**
 * Repeated parameters given several values. google-api-python-client sends a list as repeated keys, but its
 * `_add_query_parameter` (used for `uploadType` on every upload and by `<m>_next`) raises
 * `ValueError: URL-encoded content contains a repeated value` on such a URL — found by running the snippets.
 */
export function multiValuedParams(input: SnippetInput): PreparedParam[] {
  return input.params.filter((p) => p.model.repeated && Array.isArray(p.value) && p.value.length > 1);
}

interface KwargOptions {
  readonly download: boolean;
  /** Upload with multi-valued repeated params: send them comma-separated (see multiValuedParams). */
  readonly joinRepeated: boolean;
  /** Explicit pagination loop: pageToken comes from a variable. */
  readonly skip: ReadonlySet<string>;
}

function kwargLines(input: SnippetInput, opts: KwargOptions): string[] {
  const { download } = opts;
  const method = {
    httpMethod: input.method.httpMethod,
    hasRequest: input.method.requestSchema !== null,
    hasMediaUpload: input.method.mediaUpload !== null,
  };
  const lines: string[] = [];
  for (const param of input.params) {
    // `<m>_media` sets alt=media itself.
    if ((download && param.name === "alt") || opts.skip.has(param.name)) continue;
    const kwarg = pythonKwarg(param.name);
    const pyName = kwarg.kind === "identifier" ? kwarg.name : kwarg.key;
    const shadow = pythonLibraryKwargShadowing(pyName, method);
    if (shadow === "request-body" || shadow === "media") {
      lines.push(
        `# ${commentText(`Parameter ${param.name} cannot be passed: the library uses "${pyName}" itself.`)}`,
      );
      continue;
    }
    const value = pythonParamValue(param, shadow === "stack-query-parameter", opts.joinRepeated);
    lines.push(
      kwarg.kind === "identifier" ? `${kwarg.name}=${value},` : `**{${pyString(kwarg.key)}: ${value}},`,
    );
  }
  return lines;
}

function generate(input: SnippetInput, options: SnippetOptions = {}): string {
  const b = new CodeBuilder({ indent: "    " });
  const { push, blank, block } = b;
  const { api, method, auth } = input;
  // The generated method cannot be called: send the explorer's request through build()'s authorized http.
  const blocked = pythonCallBlocked(input);
  const download = blocked === null && mediaDownloadApplies(input, options);
  const upload = blocked === null && mediaUploadApplies(input);
  const allPages = blocked === null && options.allPages === true && method.pageable && !download;
  const multiValued = multiValuedParams(input);
  const joinRepeated = upload && multiValued.length > 0;
  // list_next() cannot copy a URL with repeated keys: loop on pageToken explicitly instead.
  const explicitPaging =
    allPages &&
    multiValued.length > 0 &&
    method.parameters.some((p) => p.name === "pageToken" && p.location === "query");
  const emitter = pythonAuth(auth);
  const ctx = { input, options };

  // Header
  push(`# ${commentText(methodSummary(input))}`);
  const blurb = methodBlurb(input);
  if (blurb !== "") push(`# ${commentText(blurb)}`);
  push("#");
  push(`# Install: ${pipInstall(emitter.packages)}`);
  push(emitter.importedAs);
  emitter.header(push, auth, ctx);
  if (!api.pythonStatic) {
    push(
      "# This API is not packaged with google-api-python-client, so build() downloads its Discovery document",
    );
    push("#   (static_discovery=False).");
  }
  if (api.dataWrapper && usesBody(input)) {
    push(
      '# This API uses "dataWrapper": the library sends the body as {"data": …} and unwraps the response.',
    );
  }
  if (upload) {
    push("# The upload is resumable (uploadType=resumable); the explorer shows a single multipart request.");
  }
  if (joinRepeated) {
    const names = multiValued.map((p) => p.name).join(", ");
    push(
      `# ${commentText(`${names}: sent comma-separated. google-api-python-client cannot add uploadType to a URL`)}`,
    );
    push("#   with a repeated query parameter (ValueError); the explorer sends repeated keys.");
  }
  push(`# Run: python snippet.py`);
  blank();

  // Imports: the standard library, then third-party, each sorted (stdlib `import x` lines, then `from` lines).
  const imports = emitter.imports(auth, ctx);
  const stdlib = new Set([...(allPages || !download ? ["json"] : []), "sys", ...(imports.stdlib ?? [])]);
  for (const name of [...stdlib].sort()) push(`import ${name}`);
  for (const line of imports.stdlibFrom ?? []) push(line);
  blank();
  const thirdParty = [
    ...(imports.thirdParty ?? []),
    "from googleapiclient.discovery import build",
    "from googleapiclient.errors import HttpError",
  ];
  for (const line of thirdParty.filter((l) => l.startsWith("import ")).sort()) push(line);
  for (const line of thirdParty.filter((l) => l.startsWith("from ")).sort()) push(line);
  const httpImports = [
    ...(imports.http ?? []),
    ...(download ? ["MediaIoBaseDownload"] : []),
    ...(upload ? ["MediaFileUpload"] : []),
  ];
  if (httpImports.length > 0) push(`from googleapiclient.http import ${httpImports.join(", ")}`);
  blank();

  emitter.definitions(b, auth, ctx);
  blank(2);
  block("def main():", () => {
    const buildArgs = [pyString(api.name), pyString(api.version)];
    buildArgs.push(...emitter.buildArgs(b, auth, ctx));
    if (!api.pythonStatic) buildArgs.push("static_discovery=False");
    push(`service = build(${buildArgs.join(", ")})`);
    blank();
    if (blocked !== null) {
      fallbackRequest(b, input, blocked);
      return;
    }

    const pageTokenParam = input.params.find((p) => p.name === "pageToken");
    const kwargs = kwargLines(input, {
      download,
      joinRepeated,
      skip: new Set(explicitPaging ? ["pageToken"] : []),
    });
    const extra: string[] = [];
    if (usesBody(input) && input.body !== null) {
      const body = api.dataWrapper ? unwrapData(input.body) : input.body;
      extra.push(`body=${pyLiteral(body)},`);
    }
    if (upload && input.media) {
      // Always state the type: without `mimetype=` the library guesses one from the file name (photo.png →
      // image/png), while the explorer and googleapis send DEFAULT_MEDIA_TYPE when the request names none.
      const mime = checkHeaderField(
        "content-type",
        input.media.mimeType || DEFAULT_MEDIA_TYPE,
        "the request's media.mimeType",
      );
      extra.push(
        `media_body=MediaFileUpload(${pyString(input.media.fileName)}, mimetype=${pyString(mime)}, resumable=True),`,
      );
    }
    const callArgs = [...kwargs, ...(explicitPaging ? ["pageToken=page_token,"] : []), ...extra];
    const call = (suffix: "" | "_media"): void => {
      if (callArgs.length === 0) {
        push(`request = ${pythonCallChain(input, suffix)}()`);
        return;
      }
      push(`request = ${pythonCallChain(input, suffix)}(`);
      for (const line of callArgs) push(line, 1);
      push(")");
    };

    if (download && options.downloadTo !== undefined) {
      call("_media");
      block(`with open(${pyString(options.downloadTo)}, "wb") as out:`, () => {
        push("downloader = MediaIoBaseDownload(out, request)");
        push("done = False");
        block("while not done:", () => {
          push("status, done = downloader.next_chunk()");
          push('print(f"Downloaded {int(status.progress() * 100)}%")');
        });
      });
      push(`print("Saved", ${pyString(options.downloadTo)})`);
    } else if (explicitPaging) {
      push("# list_next() cannot copy repeated query parameters, so the page token is passed explicitly.");
      push(`page_token = ${pageTokenParam === undefined ? "None" : pythonParamValue(pageTokenParam, false)}`);
      block("while True:", () => {
        call("");
        push("response = request.execute()");
        push("print(json.dumps(response, indent=2))");
        push('page_token = response.get("nextPageToken")');
        block("if not page_token:", () => push("break"));
      });
    } else if (allPages) {
      call("");
      block("while request is not None:", () => {
        push("response = request.execute()");
        push("print(json.dumps(response, indent=2))");
        push(`request = ${pythonCallChain(input, "_next")}(request, response)`);
      });
    } else {
      call("");
      push("response = request.execute()");
      if (input.method.responseSchema === null) {
        // google-api-python-client uses its RawModel for a method without `response`: execute() returns the body's
        // bytes (json.dumps would raise TypeError), or "" for a 204.
        // @see https://github.com/googleapis/google-api-python-client/blob/main/googleapiclient/discovery.py (createMethod: RawModel)
        push("# This method documents no response body: the library returns the raw bytes.");
        push(
          'print(response.decode("utf-8", "replace") if isinstance(response, bytes) else json.dumps(response, indent=2))',
        );
      } else {
        push("print(json.dumps(response, indent=2))");
      }
    }
  });
  blank(2);
  block('if __name__ == "__main__":', () => {
    block("try:", () => push("main()"));
    block("except HttpError as error:", () => {
      push('print(f"The API returned HTTP {error.status_code}: {error.reason}", file=sys.stderr)');
      push("sys.exit(1)");
    });
  });
  return b.join();
}

/**
 * The request the explorer shows (input.http), sent through the http object build() made (`service._http`: the
 * credentials' AuthorizedHttp, or build_http() without auth), so sign-in, token refresh and HttpError behave as
 * in every other snippet. The library adds no `alt=json` and no `key=` here: the API key goes in x-goog-api-key,
 * as the explorer sends it.
 */
function fallbackRequest(b: CodeBuilder, input: SnippetInput, why: PythonCallBlocked): void {
  const { push, block } = b;
  const { method, http } = input;
  if (why === "unreachable") {
    push(
      `# ${commentText(`google-api-python-client cannot expose ${method.id}: one of its names is a Python`)}`,
    );
    push("#   dunder name (e.g. __class__), which attribute lookup does not read from the resource object.");
  } else if (why === "unported-parameter") {
    const names = input.params.filter((p) => key2paramOrNull(p.name) === null).map((p) => p.name);
    push(
      `# ${commentText(`The keyword argument google-api-python-client makes of ${names.join(", ")} is not`)}`,
    );
    push("#   known here (the name is not ASCII), so it is not passed through the generated method.");
  } else if (why === "kwarg-collision") {
    const names = kwargCollisions(input).map((p) => p.name);
    push(
      `# ${commentText(`google-api-python-client gives ${names.join(", ")} the keyword argument of another`)}`,
    );
    push("#   parameter (key2param turns every non-alphanumeric character into _), so it cannot send them");
    push("#   as given.");
  } else if (why === "shadowed") {
    const chain = pythonCallChain(input);
    push(`# ${commentText(`The usual call, ${chain}(...), does not work:`)}`);
    push(
      `#   ${commentText(`google-api-python-client replaces the method "${fixMethodName(method.name)}" with the nested resource`)}`,
    );
    push("#   of the same name (TypeError: methodResource() got an unexpected keyword argument).");
  } else {
    push(
      "# A boolean parameter with a pattern cannot be false through the library: its pattern check needs a",
    );
    push('#   string, and it sends every non-empty string as "true".');
  }
  push("# So this sends the explorer's request itself, through the HTTP object build() created");
  push(pythonAuth(input.auth).fallbackHow);
  const upload = mediaUploadApplies(input);
  if (upload) push("# The media file is not sent: only the JSON metadata.");
  push(`url = ${pyString(http.url)}`);
  const headers: string[] = [];
  for (const [name, value] of Object.entries(http.headers)) {
    checkHeaderField(name, value);
    if (name === "authorization") continue; // AuthorizedHttp adds the real token.
    if (name === "x-goog-api-key") headers.push(`${pyString(name)}: api_key,`);
    else if (name === "content-type" && upload) headers.push(`"content-type": "application/json",`);
    else headers.push(`${pyString(name)}: ${pyString(value)},`);
  }
  const body: JsonValue | null = upload ? input.body : jsonOrNull(http.body);
  const bodyExpr =
    body !== null
      ? `json.dumps(${pyLiteral(body)})`
      : http.body !== null && !upload
        ? pyString(http.body)
        : null;
  if (headers.length === 0) push("headers = {}");
  else {
    push("headers = {");
    for (const line of headers) push(line, 1);
    push("}");
  }
  const args = [`url`, `method=${pyString(http.method)}`, ...(bodyExpr !== null ? [`body=${bodyExpr}`] : [])];
  args.push("headers=headers");
  push("response, content = service._http.request(");
  for (const a of args) push(`${a},`, 1);
  push(")");
  block("if response.status >= 300:", () => push("raise HttpError(response, content, uri=url)"));
  push("print(json.dumps(json.loads(content) if content else {}, indent=2))");
}

function jsonOrNull(text: string | null): JsonValue | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return null;
  }
}

/** The Python client wraps bodies in `{"data": …}` for dataWrapper APIs; undo an explorer-side wrap. */
function unwrapData(body: NonNullable<SnippetInput["body"]>): NonNullable<SnippetInput["body"]> {
  if (typeof body === "object" && !Array.isArray(body) && body !== null) {
    const keys = Object.keys(body);
    const data = body.data;
    if (keys.length === 1 && data !== undefined && data !== null) return data;
  }
  return body;
}

export const pythonTarget: Target = {
  id: "python",
  label: "Python (google-api-python-client)",
  tabLabel: "Python",
  extension: "py",
  language: "python",
  capabilities: { allPages: true, tokenCache: true, download: true, signsIn: true },
  project: pythonProject,
  refuseAlt(input, alt) {
    if (alt === "media" && input.method.supportsMediaDownload) return null;
    const why =
      alt === "media"
        ? `${input.method.id} has no media download, so google-api-python-client has no _media call for it`
        : "google-api-python-client always sends alt=json (alt=media only for media downloads)";
    return `This request sets alt=${alt}, but ${why}: the Python code would send alt=json instead. Remove alt or use cURL.`;
  },
  generate,
};
