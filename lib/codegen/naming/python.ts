/**
 * Naming rules of google-api-python-client (2.201.0), ported as small pure functions.
 *
 * The library turns Discovery names into Python attribute and keyword-argument names at run time
 * (`build()` attaches methods dynamically), so a snippet only runs if it spells every name exactly as
 * these functions do. `python.test.ts` compares them with the installed library's own functions.
 *
 * Discovery names are ASCII in every published document; the character classes below are the ASCII
 * subsets of Python's `str.isalpha` / `str.isalnum`. For non-ASCII input the functions throw
 * {@link NonAsciiDiscoveryName} rather than silently disagree with Python's Unicode tables.
 */

import { pyString } from "../literals/python";

import { UnsafeIdentifier } from "./unsafe-identifier";

/**
 * `keyword.kwlist` of Python 3.11 (the venv's 3.11.7). Soft keywords (`match`, `case`, `_`) are not in it
 * and `keyword.iskeyword` is false for them, so they need no escaping. The list is stable since 3.7
 * (`async`/`await` became keywords then).
 * @see https://docs.python.org/3.11/library/keyword.html#keyword.kwlist
 * @see https://github.com/python/cpython/blob/3.11/Lib/keyword.py
 */
export const PYTHON_KEYWORDS: ReadonlySet<string> = new Set([
  "False",
  "None",
  "True",
  "and",
  "as",
  "assert",
  "async",
  "await",
  "break",
  "class",
  "continue",
  "def",
  "del",
  "elif",
  "else",
  "except",
  "finally",
  "for",
  "from",
  "global",
  "if",
  "import",
  "in",
  "is",
  "lambda",
  "nonlocal",
  "not",
  "or",
  "pass",
  "raise",
  "return",
  "try",
  "while",
  "with",
  "yield",
]);

/**
 * `RESERVED_WORDS`: names the library reserves for itself on method objects.
 * @see https://github.com/googleapis/google-api-python-client/blob/main/googleapiclient/discovery.py (RESERVED_WORDS)
 */
export const PYTHON_RESERVED_WORDS: ReadonlySet<string> = new Set(["body"]);

/**
 * `STACK_QUERY_PARAMETERS`: query parameters the library adds to every method. A Discovery parameter with
 * one of these names (oauth2 v2 `tokeninfo` declares all four) is overwritten by the library's own
 * description `{type: "string", location: "query"}`: the kwarg still works and is sent under the same name,
 * but the value is cast with `str(v)`, so emit strings (`"true"`), not `True` (which would be sent as `True`).
 * @see https://github.com/googleapis/google-api-python-client/blob/main/googleapiclient/discovery.py (_fix_up_parameters)
 */
export const PYTHON_STACK_QUERY_PARAMETERS: ReadonlySet<string> = new Set([
  "trace",
  "pp",
  "userip",
  "strict",
]);

/** Thrown for a name outside ASCII: our character classes are ASCII-only (see module comment). */
export class NonAsciiDiscoveryName extends Error {
  constructor(readonly discoveryName: string) {
    super(
      `Discovery name is not ASCII, Python naming is not ported for it: ${JSON.stringify(discoveryName)}`,
    );
    this.name = "NonAsciiDiscoveryName";
  }
}

/** Thrown where Python itself fails (`key2param("")` raises IndexError). */
export class InvalidDiscoveryName extends Error {
  constructor(
    readonly discoveryName: string,
    reason: string,
  ) {
    super(`Invalid Discovery name ${JSON.stringify(discoveryName)}: ${reason}`);
    this.name = "InvalidDiscoveryName";
  }
}

function assertAscii(name: string): void {
  if (!/^[\x00-\x7f]*$/.test(name)) throw new NonAsciiDiscoveryName(name);
}

const ASCII_ALPHA = /^[A-Za-z]$/;
const ASCII_ALNUM = /^[A-Za-z0-9]$/;

/** True when `keyword.iskeyword(name)` is true in Python 3.11. */
export function isPythonKeyword(name: string): boolean {
  return PYTHON_KEYWORDS.has(name);
}

/**
 * `fix_method_name`: `$` and `-` become `_`; a Python keyword or `body` gets a trailing `_`. Used for
 * resource names as well as method names (`import` → `import_`, `global` → `global_`,
 * `well-known` → `well_known`, `-` → `_`). Dots and other characters are left alone (no current name has
 * one; the caller must then use `getattr`, see {@link isPythonIdentifier}).
 * @see https://github.com/googleapis/google-api-python-client/blob/main/googleapiclient/discovery.py (fix_method_name)
 */
export function fixMethodName(name: string): string {
  const replaced = name.replaceAll("$", "_").replaceAll("-", "_");
  return isPythonKeyword(replaced) || PYTHON_RESERVED_WORDS.has(replaced) ? `${replaced}_` : replaced;
}

/**
 * `key2param`: prefix `x` when the first character is not alphabetic, then every non-alphanumeric
 * character becomes `_`. No keyword escaping (`from` stays `from`; see {@link pythonKwarg}).
 * `$.xgafv` → `x__xgafv`, `max-results` → `max_results`, `_since` → `x_since`.
 * @throws InvalidDiscoveryName for `""` (Python raises IndexError); NonAsciiDiscoveryName outside ASCII.
 * @see https://github.com/googleapis/google-api-python-client/blob/main/googleapiclient/discovery.py (key2param)
 */
export function key2param(key: string): string {
  if (key === "") throw new InvalidDiscoveryName(key, "empty name (key2param raises IndexError)");
  assertAscii(key);
  const chars = [...key].map((c) => (ASCII_ALNUM.test(c) ? c : "_"));
  return (ASCII_ALPHA.test(key[0] ?? "") ? "" : "x") + chars.join("");
}

/** A plain ASCII Python identifier that is not a keyword (what may follow `.` or stand before `=`). */
export function isPythonIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !isPythonKeyword(name);
}

/**
 * How one parameter is written in a method call:
 * - `identifier`: `name=value`
 * - `splat`: `**{key: value}`, for the parameters whose Python name is a keyword (`from` in apigee,
 *   `continue` in run v1). `key` is the Python name (`key2param`), which is what the method's
 *   `**kwargs` is checked against (`ResourceMethodParameters.argmap`); the library then sends the
 *   Discovery name on the wire. Because `key2param` only ever adds `x`/`_`, a keyword result is always
 *   identical to its Discovery name. Verified against the library in `python.test.ts`.
 */
export type PythonKwarg =
  { readonly kind: "identifier"; readonly name: string } | { readonly kind: "splat"; readonly key: string };

/**
 * The keyword-argument form of a Discovery parameter name.
 * @see https://github.com/googleapis/google-api-python-client/blob/main/googleapiclient/discovery.py (ResourceMethodParameters.set_parameters, createMethod)
 */
export function pythonKwarg(discoveryName: string): PythonKwarg {
  let name: string;
  try {
    name = key2param(discoveryName);
  } catch (e) {
    if (e instanceof NonAsciiDiscoveryName) {
      throw new UnsafeIdentifier(
        "python",
        "parameter",
        discoveryName,
        "google-api-python-client names it with Python's Unicode isalnum(), which is not ported",
      );
    }
    if (e instanceof InvalidDiscoveryName) {
      throw new UnsafeIdentifier("python", "parameter", discoveryName, "key2param fails on an empty name");
    }
    throw e;
  }
  // key2param only ever yields [A-Za-z0-9_] starting with a letter, so a keyword is the only non-identifier.
  return isPythonIdentifier(name) ? { kind: "identifier", name } : { kind: "splat", key: name };
}

/**
 * Attributes a built `Resource` already has that start with `_` (its own state and helpers, read by the library
 * after the Discovery methods are attached). `_set_dynamic_attr` writes a resource or method into the instance
 * `__dict__`, so a Discovery key fixed to one of these names would overwrite the library's own attribute
 * (`_http` → every request on that resource breaks). `python.test.ts` compares this list with the library.
 * @see https://github.com/googleapis/google-api-python-client/blob/main/googleapiclient/discovery.py (Resource.__init__, _set_dynamic_attr)
 */
export const PYTHON_RESOURCE_OWN_ATTRIBUTES: ReadonlySet<string> = new Set([
  "_add_basic_methods",
  "_add_nested_resources",
  "_add_next_methods",
  "_baseUrl",
  "_credentials_validated",
  "_developerKey",
  "_dynamic_attrs",
  "_http",
  "_model",
  "_requestBuilder",
  "_resourceDesc",
  "_rootDesc",
  "_schema",
  "_set_dynamic_attr",
  "_set_service_methods",
  "_universe_domain",
  "_validate_credentials",
]);

/**
 * THE door for resource and method names into Python code: the expression that reads the attribute
 * google-api-python-client creates for Discovery key `discoveryKey` (plus `suffix`, `_media` or `_next`, which
 * the library appends BEFORE fixing the name: `fix_method_name("import" + "_media")` is `import_media`) on the
 * object `objectSource`. `service.things` when the fixed name is a plain identifier, otherwise
 * `getattr(service, "…")` with the name as an escaped string (the library stores any string as an attribute,
 * so a key with quotes, `.`, spaces, newlines or non-ASCII is still reachable, and nothing in it is code).
 * @throws UnsafeIdentifier for an empty key, a dunder name (Python's own, e.g. `__class__`, which getattr does
 *   not read from the instance), or one of {@link PYTHON_RESOURCE_OWN_ATTRIBUTES}.
 * @see https://github.com/googleapis/google-api-python-client/blob/main/googleapiclient/discovery.py (fix_method_name, createMethod, createNextMethod)
 */
export function pyAttribute(
  objectSource: string,
  discoveryKey: string,
  kind: "resource" | "method",
  suffix: "" | "_media" | "_next" = "",
): string {
  const refuse = (reason: string): never => {
    throw new UnsafeIdentifier("python", kind, discoveryKey, reason);
  };
  if (discoveryKey === "") refuse("the name is empty");
  const name = fixMethodName(discoveryKey + suffix);
  if (/^__.*__$/s.test(name)) {
    refuse(`google-api-python-client would name it ${pyString(name)}, a name Python reserves for itself`);
  }
  if (PYTHON_RESOURCE_OWN_ATTRIBUTES.has(name)) {
    refuse(`google-api-python-client would overwrite its own attribute ${name} with it`);
  }
  return isPythonIdentifier(name) ? `${objectSource}.${name}` : `getattr(${objectSource}, ${pyString(name)})`;
}

/**
 * One keyword argument as source text, given the already-escaped value source (from `pyLiteral`):
 * `max_results=5`, or `**{"from": "2020"}` for a keyword name. Python allows `**` and `name=` in any order.
 */
export function pyKwargSource(discoveryName: string, valueSource: string): string {
  const k = pythonKwarg(discoveryName);
  return k.kind === "identifier" ? `${k.name}=${valueSource}` : `**{${pyString(k.key)}: ${valueSource}}`;
}

/**
 * Keyword arguments the library itself adds to methods, which shadow a Discovery parameter of the same
 * name (the library's entry replaces the document's in `parameters`, see `_fix_up_parameters` and
 * `_fix_up_media_upload`):
 * - `body`: added when the HTTP method is PUT/POST/PATCH and the method has a `request`. A Discovery
 *   parameter named `body` on such a method is then unreachable (the kwarg is the request body).
 *   On other methods a `body` parameter is an ordinary query/path kwarg.
 * - `media_body`, `media_mime_type`: added when the method has `mediaUpload`.
 * - `trace`, `pp`, `userip`, `strict`: always added ({@link PYTHON_STACK_QUERY_PARAMETERS}).
 * @see https://github.com/googleapis/google-api-python-client/blob/main/googleapiclient/discovery.py (_fix_up_parameters, _fix_up_media_upload)
 */
export function pythonLibraryKwargShadowing(
  pythonName: string,
  method: { readonly httpMethod: string; readonly hasRequest: boolean; readonly hasMediaUpload: boolean },
): "request-body" | "media" | "stack-query-parameter" | null {
  if (pythonName === "body" && method.hasRequest && ["PUT", "POST", "PATCH"].includes(method.httpMethod)) {
    return "request-body";
  }
  if ((pythonName === "media_body" || pythonName === "media_mime_type") && method.hasMediaUpload)
    return "media";
  if (PYTHON_STACK_QUERY_PARAMETERS.has(pythonName)) return "stack-query-parameter";
  return null;
}
