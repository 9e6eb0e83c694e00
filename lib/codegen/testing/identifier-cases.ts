/**
 * TEST-ONLY: the identifier property shared by `identifier-door.test.ts` (CI, a few thousand cases) and
 * `literals/bench-identifiers.ts` (≥100k per target). A case is a random Discovery document whose service name, version,
 * resource, method, parameter and body-property names are arbitrary (quotes, line breaks, U+2028/2029/0085,
 * `"""`, a comment end (star, slash), `${`, backticks, `#`, NUL, astral characters, keywords, `__proto__`…), with a request for its one
 * method. The documents skip validation on purpose: the codegen door must hold by itself.
 *
 * The invariant, per target: the snippet is either a refusal (UnsafeIdentifier, or an escaper's typed error) or
 * code that compiles and has EXACTLY the shape of the same snippet generated for a benign twin (the same
 * request with every name replaced by a plain one): same syntax tree once names and literals are abstracted, so
 * no statement, call or import exists that the template does not put there. Python: `compile()` (which also
 * rejects a repeated keyword argument, unlike `ast.parse`) and a normalised `ast.dump`. TypeScript: the
 * TypeScript parser and a normalised tree walk. curl and HTTP: the code outside comments is byte-identical
 * to the twin's (names only travel inside the URL, as values), and the HTTP message is well-formed.
 */
import fc from "fast-check";
import ts from "typescript";

import { buildApiModel, findMethod } from "@/lib/discovery/model";
import type { RawRestDescription } from "@/lib/discovery/types";
import type { ExplorerRequest, JsonValue, RequestAuth } from "@/lib/request/types";

import { UnrepresentableValue } from "../literals/errors";
import { UnrepresentableInShell } from "../literals/shell";
import { runPython } from "../literals/testing/oracles";
import { UnsafeIdentifier } from "../naming/unsafe-identifier";
import { prepareSnippetInput } from "../prepare";
import { generateSnippet } from "../registry";
import { pythonCallBlocked } from "../targets/python/client";
import { UnrepresentableInHttp } from "../targets/http/http";
import type { SnippetInput, TargetId } from "../types";
import { TARGET_IDS } from "../types";

/** Pieces that break identifiers, comments and strings in one of the four targets. */
const NAME_PARTS = [
  '"',
  "'",
  "`",
  "\n",
  "\r",
  "\r\n",
  "\u2028",
  "\u2029",
  "\u0085",
  '"""',
  "'''",
  "*/",
  "/*",
  "//",
  "${",
  "}",
  "#",
  "\0",
  "\x7f",
  "\u{1F600}",
  "\ud800",
  "é",
  "ﬁ",
  "$",
  "-",
  ".",
  " ",
  "\t",
  "\\",
  "()",
  ";",
  "=",
  "[",
  "]",
  ",",
  ":",
  '__import__("os").system("touch /tmp/pwned-by-explorer")',
  "list() if True else service.r().list",
  "') + eval('1",
  "import",
  "from",
  "class",
  "return",
  "await",
  "delete",
  "default",
  "None",
  "True",
  "null",
  "__proto__",
  "constructor",
  "hasOwnProperty",
  "toString",
  "__class__",
  "__init__",
  "_http",
  "body",
  "media_body",
  "media-body",
  "strict",
  "alt",
  "key",
  "headers",
  "resource",
  "a",
  "list",
  "x",
  "_",
  "max-results",
  "max_results",
] as const;

/** A name: a plain word, a join of hostile parts, or any string at all. */
export const hostileName: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom("things", "list", "get", "pageSize", "zoo", "v1") },
  {
    weight: 4,
    arbitrary: fc
      .array(fc.constantFrom(...NAME_PARTS), { minLength: 1, maxLength: 4 })
      .map((p) => p.join("")),
  },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 8 }) },
);

export interface IdentifierCase {
  readonly doc: RawRestDescription;
  readonly request: ExplorerRequest;
}

/** An object with these own keys (`__proto__` included, as JSON.parse would make it). */
function own<T>(entries: ReadonlyArray<readonly [string, T]>): Record<string, T> {
  const o: Record<string, T> = {};
  for (const [k, v] of entries)
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

export const identifierCase: fc.Arbitrary<IdentifierCase> = fc
  .record({
    apiName: hostileName,
    version: hostileName,
    resourcePath: fc.array(hostileName, { minLength: 0, maxLength: 2 }),
    siblings: fc.array(hostileName, { maxLength: 2 }),
    methodName: hostileName,
    methodId: hostileName,
    params: fc.uniqueArray(hostileName, { maxLength: 4 }),
    standard: fc.uniqueArray(hostileName, { maxLength: 2 }),
    bodyKeys: fc.option(fc.uniqueArray(hostileName, { maxLength: 3 }), { nil: undefined }),
    auth: fc.constantFrom<RequestAuth>(
      { type: "none" },
      { type: "apiKey" },
      { type: "oauth", scopes: ["https://www.googleapis.com/auth/cloud-platform"] },
    ),
  })
  .map(
    ({
      apiName,
      version,
      resourcePath,
      siblings,
      methodName,
      methodId,
      params,
      standard,
      bodyKeys,
      auth,
    }) => {
      const post = bodyKeys !== undefined;
      const method = {
        id: methodId,
        path: "things",
        httpMethod: post ? "POST" : "GET",
        description: `Method ${methodName}.`,
        parameters: own(
          params.map((p) => [p, { type: "string", location: "query", description: p }] as const),
        ),
        ...(post ? { request: { $ref: "Body" } } : {}),
      };
      let node: Record<string, unknown> = { methods: own([[methodName, method]]) };
      if (siblings.length > 0) node.resources = own(siblings.map((s) => [s, { methods: {} }] as const));
      for (const r of [...resourcePath].reverse()) node = { resources: own([[r, node]]) };
      const doc = {
        kind: "discovery#restDescription",
        discoveryVersion: "v1",
        id: `${apiName}:${version}`,
        name: apiName,
        version,
        title: apiName,
        description: apiName,
        rootUrl: "https://h.example.com/",
        servicePath: "",
        protocol: "rest",
        parameters: own(standard.map((p) => [p, { type: "string", location: "query" }] as const)),
        schemas: {
          Body: {
            id: "Body",
            type: "object",
            properties: own((bodyKeys ?? []).map((k) => [k, { type: "string" }] as const)),
          },
        },
        ...(resourcePath.length === 0 ? { methods: node.methods } : { resources: node.resources }),
      } as unknown as RawRestDescription;
      const request: ExplorerRequest = {
        api: apiName,
        version,
        method: methodId,
        params: own([...params, ...standard].map((p) => [p, "v"] as const)),
        body: post ? own<JsonValue>((bodyKeys ?? []).map((k) => [k, k] as const)) : null,
        auth,
      };
      return { doc, request };
    },
  );

export function snippetInputOf(c: IdentifierCase): SnippetInput {
  const api = buildApiModel(c.doc);
  const method = findMethod(api, c.request.method);
  if (method === undefined) throw new Error(`no method ${JSON.stringify(c.request.method)} in the model`);
  return prepareSnippetInput({ api, method, request: c.request });
}

/** A plain name is kept in the twin (it may have a meaning to a library: `alt`, `strict`, `body`). */
const PLAIN = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * The same snippet input with every resource, method, parameter and service name made plain (`t_0`…), the HTTP
 * request unchanged (curl and HTTP print it). Where the Python client cannot call the method (a kwarg collision, a
 * dunder), the twin is blocked too (a nested resource named like its method), so both take the same template path.
 * `canonical` (for the Python and TypeScript shapes, where literals are abstracted anyway) also makes every value,
 * description, body and URL plain, so twins of one shape have identical code and their shape is computed once.
 */
export function benignTwin(
  input: SnippetInput,
  options: { readonly canonical?: boolean } = {},
): SnippetInput {
  const rename = (name: string, i: number, prefix: string): string =>
    PLAIN.test(name) ? name : `${prefix}_${i}`;
  const paramName = new Map(input.method.parameters.map((p, i) => [p.name, rename(p.name, i, "t")]));
  input.params.forEach((p, i) => {
    if (!paramName.has(p.name)) paramName.set(p.name, rename(p.name, i, "s"));
  });
  const blocked = pythonCallBlocked(input);
  const fallback = blocked !== null && blocked !== "false-pattern";
  const canonical = options.canonical === true;
  const method = {
    ...input.method,
    id: "svc.r.m",
    name: "m",
    resourcePath: input.method.resourcePath.map((_, i) => `r${i}`),
    parameters: input.method.parameters.map((p) => ({ ...p, name: paramName.get(p.name) ?? p.name })),
    ...(canonical ? { description: "", path: "things" } : {}),
  };
  const params = input.params.map((p) => {
    const name = paramName.get(p.name) ?? p.name;
    return { ...p, name, model: { ...p.model, name }, ...(canonical ? { value: plainValue(p.value) } : {}) };
  });
  const body = canonical && input.body !== null ? plainJson(input.body) : input.body;
  const http = canonical
    ? {
        ...input.http,
        url: "https://h.example.com/things",
        headers: Object.fromEntries(Object.keys(input.http.headers).map((k) => [k, "v"])),
        body: input.http.body === null ? null : JSON.stringify(plainJson(jsonOr(input.http.body))),
      }
    : input.http;
  return {
    ...input,
    api: {
      ...input.api,
      name: "svc",
      version: "v1",
      ...(canonical
        ? { title: "", rootUrl: "https://h.example.com/", baseUrl: "https://h.example.com/" }
        : {}),
    },
    method,
    params,
    body,
    http,
    request: { ...input.request, params: Object.fromEntries(params.map((p) => [p.name, p.value])), body },
    siblingResources: fallback ? ["m"] : [],
    standardParameterNames: [],
  };
}

function plainValue(v: SnippetInput["params"][number]["value"]): SnippetInput["params"][number]["value"] {
  if (Array.isArray(v)) return v.map((x) => (typeof x === "string" ? "v" : x));
  return typeof v === "string" ? "v" : v;
}

function jsonOr(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

/** The same JSON shape with plain keys (`k0`…) and string values `"v"`. */
function plainJson(v: JsonValue): JsonValue {
  if (typeof v === "string") return "v";
  if (Array.isArray(v)) return v.map(plainJson);
  if (v !== null && typeof v === "object")
    return Object.fromEntries(Object.values(v).map((x, i) => [`k${i}`, plainJson(x)]));
  return v;
}

export type Outcome =
  { readonly kind: "code"; readonly code: string } | { readonly kind: "refused"; readonly message: string };

/** The typed refusals a target may answer with (anything else thrown is a failure). */
export function isRefusal(e: unknown): e is Error {
  return (
    e instanceof UnsafeIdentifier ||
    e instanceof UnrepresentableValue ||
    e instanceof UnrepresentableInShell ||
    e instanceof UnrepresentableInHttp
  );
}

export function generateOutcome(target: TargetId, input: SnippetInput): Outcome {
  try {
    return { kind: "code", code: generateSnippet(target, input) };
  } catch (e) {
    if (isRefusal(e)) return { kind: "refused", message: e.message };
    throw e;
  }
}

/** The code as a user's file holds it: UTF-8 (a lone surrogate becomes U+FFFD, as any encoder writes it). */
export function asFile(code: string): string {
  return Buffer.from(code, "utf8").toString("utf8");
}

const PY_SHAPES = String.raw`
import ast, json, sys

def rooted_at_service(e):
    while True:
        if isinstance(e, ast.Attribute): e = e.value
        elif isinstance(e, ast.Call): e = e.func
        elif isinstance(e, ast.Name): return e.id == "service"
        else: return False

ALLOWED_NAMES = {"page_token", "headers", "url", "api_key", "json", "MediaFileUpload"}
def inert(v):
    for n in ast.walk(v):
        if isinstance(n, ast.Call):
            f = n.func
            ok = (isinstance(f, ast.Name) and f.id == "MediaFileUpload") or (
                isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == "json" and f.attr == "dumps")
            if not ok: return False
        elif isinstance(n, ast.Name) and n.id not in ALLOWED_NAMES:
            return False
    return True

class Normalise(ast.NodeTransformer):
    def visit_Constant(self, node):
        return ast.Constant(value="S")
    def visit_Attribute(self, node):
        node = self.generic_visit(node)
        if rooted_at_service(node.value): node.attr = "A"
        return node
    def visit_Call(self, node):
        node = self.generic_visit(node)
        f = node.func
        if isinstance(f, ast.Name) and f.id == "getattr" and len(node.args) == 2 and not node.keywords \
                and isinstance(node.args[1], ast.Constant) and rooted_at_service(node.args[0]):
            return ast.Attribute(value=node.args[0], attr="A", ctx=ast.Load())
        if rooted_at_service(f):
            for k in node.keywords:
                if k.arg is None and not (isinstance(k.value, ast.Dict) and len(k.value.keys) == 1
                                          and isinstance(k.value.keys[0], ast.Constant)):
                    raise ValueError("a ** argument that is not a one-key dict literal")
                if not inert(k.value):
                    raise ValueError("a keyword argument whose value is not a literal: " + ast.dump(k))
            node.keywords = []
        return node

out = []
for src in json.load(sys.stdin):
    try:
        tree = ast.parse(src.encode("utf-8"), "snippet.py")
        # compile() also runs the checks ast.parse skips (a repeated keyword argument, return outside a function…).
        compile(tree, "snippet.py", "exec", dont_inherit=True)
        tree = Normalise().visit(tree)
        out.append({"ok": True, "shape": ast.dump(tree, annotate_fields=False)})
    except Exception as e:
        out.append({"ok": False, "error": type(e).__name__ + ": " + str(e)})
json.dump(out, sys.stdout)
`;

export type Shape =
  { readonly ok: true; readonly shape: string } | { readonly ok: false; readonly error: string };

/** `compile()` + the normalised syntax tree of each Python source, in one process. */
export function pythonShapes(sources: readonly string[]): Shape[] {
  if (sources.length === 0) return [];
  return JSON.parse(runPython(PY_SHAPES, JSON.stringify(sources.map(asFile)))) as Shape[];
}

/**
 * The TypeScript parser's tree with names and literals abstracted: identifiers → `I`, strings → `S`,
 * `x['a b']` ≡ `x.I`, `'k': v` ≡ `['k']: v` ≡ `k: v`. Any syntax error is a failure.
 */
export function tsShape(source: string): Shape {
  const sf = ts.createSourceFile(
    "snippet.mts",
    asFile(source),
    ts.ScriptTarget.ES2022,
    true,
    ts.ScriptKind.TS,
  );
  const diagnostics = (sf as unknown as { parseDiagnostics: readonly ts.Diagnostic[] }).parseDiagnostics;
  if (diagnostics.length > 0) {
    return { ok: false, error: ts.flattenDiagnosticMessageText(diagnostics[0]?.messageText ?? "", "\n") };
  }
  const walk = (node: ts.Node): string => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return "S";
    if (ts.isNumericLiteral(node)) return "N";
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) return "I";
    if (ts.isTemplateLiteralToken(node)) return "T";
    if (ts.isComputedPropertyName(node) && ts.isStringLiteral(node.expression)) return "I";
    if (ts.isPropertyAssignment(node) && (ts.isStringLiteral(node.name) || ts.isNumericLiteral(node.name))) {
      return `${ts.SyntaxKind.PropertyAssignment}(I,${walk(node.initializer)})`;
    }
    if (ts.isElementAccessExpression(node) && ts.isStringLiteral(node.argumentExpression)) {
      return `${ts.SyntaxKind.PropertyAccessExpression}(${walk(node.expression)},I)`;
    }
    const kids: string[] = [];
    ts.forEachChild(node, (c) => {
      kids.push(walk(c));
    });
    return `${node.kind}(${kids.join(",")})`;
  };
  return { ok: true, shape: walk(sf) };
}

/** Shell or HTTP text outside `#` comment lines. */
function outsideComments(code: string): string {
  return code
    .split("\n")
    .filter((l) => !/^\s*#/.test(l))
    .join("\n");
}

/** An HTTP/1.1 request head: request line, Host, `name: value` headers, each on one line. */
export function httpProblem(code: string, input: SnippetInput): string | null {
  const head = code.split("\n\n")[0] ?? "";
  const lines = head.split("\n");
  const url = new URL(input.http.url);
  if (lines[0] !== `${input.http.method} ${url.pathname}${url.search} HTTP/1.1`)
    return `request line ${JSON.stringify(lines[0])}`;
  const bad = lines.slice(1).find((l) => !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+: [^\r\n\0]*$/.test(l));
  return bad === undefined ? null : `header line ${JSON.stringify(bad)}`;
}

export interface Failure {
  readonly target: TargetId;
  readonly case: IdentifierCase;
  readonly problem: string;
}

export interface BatchReport {
  /** Cases checked per target (each case is generated for every target). */
  readonly cases: number;
  readonly refused: Readonly<Record<TargetId, number>>;
  readonly failures: readonly Failure[];
}

/**
 * Checks a batch: every case × every target. A case whose input cannot be prepared (a defect outside the door,
 * e.g. the JS-builtins object-key class) is a failure for every target, reported with its error.
 */
export function checkIdentifierCases(cases: readonly IdentifierCase[]): BatchReport {
  const refused: Record<TargetId, number> = { typescript: 0, python: 0, curl: 0, http: 0 };
  const failures: Failure[] = [];
  const python: { c: IdentifierCase; code: string; twin: string }[] = [];
  for (const c of cases) {
    let input: SnippetInput;
    let twins: { readonly plain: SnippetInput; readonly canonical: SnippetInput };
    try {
      input = snippetInputOf(c);
      twins = { plain: benignTwin(input), canonical: benignTwin(input, { canonical: true }) };
    } catch (e) {
      for (const target of TARGET_IDS)
        failures.push({ target, case: c, problem: `prepare threw ${String(e)}` });
      continue;
    }
    for (const target of TARGET_IDS) {
      let got: Outcome;
      let want: Outcome;
      try {
        got = generateOutcome(target, input);
        want = generateOutcome(
          target,
          target === "python" || target === "typescript" ? twins.canonical : twins.plain,
        );
      } catch (e) {
        failures.push({ target, case: c, problem: `threw ${e instanceof Error ? e.stack : String(e)}` });
        continue;
      }
      if (got.kind === "refused") {
        refused[target]++;
        if (/[\p{Cc}\u2028\u2029]/u.test(got.message)) {
          failures.push({
            target,
            case: c,
            problem: `refusal message is not one line: ${JSON.stringify(got.message)}`,
          });
        }
        continue;
      }
      if (want.kind === "refused") {
        failures.push({ target, case: c, problem: `the benign twin was refused: ${want.message}` });
        continue;
      }
      if (target === "python") python.push({ c, code: got.code, twin: want.code });
      else if (target === "typescript") {
        const a = tsShape(got.code);
        const b = cached(TS_TWIN_SHAPES, want.code, () => tsShape(want.code));
        if (!a.ok) failures.push({ target, case: c, problem: `does not parse: ${a.error}` });
        else if (!b.ok || a.shape !== b.shape)
          failures.push({ target, case: c, problem: "syntax tree differs from the twin's" });
      } else {
        if (outsideComments(got.code) !== outsideComments(want.code)) {
          failures.push({ target, case: c, problem: "code outside comments differs from the twin's" });
        }
        const problem = target === "http" ? httpProblem(got.code, input) : null;
        if (problem !== null) failures.push({ target, case: c, problem });
      }
    }
  }
  const newTwins = [...new Set(python.map((p) => p.twin))].filter((t) => !PY_TWIN_SHAPES.has(t));
  const shapes = pythonShapes([...python.map((p) => p.code), ...newTwins]);
  newTwins.forEach((t, i) => PY_TWIN_SHAPES.set(t, shapes[python.length + i]!));
  python.forEach((p, i) => {
    const a = shapes[i]!;
    const b = PY_TWIN_SHAPES.get(p.twin)!;
    if (!a.ok) failures.push({ target: "python", case: p.c, problem: `does not compile: ${a.error}` });
    else if (!b.ok)
      failures.push({ target: "python", case: p.c, problem: `the twin does not compile: ${b.error}` });
    else if (a.shape !== b.shape)
      failures.push({ target: "python", case: p.c, problem: "syntax tree differs from the twin's" });
  });
  return { cases: cases.length, refused, failures };
}

/** Shapes of canonical twins, by code: twins of one template path have identical code. */
const TS_TWIN_SHAPES = new Map<string, Shape>();
const PY_TWIN_SHAPES = new Map<string, Shape>();

function cached(cache: Map<string, Shape>, key: string, compute: () => Shape): Shape {
  let v = cache.get(key);
  if (v === undefined) {
    v = compute();
    cache.set(key, v);
  }
  return v;
}
