import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

import ts from "typescript";
import { describe, expect, it } from "vitest";

import { REPO_ROOT } from "../literals/testing/oracles";
import { readGoogleapisApis } from "./gen-googleapis-apis";
import { GOOGLEAPIS_API_VERSIONS, GOOGLEAPIS_VERSION } from "./googleapis-apis.generated";
import {
  camelify,
  DISCOVER_API_ENDPOINT_MEMBERS,
  isApiInGoogleapis,
  isMethodInGoogleapis,
  nodeApiAccessor,
  nodeResourceAvailable,
  tsMemberAccess,
  tsParamKey,
  tsPropertyAccess,
} from "./node";
import { PYTHON_DOCS_DIR, walkDoc } from "./testing/discovery-docs";
import { UnsafeIdentifier } from "./unsafe-identifier";

const APIS_DIR = join(REPO_ROOT, "node_modules/googleapis/build/src/apis");

describe("camelify", () => {
  it.each<[string, string]>([
    ["well-known", "wellKnown"],
    ["getOpenid-configuration", "getOpenidConfiguration"],
    ["Binary-create", "BinaryCreate"],
    ["search-type", "searchType"],
    ["ConceptMap-search-translate", "ConceptMapSearchTranslate"],
    ["a--b-", "aB"],
    ["-", ""],
    ["import", "import"],
    ["delete", "delete"],
    ["$x", "$x"],
  ])("%j → %j", (given, want) => {
    expect(camelify(given)).toBe(want);
  });

  it("property access, and the resource googleapis does not have", () => {
    expect(tsPropertyAccess("well-known")).toEqual({ available: true, source: ".wellKnown" });
    expect(tsPropertyAccess("import")).toEqual({ available: true, source: ".import" });
    expect(tsPropertyAccess("a.b")).toEqual({ available: true, source: "['a.b']" });
    expect(tsPropertyAccess("-").available).toBe(false);
    expect(nodeResourceAvailable("-")).toBe(false);
  });
});

describe("camelify against googleapis 188's generated code (names with '-' in the Python snapshot docs)", () => {
  it("every hyphenated resource/method of an API googleapis has is declared under its camelified name", () => {
    const checked: string[] = [];
    const missing: string[] = [];
    for (const file of readdirSync(PYTHON_DOCS_DIR)) {
      if (file === "index.json") continue;
      const doc = JSON.parse(readFileSync(join(PYTHON_DOCS_DIR, file), "utf8")) as {
        name: string;
        version: string;
      };
      const dts = join(APIS_DIR, doc.name, `${doc.version}.d.ts`);
      if (!existsSync(dts)) continue;
      let text: string | undefined;
      walkDoc(doc, (kind, name, id) => {
        if (!name.includes("-")) return;
        text ??= readFileSync(dts, "utf8");
        if (kind === "parameter") {
          // Parameters are NOT camelified: the params type declares the Discovery name, quoted (tsParamKey).
          const quoted = `${tsParamKey(name).source}?:`;
          (text.includes(quoted) ? checked : missing).push(`${doc.name}/${doc.version} ${id} → ${quoted}`);
          return;
        }
        const camel = camelify(name);
        if (camel === "") {
          // The resource `-`: googleapis has no property for it.
          expect(text).not.toMatch(/Resource\$[A-Za-z$]*\$-/);
          checked.push(`${id} (absent, as expected)`);
          return;
        }
        const declared =
          kind === "method"
            ? new RegExp(`^\\s+${camel}\\(`, "m")
            : new RegExp(`^\\s+${camel}: Resource\\$`, "m");
        (declared.test(text) ? checked : missing).push(`${doc.name}/${doc.version} ${kind} ${id} → ${camel}`);
      });
    }
    // Snapshot differences, not naming ones: the method is absent from googleapis 188 under any spelling
    // (its .d.ts has no "bulk-export-group-post" / "bulkExportGroupPost" at all).
    expect(missing).toEqual([
      "healthcare/v1beta1 method healthcare.projects.locations.datasets.fhirStores.bulk-export-group-post → bulkExportGroupPost",
    ]);
    expect(checked.length).toBeGreaterThan(80);
  });

  it("reserved words are plain members (calendar v3 events.import)", () => {
    expect(readFileSync(join(APIS_DIR, "calendar/v3.d.ts"), "utf8")).toMatch(
      /^\s+import\(params: Params\$Resource\$Events\$Import/m,
    );
  });
});

describe("tsParamKey", () => {
  it.each<[string, { required?: boolean }, string, string, boolean]>([
    ["maxResults", {}, "maxResults", "maxResults", false],
    ["max-results", {}, "max-results", "'max-results'", false],
    ["$.xgafv", {}, "$.xgafv", "'$.xgafv'", false],
    [
      "options.requestedPolicyVersion",
      {},
      "options.requestedPolicyVersion",
      "'options.requestedPolicyVersion'",
      false,
    ],
    ["headers", {}, "headers_", "headers_", true],
    ["media", {}, "media_", "media_", true],
    ["auth", {}, "auth_", "auth_", true],
    ["requestBody", {}, "requestBody_", "requestBody_", true],
    ["resource", { required: true }, "resource", "resource", false],
    ["resource", {}, "resource_", "resource_", true],
    ["page_", {}, "page__", "page__", true],
  ])("%j %j → key %j", (name, opts, key, source, separate) => {
    expect(tsParamKey(name, opts)).toEqual({ key, source, needsSeparateDeclaration: separate });
  });
});

/** Calls a real generated googleapis method with a gaxios adapter that records the request (no network). */
async function capture(api: string, version: string, path: string[], params: Record<string, unknown>) {
  const require = createRequire(import.meta.url);
  const mod = require(join(APIS_DIR, api, `${version}.js`)) as Record<
    string,
    Record<string, new (o: object) => unknown>
  >;
  const ns = mod[`${api}_${version.replaceAll(".", "_")}`] ?? {};
  const Ctor = Object.values(ns).find((v) => typeof v === "function" && /^[A-Z]/.test(v.name));
  if (!Ctor) throw new Error(`no API class in ${api}/${version}`);
  let self: unknown = new Ctor({});
  for (const p of path.slice(0, -1)) self = (self as Record<string, unknown>)[p];
  const method = (self as Record<string, (p: object, o: object) => Promise<unknown>>)[path.at(-1) ?? ""];
  const seen: { url: string; data: unknown; headers: Record<string, string> }[] = [];
  const adapter = async (opts: { url: URL | string; data?: unknown; headers?: Headers }) => {
    seen.push({
      url: String(opts.url),
      data: opts.data,
      headers: Object.fromEntries(opts.headers?.entries() ?? []),
    });
    return { data: {}, status: 200, statusText: "OK", headers: new Headers(), config: opts };
  };
  await method?.call(self, params, { adapter });
  return seen[0] ?? { url: "", data: undefined, headers: {} };
}

describe("googleapis-common runtime behaviour behind tsParamKey (real generated methods, captured requests)", () => {
  const flowLogs = ["projects", "locations", "vpcFlowLogsConfigs", "showEffectiveFlowLogsConfigs"];
  const parent = { parent: "projects/p/locations/global" };

  it("optional `resource` verbatim is taken as the body; `resource_` reaches the query", async () => {
    const verbatim = await capture("networkmanagement", "v1", flowLogs, { ...parent, resource: "r1" });
    expect(new URL(verbatim.url).searchParams.has("resource")).toBe(false);
    const suffixed = await capture("networkmanagement", "v1", flowLogs, { ...parent, resource_: "r1" });
    expect(new URL(suffixed.url).searchParams.get("resource")).toBe("r1");
  });

  it("required string `resource` verbatim is the path parameter", async () => {
    const r = await capture("cloudkms", "v1", ["projects", "locations", "keyRings", "getIamPolicy"], {
      resource: "projects/p/locations/l/keyRings/k",
    });
    expect(new URL(r.url).pathname).toBe("/v1/projects/p/locations/l/keyRings/k:getIamPolicy");
  });

  it("`headers` verbatim becomes HTTP headers; `headers_` is the query parameter; one trailing `_` is stripped", async () => {
    const path = ["accounts", "containers", "versions", "list"];
    const ids = { accountId: "a", containerId: "c" };
    const verbatim = await capture("tagmanager", "v1", path, { ...ids, headers: { "x-probe": "1" } });
    expect(new URL(verbatim.url).searchParams.has("headers")).toBe(false);
    expect(verbatim.headers["x-probe"]).toBe("1");
    const suffixed = await capture("tagmanager", "v1", path, { ...ids, headers_: true, page__: "x" });
    expect(new URL(suffixed.url).searchParams.get("headers")).toBe("true");
    expect(new URL(suffixed.url).searchParams.get("page_")).toBe("x");
  });
});

describe("needsSeparateDeclaration, checked with tsc against googleapis' types", () => {
  it("a suffixed key is an excess-property error inline, and compiles when declared separately", () => {
    const file = join(REPO_ROOT, "lib/codegen/naming/__excess_probe__.ts");
    const source = [
      "import type { tagmanager_v1 } from 'googleapis/build/src/apis/tagmanager/v1';",
      "declare const tm: tagmanager_v1.Tagmanager;",
      "export const inline = tm.accounts.containers.versions.list({ accountId: 'a', containerId: 'c', headers_: true });",
      "const params = { accountId: 'a', containerId: 'c', headers_: true };",
      "export const separate = tm.accounts.containers.versions.list(params);",
    ].join("\n");
    const host = ts.createCompilerHost({});
    const readFile = host.readFile.bind(host);
    host.readFile = (f) => (f === file ? source : readFile(f));
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (f) => f === file || fileExists(f);
    const program = ts.createProgram(
      [file],
      {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        target: ts.ScriptTarget.ES2022,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        module: ts.ModuleKind.ESNext,
        types: [],
      },
      host,
    );
    const diags = ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName === file);
    // 2769 "No overload matches this call" (the methods are overloaded), whose chain names the excess property.
    expect(
      diags.map((d) => [d.code, ts.getLineAndCharacterOfPosition(d.file!, d.start ?? 0).line + 1]),
    ).toEqual([[2769, 3]]);
    expect(ts.flattenDiagnosticMessageText(diags[0]?.messageText, "\n")).toMatch(
      /'headers_' does not exist in type 'Params\$Resource\$Accounts\$Containers\$Versions\$List'/,
    );
  });
});

describe("nodeApiAccessor / isApiInGoogleapis", () => {
  it.each<[string, string, string, string]>([
    ["youtube", "v3", "google.youtube('v3')", "youtube_v3"],
    ["admin", "directory_v1", "google.admin('directory_v1')", "admin_directory_v1"],
    ["youtubeAnalytics", "v2", "google.youtubeAnalytics('v2')", "youtubeAnalytics_v2"],
    ["adsense", "v1.4", "google.adsense('v1.4')", "adsense_v1_4"],
  ])("%s %s", (name, version, factory, namespace) => {
    const a = nodeApiAccessor(name, version);
    expect([a.factory, a.namespace]).toEqual([factory, namespace]);
    expect(isApiInGoogleapis(name, version)).toBe(true);
    expect(readFileSync(join(APIS_DIR, name, `${version}.d.ts`), "utf8")).toContain(
      `export declare namespace ${namespace} {`,
    );
  });

  it("knows what googleapis lacks", () => {
    expect(isApiInGoogleapis("apigee", "v1")).toBe(false);
    expect(isApiInGoogleapis("youtube", "v9")).toBe(false);
    expect(isApiInGoogleapis("youtubeanalytics", "v2")).toBe(false);
    expect(isApiInGoogleapis("x", "v1", new Set(["x/v1"]))).toBe(true);
  });

  it("the generated list matches the installed package", () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "node_modules/googleapis/package.json"), "utf8")) as {
      version: string;
    };
    expect(GOOGLEAPIS_VERSION).toBe(pkg.version);
    expect(GOOGLEAPIS_API_VERSIONS).toEqual(readGoogleapisApis(APIS_DIR));
    expect(GOOGLEAPIS_API_VERSIONS.length).toBe(610);
  });
});

describe("isMethodInGoogleapis", () => {
  it("is false for methods the snapshot has but googleapis 188 lacks, and for the resource `-`", () => {
    expect(isMethodInGoogleapis("aiplatform", "v1beta1", ["projects", "locations", "agents", "get"])).toBe(
      false,
    );
    expect(isMethodInGoogleapis("artifactregistry", "v1beta2", ["projects", "getProjectSettings"])).toBe(
      false,
    );
    expect(
      isMethodInGoogleapis("readerrevenuesubscriptionlinking", "v1", [
        "publications",
        "-",
        "readers",
        "entitlements",
        "list",
      ]),
    ).toBe(false);
    expect(isMethodInGoogleapis("youtube", "v3", ["videos", "list"])).toBe(true);
    expect(isMethodInGoogleapis("nosuchapi", "v1", ["x", "get"])).toBe(false);
  });
});

describe("tsMemberAccess: the door for resource and method names, against googleapis-common's Endpoint", () => {
  const require = createRequire(import.meta.url);
  const { Endpoint } = require("googleapis-common/build/src/endpoint.js") as {
    Endpoint: new (options: object) => Record<string, unknown> & {
      applySchema(target: object, root: object, schema: object, context: object): void;
    };
  };
  const KEYS = [
    "plain",
    "with-dash",
    'q"r',
    "a\u2028b",
    "x\ny",
    "${x}`",
    "*/",
    "\u{1F600}",
    "toString",
    "import",
  ];
  const discoverApi = () => {
    const endpoint = new Endpoint({});
    const method = (i: number, j: number) => ({ id: `h.${i}.${j}`, path: `p${i}/${j}`, httpMethod: "GET" });
    const schema = {
      rootUrl: "https://h.example.com/",
      servicePath: "",
      resources: Object.fromEntries(
        KEYS.filter((k) => !(k in Object.prototype)).map((r, i) => [
          r,
          { methods: Object.fromEntries(KEYS.map((m, j) => [m, method(i, j)])) },
        ]),
      ),
    };
    endpoint.applySchema(endpoint, schema, schema, endpoint);
    return endpoint;
  };

  it("reaches exactly the member google.discoverAPI creates for every raw key, as inert source", () => {
    const api = discoverApi();
    const resources = KEYS.filter((k) => !(k in Object.prototype));
    for (const r of resources) {
      for (const m of KEYS) {
        const source =
          "api" +
          tsMemberAccess(r, "resource", { googleapis: false, topLevel: true }) +
          tsMemberAccess(m, "method", { googleapis: false, topLevel: false });
        const sf = ts.createSourceFile("x.ts", `${source};`, ts.ScriptTarget.ES2022, true);
        expect((sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics, source).toEqual([]);
        expect(sf.statements).toHaveLength(1);
        const got = new Function("api", `"use strict"; return ${source};`)(api) as unknown;
        expect(got, source).toBe((api[r] as Record<string, unknown>)[m]);
        expect(typeof got).toBe("function");
      }
    }
  });

  it("refuses what the client would not expose: __proto__, inherited names for resources, endpoint members", () => {
    const discover = { googleapis: false, topLevel: false };
    expect(() => tsMemberAccess("__proto__", "method", discover)).toThrow(UnsafeIdentifier);
    expect(() => tsMemberAccess("hasOwnProperty", "resource", discover)).toThrow(/Object\.prototype/);
    expect(tsMemberAccess("hasOwnProperty", "method", discover)).toBe(".hasOwnProperty");
    expect(() => tsMemberAccess("makeMethod", "method", { googleapis: false, topLevel: true })).toThrow(
      /overwrite its own member makeMethod/,
    );
    expect(() => tsMemberAccess("-", "resource", { googleapis: true, topLevel: true })).toThrow(
      UnsafeIdentifier,
    );
    expect(tsMemberAccess("well-known", "resource", { googleapis: true, topLevel: true })).toBe(".wellKnown");
  });

  it("DISCOVER_API_ENDPOINT_MEMBERS is exactly what an Endpoint has", () => {
    const endpoint = new Endpoint({});
    const names = new Set([...Object.keys(endpoint), ...Object.getOwnPropertyNames(Endpoint.prototype)]);
    expect([...names].sort()).toEqual([...DISCOVER_API_ENDPOINT_MEMBERS].sort());
  });
});
