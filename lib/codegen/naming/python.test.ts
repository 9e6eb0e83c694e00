import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { propertyRuns } from "../literals/testing/arbitraries";
import { runPython } from "../literals/testing/oracles";
import {
  fixMethodName,
  InvalidDiscoveryName,
  isPythonKeyword,
  key2param,
  NonAsciiDiscoveryName,
  pyAttribute,
  pyKwargSource,
  PYTHON_RESOURCE_OWN_ATTRIBUTES,
  pythonKwarg,
  pythonLibraryKwargShadowing,
} from "./python";
import { PYTHON_DOCS_DIR, walkDoc } from "./testing/discovery-docs";
import { UnsafeIdentifier } from "./unsafe-identifier";

describe("fixMethodName", () => {
  it.each<[string, string]>([
    ["import", "import_"],
    ["return", "return_"],
    ["global", "global_"],
    ["body", "body_"],
    ["well-known", "well_known"],
    ["getOpenid-configuration", "getOpenid_configuration"],
    ["Binary-create", "Binary_create"],
    ["-", "_"],
    ["$x", "_x"],
    ["match", "match"],
    ["print", "print"],
    ["None", "None_"],
    ["a.b", "a.b"],
  ])("%j → %j", (given, want) => {
    expect(fixMethodName(given)).toBe(want);
  });
});

describe("key2param / pythonKwarg", () => {
  it.each<[string, string]>([
    ["$.xgafv", "x__xgafv"],
    ["max-results", "max_results"],
    ["options.requestedPolicyVersion", "options_requestedPolicyVersion"],
    ["_since", "x_since"],
    ["1st", "x1st"],
    ["from", "from"],
    ["body", "body"],
  ])("%j → %j", (given, want) => {
    expect(key2param(given)).toBe(want);
  });

  it("throws where Python fails or where the port stops (non-ASCII)", () => {
    expect(() => key2param("")).toThrow(InvalidDiscoveryName);
    expect(() => key2param("é")).toThrow(NonAsciiDiscoveryName);
  });

  it("keywords become a ** splat keyed by the Python name", () => {
    expect(pythonKwarg("from")).toEqual({ kind: "splat", key: "from" });
    expect(pythonKwarg("continue")).toEqual({ kind: "splat", key: "continue" });
    expect(pythonKwarg("max-results")).toEqual({ kind: "identifier", name: "max_results" });
    expect([pyKwargSource("from", "1"), pyKwargSource("max-results", "5")]).toEqual([
      '**{"from": 1}',
      "max_results=5",
    ]);
    expect(isPythonKeyword("match")).toBe(false);
  });

  it("library-added kwargs", () => {
    const post = { httpMethod: "POST", hasRequest: true, hasMediaUpload: false };
    expect(pythonLibraryKwargShadowing("body", post)).toBe("request-body");
    expect(pythonLibraryKwargShadowing("body", { ...post, httpMethod: "GET" })).toBeNull();
    expect(pythonLibraryKwargShadowing("strict", post)).toBe("stack-query-parameter");
    expect(pythonLibraryKwargShadowing("media_body", { ...post, hasMediaUpload: true })).toBe("media");
  });
});

/** Every name in the packaged Discovery docs, plus hand-picked nasty ones. */
function realAndNastyNames(): { params: string[]; methods: string[] } {
  const params = new Set([
    "$.xgafv",
    "max-results",
    "_since",
    "from",
    "continue",
    "body",
    "1st",
    "a..b",
    "-",
    "$",
    "x-",
    "None",
    "True",
    "__init__",
    "@me",
    "a b",
    "~",
  ]);
  const methods = new Set([
    "import",
    "global",
    "well-known",
    "-",
    "$",
    "body",
    "getOpenid-configuration",
    "a.b",
    "$ref",
    "--",
    "match",
    "case",
    "_",
    "async",
    "await",
    "nonlocal",
  ]);
  for (const file of readdirSync(PYTHON_DOCS_DIR)) {
    if (file === "index.json") continue;
    walkDoc(JSON.parse(readFileSync(join(PYTHON_DOCS_DIR, file), "utf8")), (kind, name) =>
      (kind === "parameter" ? params : methods).add(name),
    );
  }
  return { params: [...params], methods: [...methods] };
}

const asciiName = fc.string({
  unit: fc.constantFrom(..."aZ09_$.-@ /:~{}x".split("")),
  minLength: 1,
  maxLength: 12,
});
const keywordish = fc.constantFrom(
  "from",
  "class",
  "import",
  "def",
  "lambda",
  "None",
  "True",
  "False",
  "body",
  "print",
  "match",
);

describe("differential: key2param / fix_method_name vs the installed google-api-python-client", () => {
  it("agrees on all real Discovery names plus fuzzed ASCII names (one Python process)", () => {
    const { params, methods } = realAndNastyNames();
    const fuzz = fc.sample(
      fc.oneof(
        asciiName,
        keywordish,
        fc
          .string({ unit: "binary-ascii", minLength: 1, maxLength: 8 })
          .filter((s) => /^[\x00-\x7f]+$/.test(s)),
      ),
      { numRuns: propertyRuns() },
    );
    const keys = [...params, ...fuzz];
    const names = [...methods, ...fuzz];
    const script = String.raw`
import json, sys
from googleapiclient.discovery import key2param, fix_method_name
data = json.load(sys.stdin)
json.dump({"keys": [key2param(k) for k in data["keys"]], "names": [fix_method_name(n) for n in data["names"]]}, sys.stdout)
`;
    const got = JSON.parse(runPython(script, JSON.stringify({ keys, names }))) as {
      keys: string[];
      names: string[];
    };
    const keyDiffs = keys.filter((k, i) => key2param(k) !== got.keys[i]);
    const nameDiffs = names.filter((n, i) => fixMethodName(n) !== got.names[i]);
    expect({ keyDiffs, nameDiffs }).toEqual({ keyDiffs: [], nameDiffs: [] });
    expect(params.length).toBeGreaterThan(2000);
  });
});

/** A minimal zoo-like Discovery document (no network needed for build_from_document + HttpRequest). */
const ZOO = {
  kind: "discovery#restDescription",
  discoveryVersion: "v1",
  id: "zoo:v1",
  name: "zoo",
  version: "v1",
  rootUrl: "https://zoo.example.com/",
  servicePath: "zoo/v1/",
  batchPath: "batch",
  parameters: { "$.xgafv": { type: "string", location: "query", enum: ["1", "2"] } },
  schemas: { Thing: { id: "Thing", type: "object", properties: { a: { type: "string" } } } },
  resources: {
    global: {
      resources: {
        print: {
          methods: {
            import: {
              id: "zoo.global.print.import",
              path: "things",
              httpMethod: "GET",
              parameters: {
                from: { type: "string", location: "query" },
                continue: { type: "string", location: "query" },
                "max-results": { type: "integer", location: "query" },
                _since: { type: "string", location: "query" },
                body: { type: "string", location: "query" },
                strict: { type: "boolean", location: "query" },
              },
            },
            insert: {
              id: "zoo.global.print.insert",
              path: "things",
              httpMethod: "POST",
              parameters: { body: { type: "string", location: "query" } },
              request: { $ref: "Thing" },
              response: { $ref: "Thing" },
            },
          },
        },
      },
    },
    "-": {
      methods: {
        "getOpenid-configuration": { id: "zoo.-.getOpenid-configuration", path: "oidc", httpMethod: "GET" },
      },
    },
  },
};

describe("the real library, on a hand-written doc", () => {
  const script = String.raw`
import json, sys
from googleapiclient.discovery import build_from_document
svc = build_from_document(json.load(sys.stdin), developerKey="k")
out = {}
things = svc.global_().print()
r = things.import_(IMPORT_ARGS)
out["import"] = r.uri
try:
    things.import_(**{"max-results": 5})
    out["discoveryNameSplat"] = "accepted"
except TypeError as e:
    out["discoveryNameSplat"] = str(e)
r = things.insert(body={"a": "x"})
out["insert"] = [r.uri, r.body]
out["dash"] = svc._().getOpenid_configuration().uri
json.dump(out, sys.stdout)
`;
  // The call is written by our own functions: **{"from": "2020"}, **{"continue": "c"}, max_results=5, …
  const importArgs = (
    [
      ["from", '"2020"'],
      ["continue", '"c"'],
      ["max-results", "5"],
      ["_since", '"s"'],
      ["$.xgafv", '"2"'],
      ["body", '"b"'],
      ["strict", "True"],
    ] as const
  ).map(([name, value]) => pyKwargSource(name, value));
  const got = JSON.parse(
    runPython(script.replace("IMPORT_ARGS", importArgs.join(", ")), JSON.stringify(ZOO)),
  ) as Record<string, unknown>;

  it('`**{"from": v}` sends `from=`; the splat key is the Python name (a Discovery-name key is rejected)', () => {
    const url = new URL(got.import as string);
    expect(url.searchParams.get("from")).toBe("2020");
    expect(url.searchParams.get("continue")).toBe("c");
    expect(url.searchParams.get("max-results")).toBe("5");
    expect(url.searchParams.get("_since")).toBe("s");
    expect(url.searchParams.get("$.xgafv")).toBe("2");
    expect(got.discoveryNameSplat).toBe("Got an unexpected keyword argument max-results");
    expect([pythonKwarg("from"), pythonKwarg("$.xgafv")]).toEqual([
      { kind: "splat", key: "from" },
      { kind: "identifier", name: "x__xgafv" },
    ]);
  });

  it("a declared `body` query parameter works on GET, and is shadowed by the payload on POST with a request", () => {
    expect(new URL(got.import as string).searchParams.get("body")).toBe("b");
    const [uri, body] = got.insert as [string, string];
    expect(new URL(uri).searchParams.has("body")).toBe(false);
    expect(body).toBe('{"a": "x"}');
  });

  it("a declared `strict` (boolean) is replaced by the library's string stack parameter: True is sent as 'True'", () => {
    expect(new URL(got.import as string).searchParams.get("strict")).toBe("True");
  });

  it("resource `-` is `_()`, method names keep case", () => {
    expect(new URL(got.dash as string).pathname).toBe("/zoo/v1/oidc");
    expect([fixMethodName("-"), fixMethodName("getOpenid-configuration"), fixMethodName("global")]).toEqual([
      "_",
      "getOpenid_configuration",
      "global_",
    ]);
  });
});

describe("pyAttribute: the door for resource and method names, run against the real library", () => {
  // Keys a hostile document can use; each must reach exactly its own method, and nothing in it may run.
  const HOSTILE_KEYS = [
    'list() if __import__("os").system("touch /tmp/pwned-by-explorer") else service.r().list',
    "a\u2028b",
    'q"r',
    "q'r",
    "x.y z",
    "ünïcode",
    "ﬁle", // NFKC would turn a bare ﬁle identifier into file: only getattr with the string is exact.
    "\u{1F600}",
    "tab\there",
    "#comment",
    '"""',
    "import",
    "body",
    "plain",
    "with-dash",
  ];
  const method = (i: number) => ({
    id: `h.r${i}.m`,
    path: `p${i}`,
    httpMethod: "GET",
    supportsMediaDownload: true,
    parameters: {},
  });
  const doc = {
    kind: "discovery#restDescription",
    name: "h",
    version: "v1",
    rootUrl: "https://h.example.com/",
    servicePath: "",
    resources: {
      ...Object.fromEntries(HOSTILE_KEYS.map((k, i) => [k, { methods: { [k]: method(i) } }])),
    },
  };
  const expressions = HOSTILE_KEYS.flatMap((k) => {
    const resource = `${pyAttribute("service", k, "resource")}()`;
    return [pyAttribute(resource, k, "method"), pyAttribute(resource, k, "method", "_media")];
  });
  const script = String.raw`
import json, sys
from googleapiclient.discovery import build_from_document
from googleapiclient.http import HttpMock
doc, exprs = json.load(sys.stdin)
service = build_from_document(doc, http=HttpMock(None, {"status": "200"}))
out = []
for e in exprs:
    compile(e, "<expr>", "eval")
    r = eval(e, {"service": service, "getattr": getattr})()
    out.append(r.uri)
json.dump(out, sys.stdout)
`;

  it("every key reaches its own method (and its _media twin), and no command runs", () => {
    const pwned = ["/tmp/pwned-by-explorer", "/tmp/pwned_by_explorer"];
    for (const p of pwned) rmSync(p, { force: true });
    const uris = JSON.parse(runPython(script, JSON.stringify([doc, expressions]))) as string[];
    expect(uris).toHaveLength(expressions.length);
    HOSTILE_KEYS.forEach((_, i) => {
      expect(new URL(uris[2 * i]!).pathname).toBe(`/p${i}`);
      const media = new URL(uris[2 * i + 1]!);
      expect([media.pathname, media.searchParams.get("alt")]).toEqual([`/p${i}`, "media"]);
    });
    // fix_method_name turns the key's "-" into "_": the command, were it run, would touch the second file.
    expect(pwned.filter((p) => existsSync(p))).toEqual([]);
  });

  it("plain names stay attributes; `_media` is appended before fixing (import → import_media)", () => {
    expect(pyAttribute("service", "with-dash", "resource")).toBe("service.with_dash");
    expect(pyAttribute("s", "import", "method")).toBe("s.import_");
    expect(pyAttribute("s", "import", "method", "_media")).toBe("s.import_media");
    expect(pyAttribute("s", "body", "method", "_media")).toBe("s.body_media");
    expect(pyAttribute("s", "a\nb", "method")).toBe('getattr(s, "a\\nb")');
  });

  it("refuses a key the library would turn into Python's own or its own attribute", () => {
    for (const key of ["", "__class__", "__init__", "_http", "-http", "$schema"]) {
      expect(() => pyAttribute("service", key, "resource"), JSON.stringify(key)).toThrow(UnsafeIdentifier);
    }
    expect(() => pyAttribute("service", "_http", "method")).toThrow(
      /the method key "_http" cannot be used in python code: .*overwrite its own attribute _http/,
    );
  });

  it("PYTHON_RESOURCE_OWN_ATTRIBUTES is exactly the private attributes of a built Resource", () => {
    const list = String.raw`
import json, sys
from googleapiclient.discovery import Resource, build_from_document
from googleapiclient.http import HttpMock
s = build_from_document(json.load(sys.stdin), http=HttpMock(None, {"status": "200"}))
names = set(dir(Resource)) | set(vars(s))
json.dump(sorted(n for n in names if n.startswith("_") and not (n.startswith("__") and n.endswith("__"))), sys.stdout)
`;
    const got = JSON.parse(runPython(list, JSON.stringify({ ...doc, resources: {} }))) as string[];
    expect(got).toEqual([...PYTHON_RESOURCE_OWN_ATTRIBUTES].sort());
  });
});
