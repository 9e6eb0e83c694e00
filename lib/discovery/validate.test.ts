import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deepFreeze } from "./freeze";
import {
  joinPath,
  parseDiscoveryDocument,
  validateDirectoryList,
  validateDiscoveryDocument,
} from "./validate";

const fixture = (name: string) => readFileSync(join(__dirname, "__fixtures__", name), "utf8");
const minimal = {
  name: "m",
  version: "v1",
  rootUrl: "https://m.googleapis.com/",
  servicePath: "",
  resources: {},
};
const problemsOf = (text: string) => {
  const r = parseDiscoveryDocument(text);
  return r.ok ? [] : r.error.problems;
};

describe("parseDiscoveryDocument", () => {
  it("accepts the zoo fixture and returns a deep-frozen document", () => {
    const r = parseDiscoveryDocument(fixture("zoo.json"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.name).toBe("zoo");
    expect(Object.isFrozen(r.doc.resources?.zoos?.methods?.get)).toBe(true);
  });

  it("reports bad JSON with line and column, naming the origin", () => {
    const r = parseDiscoveryDocument('{\n  "name": "x",\n  "version": \n}', "https://example.com/x.json");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.problems).toHaveLength(1);
    expect(r.error.problems[0]!.message).toMatch(/line 4, column 1/);
    expect(r.error.message).toMatch(/^https:\/\/example\.com\/x\.json is not a valid Discovery document/);
  });

  const cases: [string, { given: unknown; want: { path: string; message: RegExp }[] }][] = [
    ["an array", { given: [], want: [{ path: "(root)", message: /JSON object, got an array/ }] }],
    ["null", { given: null, want: [{ path: "(root)", message: /got null/ }] }],
    [
      "missing name",
      {
        given: { ...minimal, name: undefined },
        want: [{ path: "name", message: /Missing required "name"/ }],
      },
    ],
    [
      "empty version",
      { given: { ...minimal, version: "" }, want: [{ path: "version", message: /non-empty string/ }] },
    ],
    [
      "relative rootUrl",
      {
        given: { ...minimal, rootUrl: "/x/" },
        want: [{ path: "rootUrl", message: /absolute http\(s\) URL/ }],
      },
    ],
    [
      "ftp rootUrl",
      {
        given: { ...minimal, rootUrl: "ftp://x/" },
        want: [{ path: "rootUrl", message: /absolute http\(s\) URL/ }],
      },
    ],
    [
      "missing servicePath",
      { given: { ...minimal, servicePath: undefined }, want: [{ path: "servicePath", message: /Missing/ }] },
    ],
    [
      "neither resources nor methods",
      {
        given: { ...minimal, resources: undefined },
        want: [{ path: "(root)", message: /neither "resources" nor "methods"/ }],
      },
    ],
    ["methods only is fine", { given: { ...minimal, resources: undefined, methods: {} }, want: [] }],
    [
      "parameter that is not an object, with a dotted name",
      {
        given: { ...minimal, parameters: { "$.xgafv": "1" } },
        want: [{ path: 'parameters["$.xgafv"]', message: /Parameter "\$\.xgafv" must be an object/ }],
      },
    ],
    [
      "method without httpMethod",
      {
        given: { ...minimal, resources: { r: { methods: { get: { id: "m.r.get", path: "x" } } } } },
        want: [{ path: "resources.r.methods.get.httpMethod", message: /needs a string "httpMethod"/ }],
      },
    ],
    [
      "parameterOrder naming an undeclared parameter",
      {
        given: {
          ...minimal,
          methods: {
            get: {
              id: "m.get",
              path: "x",
              httpMethod: "GET",
              parameters: { a: { type: "string", location: "query" } },
              parameterOrder: ["a", "b"],
            },
          },
        },
        want: [
          { path: "methods.get.parameterOrder[1]", message: /names "b", which is not a parameter of "get"/ },
        ],
      },
    ],
    [
      "dangling response $ref",
      {
        given: {
          ...minimal,
          resources: {
            channels: {
              methods: {
                list: {
                  id: "m.channels.list",
                  path: "c",
                  httpMethod: "GET",
                  response: { $ref: "ChannelListResponse" },
                },
              },
            },
          },
        },
        want: [
          {
            path: "resources.channels.methods.list.response.$ref",
            message: /no schema named "ChannelListResponse"/,
          },
        ],
      },
    ],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    const got = problemsOf(JSON.stringify(given));
    expect(got).toHaveLength(want.length);
    want.forEach((w, i) => {
      expect(got[i]!.path).toBe(w.path);
      expect(got[i]!.message).toMatch(w.message);
    });
  });

  it("finds every dangling $ref, recursively, with its JSON path", () => {
    const got = problemsOf(fixture("malformed-dangling-refs.json"));
    expect(got.map((p) => p.path).sort()).toEqual(
      [
        "resources.channels.methods.insert.request.$ref",
        "resources.channels.methods.list.response.$ref",
        "schemas.Channel.properties.extras.additionalProperties.$ref",
        "schemas.Channel.properties.nested.properties.deeper.items.properties.x.$ref",
        "schemas.Channel.properties.owner.$ref",
        "schemas.Channel.properties.tags.items.$ref",
      ].sort(),
    );
    expect(got.find((p) => p.path.endsWith("owner.$ref"))!.message).toContain('"Person"');
  });

  it("reports every wrong shape in one pass", () => {
    const got = problemsOf(fixture("malformed-shapes.json"));
    expect(got.map((p) => p.path)).toEqual([
      "version",
      "rootUrl",
      "servicePath",
      "parameters.alt",
      "parameters.fields.location",
      "resources.things.methods.get.path",
      "resources.things.methods.get.httpMethod",
      "resources.things.methods.get.parameters.thingId.type",
      "resources.things.methods.get.parameterOrder",
      "resources.things.methods.put.id",
      "resources.things.methods.put.httpMethod",
      "resources.broken",
    ]);
  });

  it("a resource or method key with a line break, NUL or control character is not a name (one-line message)", () => {
    const m = { id: "m.x", path: "x", httpMethod: "GET" };
    for (const bad of ["a\nb", "a\rb", "a\u0000b", "a\u2028b", "a\u2029b", "a\u0085b", "a\u007fb", ""]) {
      const asMethod = validateDiscoveryDocument({
        ...minimal,
        resources: { things: { methods: { [bad]: m } } },
      });
      const asResource = validateDiscoveryDocument({
        ...minimal,
        resources: { [bad]: { methods: { ok: m } } },
      });
      const asRoot = validateDiscoveryDocument({ ...minimal, methods: { [bad]: m } });
      for (const [r, path] of [
        [asMethod, "resources.things.methods"],
        [asResource, "resources"],
        [asRoot, "methods"],
      ] as const) {
        expect(r.ok, JSON.stringify(bad)).toBe(false);
        if (r.ok) continue;
        expect(r.error.problems[0]!.path).toBe(path);
        expect(r.error.message).not.toMatch(/[\p{Cc}\u2028\u2029]/u);
        expect(r.error.message).toMatch(/(Method|Resource) key ".*" (is empty|contains a line break)/);
      }
    }
    // Quotes, dots, spaces, keywords and non-ASCII are names the clients can carry (the codegen door handles them).
    for (const fine of ['q"r', "a.b c", "import", "ünï", "__proto__x"]) {
      expect(
        validateDiscoveryDocument({ ...minimal, resources: { [fine]: { methods: { [fine]: m } } } }).ok,
      ).toBe(true);
    }
  });

  it("never throws and never mutates its input", () => {
    const inputs: unknown[] = [
      undefined,
      1,
      "x",
      { resources: 5 },
      { ...minimal, schemas: { A: { properties: [] } } },
      deepFreeze(JSON.parse(fixture("zoo.json"))),
    ];
    for (const input of inputs) {
      const before = JSON.stringify(input);
      expect(() => validateDiscoveryDocument(input)).not.toThrow();
      expect(JSON.stringify(input)).toBe(before);
    }
    for (const text of ["", "{", "[]", "nul", "\u0000"]) expect(parseDiscoveryDocument(text).ok).toBe(false);
  });
});

describe("apiVersion (sent as the x-goog-api-version header)", () => {
  const withApiVersion = (apiVersion: unknown) =>
    JSON.stringify({
      ...minimal,
      resources: {
        things: { methods: { list: { id: "m.things.list", path: "things", httpMethod: "GET", apiVersion } } },
      },
    });

  it.each([
    ["CR LF and a second request", "v1\r\nx-injected: yes\r\n\r\nGET /admin HTTP/1.1"],
    ["a lone LF", "v1\nx"],
    ["NUL", "v1\u0000"],
  ])("refuses an apiVersion with %s, at its JSON path", (_, apiVersion) => {
    expect(problemsOf(withApiVersion(apiVersion))).toEqual([
      {
        path: "resources.things.methods.list.apiVersion",
        message:
          '"apiVersion" is sent as the x-goog-api-version header and must not contain a line break (CR or LF) or NUL.',
      },
    ]);
  });

  it("refuses an apiVersion that is not a string", () => {
    expect(problemsOf(withApiVersion(3))).toEqual([
      {
        path: "resources.things.methods.list.apiVersion",
        message: '"apiVersion" must be a string, got a number.',
      },
    ]);
  });

  it("accepts an ordinary apiVersion", () => {
    expect(problemsOf(withApiVersion("v1_20260101"))).toEqual([]);
  });

  it("refuses the shared hostile document hostile-header-apiversion, naming the key", () => {
    const text = readFileSync(
      join(__dirname, "../../testing/hostile-documents/documents/hostile-header-apiversion.v1.json"),
      "utf8",
    );
    const r = parseDiscoveryDocument(text, "hostile-header-apiversion.v1.json");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toContain("resources.things.methods.list.apiVersion");
  });
});

describe("joinPath", () => {
  it.each([
    ["", "name", "name"],
    ["a", "b", "a.b"],
    ["a", "$ref", "a.$ref"],
    ["a", "well-known", "a.well-known"],
    ["a", "$.xgafv", 'a["$.xgafv"]'],
    ["a", 3, "a[3]"],
  ] as const)("joinPath(%j, %j) = %j", (base, key, want) => expect(joinPath(base, key)).toBe(want));
});

describe("validateDirectoryList", () => {
  const cases: [string, { given: unknown; wantPaths: string[] }][] = [
    [
      "valid",
      {
        given: {
          kind: "discovery#directoryList",
          items: [{ name: "a", version: "v1", preferred: true, labels: ["x"] }],
        },
        wantPaths: [],
      },
    ],
    ["not an object", { given: "x", wantPaths: ["(root)"] }],
    ["no items", { given: {}, wantPaths: ["items"] }],
    [
      "bad item",
      {
        given: { items: [1, { name: "a" }, { name: "b", version: "v1", title: 3, preferred: "yes" }] },
        wantPaths: ["items[0]", "items[1].version", "items[2].title", "items[2].preferred"],
      },
    ],
  ];
  it.each(cases)("%s", (_name, { given, wantPaths }) => {
    const r = validateDirectoryList(given);
    expect(r.ok ? [] : r.error.problems.map((p) => p.path)).toEqual(wantPaths);
  });
});
