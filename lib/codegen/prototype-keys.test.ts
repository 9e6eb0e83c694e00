/**
 * The class "a name from a document is an Object.prototype member": parameters, standard parameters, schema
 * properties, schemas, resources and methods named `__proto__`, `constructor`, `hasOwnProperty`, `toString`, …
 * go through the whole pipeline (validate → model → form state → request → every target → share link, URL,
 * history, body schema, skeleton) as ordinary names: sent exactly as given, never invented on an untouched form.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { buildApiModel, findMethod, findResource } from "@/lib/discovery/model";
import type { ApiModel, MethodModel } from "@/lib/discovery/model-types";
import { toJsonSchema } from "@/lib/discovery/schema";
import type { RawRestDescription } from "@/lib/discovery/types";
import { validateDiscoveryDocument } from "@/lib/discovery/validate";
import { buildHttpRequest } from "@/lib/request/build";
import { defaultRequest } from "@/lib/request/canonical";
import { decodeShareState, encodeShareState } from "@/lib/request/share";
import type { ExplorerRequest } from "@/lib/request/types";
import { toWellFormed } from "@/lib/request/uri-template";
import { validateRequest } from "@/lib/request/validate";
import { fieldHint } from "@/lib/workbench/fields";
import { cleanForHistory } from "@/lib/workbench/history";
import { initialState, reduceWorkbench } from "@/lib/workbench/state";
import { decodeUrlState, stateHref } from "@/lib/workbench/url-state";
import { hostileDocuments } from "@/testing/hostile-documents";

import { prepareSnippetInput } from "./prepare";
import { generateSnippet } from "./registry";
import { bodySkeleton } from "./skeleton";
import { TARGET_IDS } from "./types";

const MEMBERS = Object.getOwnPropertyNames(Object.prototype);
/** What an inherited built-in looks like once stringified into code or a URL. */
const BUILTIN_TEXT = /\[native code\]|\[object Object\]/;

function hostile(id: string): ApiModel {
  const found = hostileDocuments().find((d) => d.id === id);
  if (!found) throw new Error(`no hostile document ${id}`);
  const checked = validateDiscoveryDocument(found.doc);
  if (!checked.ok) throw new Error(checked.error.message);
  return buildApiModel(checked.doc);
}

function method(api: ApiModel, id: string): MethodModel {
  const m = findMethod(api, id);
  if (!m) throw new Error(`no method ${id}`);
  return m;
}

/** The request after typing `text` into each named field, through the workbench reducer (the form's path). */
function typed(api: ApiModel, m: MethodModel, values: Readonly<Record<string, string>>): ExplorerRequest {
  const model = { api, method: m };
  let state = initialState(model, defaultRequest(api, m));
  for (const [name, text] of Object.entries(values)) {
    const param = [...m.parameters, ...api.standardParameters].find((p) => p.name === name);
    if (!param) throw new Error(`no parameter ${name}`);
    state = reduceWorkbench(model, state, { type: "paramText", param, text });
  }
  return state.request;
}

/** RFC 6570 simple expansion of a well-formed string: everything but unreserved characters percent-encoded. */
function rfc6570Simple(s: string): string {
  return encodeURIComponent(toWellFormed(s)).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Every target's snippet; a refusal becomes `refused: <message>`. */
function snippets(api: ApiModel, m: MethodModel, request: ExplorerRequest): Record<string, string> {
  const input = prepareSnippetInput({ api, method: m, request });
  const generate = (t: (typeof TARGET_IDS)[number]): string => {
    try {
      return generateSnippet(t, input);
    } catch (e) {
      return `refused: ${(e as Error).message}`;
    }
  };
  return Object.fromEntries(TARGET_IDS.map((t) => [t, generate(t)]));
}

describe("hostile-prototype-params: parameters named like Object.prototype members", () => {
  const api = hostile("hostile-prototype-params.v1");
  const list = method(api, "hostile-prototype-params.things.list");

  it("the model keeps every one of them as an ordinary parameter", () => {
    expect(list.parameters.map((p) => p.name).sort()).toEqual([...MEMBERS].sort());
    expect(api.standardParameters.map((p) => p.name)).toEqual([
      "__lookupGetter__",
      "fields",
      "toLocaleString",
    ]);
  });

  it("the untouched form: no issue, no query string, no built-in in any snippet", () => {
    const request = defaultRequest(api, list);
    expect(validateRequest(api, list, request)).toEqual([]);
    expect(buildHttpRequest(api, list, request).url).toBe("https://hostile.example.com/things");
    for (const [target, code] of Object.entries(snippets(api, list, request))) {
      expect({ target, builtin: BUILTIN_TEXT.exec(code)?.[0] }).toEqual({ target, builtin: undefined });
      expect({ target, query: /things\?/.test(code) }).toEqual({ target, query: false });
    }
  });

  it("no field shows a built-in as its hint or placeholder", () => {
    for (const p of [...list.parameters, ...api.standardParameters])
      expect(JSON.stringify(fieldHint(p))).not.toMatch(BUILTIN_TEXT);
  });

  it("a value typed into each one is sent under exactly that name, and only that one", () => {
    for (const name of [...MEMBERS, "toLocaleString", "__lookupGetter__"]) {
      const p = [...list.parameters, ...api.standardParameters].find((q) => q.name === name)!;
      const text = p.type === "boolean" ? "true" : p.type === "integer" ? "7" : `v ${name}`;
      const request = typed(api, list, { [name]: text });
      expect(Object.keys(request.params)).toEqual([name]);
      expect(validateRequest(api, list, request)).toEqual([]);
      const url = new URL(buildHttpRequest(api, list, request).url);
      expect([...url.searchParams]).toEqual([[name, text]]);
      const code = snippets(api, list, request);
      expect(code.curl).toContain(`${encodeURIComponent(name)}=${encodeURIComponent(text)}`);
      expect(code.http).toContain(`?${encodeURIComponent(name)}=${encodeURIComponent(text)} HTTP/1.1`);
      for (const target of name === "__proto__" ? ["python"] : ["python", "typescript"]) {
        expect(code[target]).toContain(name);
        expect({ target, builtin: BUILTIN_TEXT.exec(code[target]!)?.[0] }).toEqual({
          target,
          builtin: undefined,
        });
      }
    }
  });

  it("TypeScript refuses a __proto__ parameter (googleapis would drop it), naming it; the others send it", () => {
    const code = snippets(api, list, typed(api, list, { ["__proto__"]: "p" }));
    expect(code.typescript).toBe(
      'refused: hostile-prototype-params.things.list: googleapis cannot send the parameter "__proto__" (its client turns the key into the object\'s prototype); use the Python, cURL or HTTP snippet.',
    );
    expect(code.python).toContain('x__proto__="p"');
    expect(code.curl).toContain("things?__proto__=p'");
  });

  it("share link, page URL and history keep a __proto__ value as a parameter", () => {
    const model = { api, method: list };
    // A computed key: a literal `__proto__: "p"` would set the prototype, not a key.
    const request = typed(api, list, { ["__proto__"]: "p", constructor: "c", hasOwnProperty: "true" });
    const asJson = (r: ExplorerRequest) => JSON.stringify(r.params);
    const wantJson = JSON.stringify(JSON.parse('{"__proto__":"p","constructor":"c","hasOwnProperty":true}'));
    const shared = decodeShareState(encodeShareState(request));
    expect(shared.ok && asJson(shared.value)).toBe(wantJson);
    const href = stateHref(initialState(model, request));
    const decoded = decodeUrlState(new URL(href, "https://x/").searchParams, {
      api: api.name,
      version: api.version,
      method: list,
    });
    expect(decoded.request && asJson(decoded.request)).toBe(wantJson);
    expect(asJson(cleanForHistory(request))).toBe(wantJson);
  });

  it("path parameters named constructor and __proto__ fill the path", () => {
    const get = method(api, "hostile-prototype-params.things.get");
    const untouched = buildHttpRequest(api, get, defaultRequest(api, get));
    expect(untouched.missingPathParams).toEqual(["constructor", "__proto__"]);
    const request = typed(api, get, { constructor: "a", ["__proto__"]: "b" });
    expect(buildHttpRequest(api, get, request).url).toBe("https://hostile.example.com/things/a/b");
  });

  it("the body's JSON Schema and skeleton keep properties named __proto__ and constructor", () => {
    const schema = toJsonSchema(api, "Thing") as { definitions: Record<string, { properties: object }> };
    const thing = schema.definitions.Thing!;
    expect(Object.keys(thing.properties).sort()).toEqual([...MEMBERS].sort());
    expect(Object.getPrototypeOf(thing.properties)).toBe(Object.prototype);
    expect(Object.hasOwn(schema.definitions, "constructor")).toBe(true);
    const required = { annotations: { required: ["m"] } };
    const skeleton = bodySkeleton(
      {
        schemas: JSON.parse(
          JSON.stringify({
            S: {
              type: "object",
              properties: Object.fromEntries(MEMBERS.map((n) => [n, { type: "string", ...required }])),
            },
          }),
        ),
      },
      "S",
      "m",
    ) as object;
    expect(Object.getPrototypeOf(skeleton)).toBe(Object.prototype);
    expect(Object.keys(skeleton).sort()).toEqual([...MEMBERS].sort());
  });
});

describe("hostile-prototype-resources: resources and methods named like Object.prototype members", () => {
  const api = hostile("hostile-prototype-resources.v1");

  it("the resource tree and the method index hold exactly the document's names", () => {
    expect(api.resources.map((r) => r.name)).toEqual(["__proto__", "constructor", "toString"]);
    for (const r of ["__proto__", "constructor", "toString"]) {
      expect(findResource(api, [r])?.methodIds).toEqual(
        ["__proto__", "hasOwnProperty", "valueOf"].map((m) => `hostile-prototype-resources.${r}.${m}`),
      );
    }
    expect(api.rootMethodIds).toEqual(["hostile-prototype-resources.constructor"]);
  });

  it("each method's request goes to its own path", () => {
    for (const m of api.methods) {
      const url = buildHttpRequest(api, m, defaultRequest(api, m)).url;
      expect(url).toBe(`https://hostile.example.com/${[...m.resourcePath, m.name].join("/")}`);
      const input = prepareSnippetInput({ api, method: m, request: defaultRequest(api, m) });
      for (const t of ["curl", "http"] as const) expect(generateSnippet(t, input)).not.toMatch(BUILTIN_TEXT);
    }
  });
});

describe("property: any subset of Object.prototype names as parameters of a generated document", () => {
  const doc = (names: readonly string[], pathNames: readonly string[]): RawRestDescription => ({
    kind: "discovery#restDescription",
    name: "gen",
    version: "v1",
    rootUrl: "https://gen.example.com/",
    servicePath: "",
    // Path variables without a declared parameter get a synthetic one (model's rule): the name must not
    // pick up an inherited built-in as its declaration.
    resources: {
      r: {
        methods: {
          m: {
            id: "gen.r.m",
            path: ["r", ...pathNames.map((n) => `{${n}}`)].join("/"),
            httpMethod: "GET",
            parameters: Object.fromEntries(names.map((n) => [n, { type: "string", location: "query" }])),
          },
        },
      },
    },
  });

  it("untouched: nothing sent; typed: exactly the typed names and values", () => {
    const name = fc.constantFrom(...MEMBERS);
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { minLength: 1 }),
        fc.uniqueArray(name, { maxLength: 2 }),
        fc.string({ minLength: 1 }),
        (query, path, text) => {
          const q = query.filter((n) => !path.includes(n));
          const raw = doc(q, path);
          const checked = validateDiscoveryDocument(JSON.parse(JSON.stringify(raw)));
          expect(checked.ok).toBe(true);
          if (!checked.ok) return;
          const api = buildApiModel(checked.doc);
          const m = method(api, "gen.r.m");
          expect(m.parameters.map((p) => p.name).sort()).toEqual([...q, ...path].sort());
          for (const p of m.parameters.filter((x) => path.includes(x.name))) expect(p.type).toBe("string");
          const untouched = buildHttpRequest(api, m, defaultRequest(api, m));
          expect(new URL(untouched.url.replace(/[{}]/g, "")).search).toBe("");
          const values = Object.fromEntries([...q, ...path].map((n) => [n, `${text}-${n}`]));
          const request = typed(api, m, values);
          const url = new URL(buildHttpRequest(api, m, request).url);
          expect([...url.searchParams].sort()).toEqual(q.map((n) => [n, `${text}-${n}`]).sort());
          expect(url.pathname).toBe(["/r", ...path.map((n) => rfc6570Simple(`${text}-${n}`))].join("/"));
        },
      ),
      { numRuns: 200 },
    );
  });
});
