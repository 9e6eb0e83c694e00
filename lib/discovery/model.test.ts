import { describe, expect, it } from "vitest";
import { zooApi, zooDoc, zooText } from "./__fixtures__/load-zoo";
import { isDeepFrozen } from "./freeze";
import { buildApiModel, findMethod, findResource, joinBaseUrl, methodsOfResource } from "./model";
import type { ParameterModel } from "./model-types";

const api = zooApi();
const method = (id: string) => {
  const m = findMethod(api, id);
  if (!m) throw new Error(`no method ${id}`);
  return m;
};
const param = (id: string, name: string): ParameterModel => {
  const p = method(id).parameters.find((x) => x.name === name);
  if (!p) throw new Error(`no parameter ${name} on ${id}`);
  return p;
};

describe("buildApiModel on the zoo", () => {
  it("does not mutate a deep-frozen input, returns a deep-frozen model and is deterministic", () => {
    const doc = zooDoc();
    const model = buildApiModel(doc);
    expect(isDeepFrozen(model)).toBe(true);
    expect(JSON.stringify(doc)).toBe(JSON.stringify(JSON.parse(zooText())));
    expect(JSON.stringify(buildApiModel(doc))).toBe(JSON.stringify(model));
  });

  it("leaves an unfrozen input unfrozen (schemas are cloned, not frozen in place)", () => {
    const doc = JSON.parse(zooText());
    buildApiModel(doc);
    expect(Object.isFrozen(doc.schemas)).toBe(false);
  });

  it("has the top-level fields", () => {
    expect(api).toMatchObject({
      name: "zoo",
      version: "v1",
      id: "zoo:v1",
      title: "Zoo API",
      revision: "20260101",
      baseUrl: "https://zoo.googleapis.com/zoo/v1/",
      batchPath: "batch/zoo/v1",
      mtlsRootUrl: "https://zoo.mtls.googleapis.com/",
    });
    expect(api.scopes.map((s) => s.url)).toEqual([
      "https://www.googleapis.com/auth/cloud-platform",
      "https://www.googleapis.com/auth/zoo",
      "https://www.googleapis.com/auth/zoo.readonly",
    ]);
  });

  it("collects methods from every depth, sorted by id, plus top-level methods", () => {
    const ids = api.methods.map((m) => m.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toHaveLength(17);
    expect(api.rootMethodIds).toEqual(["zoo.tokeninfo"]);
    expect(method("zoo.tokeninfo").resourcePath).toEqual([]);
    expect(method("zoo.zoos.animals.feedings.list").resourcePath).toEqual(["zoos", "animals", "feedings"]);
  });

  it("sorts resources by name and methodIds by method name", () => {
    expect(api.resources.map((r) => r.name)).toEqual([
      "-",
      "global",
      "keepers",
      "oddities",
      "well-known",
      "zoos",
    ]);
    const animals = findResource(api, ["zoos", "animals"])!;
    expect(animals.path).toEqual(["zoos", "animals"]);
    expect(methodsOfResource(api, animals).map((m) => m.name)).toEqual([
      "create",
      "delete",
      "getPhoto",
      "list",
      "patch",
      "search",
    ]);
    expect(findResource(api, ["zoos", "animals", "feedings"])!.methodIds).toEqual([
      "zoo.zoos.animals.feedings.list",
    ]);
    expect(findResource(api, ["oddities"])!.deprecated).toBe(true);
    expect(findResource(api, ["nope"])).toBeUndefined();
    expect(findMethod(api, "zoo.nope")).toBeUndefined();
  });

  it("orders parameters: path (parameterOrder) first, then required query, then the rest alphabetically", () => {
    expect(method("zoo.zoos.animals.list").parameters.map((p) => p.name)).toEqual([
      "parent",
      "continue",
      "from",
      "max-results",
      "maxWeightGrams",
      "minWeightGrams",
      "pageSize",
      "pageToken",
      "showDeleted",
      "species",
      "updateMask",
    ]);
    expect(method("zoo.zoos.animals.create").parameters.map((p) => p.name)).toEqual([
      "parent",
      "animalId",
      "headers",
      "media",
    ]);
  });

  const paramCases: [string, { id: string; name: string; want: Partial<ParameterModel> }][] = [
    [
      "path param with pattern",
      {
        id: "zoo.zoos.get",
        name: "name",
        want: { location: "path", required: true, pattern: "^zoos/[^/]+$", type: "string" },
      },
    ],
    [
      "dotted name",
      {
        id: "zoo.zoos.getIamPolicy",
        name: "options.requestedPolicyVersion",
        want: { type: "integer", format: "int32", location: "query", required: false },
      },
    ],
    [
      "`resource` as a name",
      { id: "zoo.zoos.getIamPolicy", name: "resource", want: { location: "path", required: true } },
    ],
    [
      "hyphenated, deprecated",
      { id: "zoo.zoos.animals.list", name: "max-results", want: { deprecated: true, format: "uint32" } },
    ],
    [
      "min/max/default parsed",
      { id: "zoo.zoos.animals.list", name: "pageSize", want: { minimum: 1, maximum: 1000, default: "50" } },
    ],
    [
      "negative decimal bounds",
      { id: "zoo.oddities.echo", name: "ratio", want: { type: "number", minimum: -1.5, maximum: 1.5 } },
    ],
    [
      "int64 stays a string",
      { id: "zoo.zoos.animals.list", name: "minWeightGrams", want: { type: "string", format: "int64" } },
    ],
    [
      "uint64 path param",
      {
        id: "zoo.global.tickets.get",
        name: "ticketId",
        want: { type: "string", format: "uint64", location: "path" },
      },
    ],
    [
      "type absent → string",
      { id: "zoo.oddities.echo", name: "id", want: { type: "string", location: "path" } },
    ],
    ["object kept", { id: "zoo.oddities.echo", name: "filter", want: { type: "object" } }],
    ["any kept", { id: "zoo.oddities.echo", name: "anything", want: { type: "any" } }],
    [
      "required via parameterOrder only",
      { id: "zoo.zoos.animals.create", name: "animalId", want: { required: true, location: "query" } },
    ],
    [
      "path variable declared as query is forced to path",
      { id: "zoo.keepers.return", name: "keeperId", want: { location: "path", required: true } },
    ],
    [
      "keyword name",
      { id: "zoo.zoos.animals.list", name: "from", want: { format: "date", standard: false } },
    ],
    [
      "boolean",
      { id: "zoo.zoos.animals.list", name: "showDeleted", want: { type: "boolean", repeated: false } },
    ],
  ];
  it.each(paramCases)("parameter: %s", (_n, { id, name, want }) =>
    expect(param(id, name)).toMatchObject(want),
  );

  it("zips enums with descriptions and deprecation, tolerating short arrays", () => {
    const species = param("zoo.zoos.animals.list", "species");
    expect(species.repeated).toBe(true);
    expect(species.enum).toEqual([
      { value: "SPECIES_UNSPECIFIED", description: "Unspecified.", deprecated: false },
      { value: "LION", description: "Lions.", deprecated: false },
      { value: "OKAPI", description: "Okapis.", deprecated: false },
      { value: "DODO", description: "Dodos (extinct).", deprecated: true },
    ]);
    expect(param("zoo.oddities.echo", "colour").enum![2]).toEqual({
      value: "BLUE",
      description: "",
      deprecated: false,
    });
    expect(param("zoo.zoos.get", "name").enum).toBeUndefined();
  });

  it("keeps standard parameters apart, sorted, all query", () => {
    expect(api.standardParameters.map((p) => p.name)).toEqual([
      "$.xgafv",
      "access_token",
      "alt",
      "callback",
      "fields",
      "key",
      "oauth_token",
      "prettyPrint",
      "quotaUser",
      "uploadType",
      "upload_protocol",
    ]);
    expect(api.standardParameters.every((p) => p.standard && p.location === "query")).toBe(true);
    expect(api.standardParameters[0]!.enum!.map((e) => e.value)).toEqual(["1", "2"]);
    expect(method("zoo.zoos.get").parameters.some((p) => p.standard)).toBe(false);
  });

  const methodCases: [string, { id: string; want: Record<string, unknown> }][] = [
    [
      "pageable via pageToken param",
      {
        id: "zoo.zoos.animals.list",
        want: { pageable: true, httpMethod: "GET", responseSchema: "ListAnimalsResponse" },
      },
    ],
    [
      "pageable via request body",
      { id: "zoo.zoos.animals.search", want: { pageable: true, requestSchema: "SearchRequest" } },
    ],
    [
      "not pageable without nextPageToken",
      { id: "zoo.zoos.animals.feedings.list", want: { pageable: false } },
    ],
    ["not pageable without pageToken", { id: "zoo.zoos.get", want: { pageable: false } }],
    ["deprecated method", { id: "zoo.global.tickets.get", want: { deprecated: true } }],
    [
      "apiVersion and PUT body",
      {
        id: "zoo.keepers.update",
        want: { apiVersion: "2026-01-01", httpMethod: "PUT", requestSchema: "Keeper" },
      },
    ],
    [
      "keyword method name",
      {
        id: "zoo.keepers.import",
        want: { name: "import", resourcePath: ["keepers"], scopes: ["https://www.googleapis.com/auth/zoo"] },
      },
    ],
    [
      "hyphenated names",
      {
        id: "zoo.well-known.getOpenid-configuration",
        want: { name: "getOpenid-configuration", resourcePath: ["well-known"], scopes: [] },
      },
    ],
    ["resource named -", { id: "zoo.-.lookup", want: { resourcePath: ["-"], path: "zoo/v1/-:lookup" } }],
    [
      "media download",
      {
        id: "zoo.zoos.animals.getPhoto",
        want: {
          supportsMediaDownload: true,
          useMediaDownloadService: true,
          mediaUpload: null,
          supportsMediaUpload: false,
        },
      },
    ],
    [
      "no apiVersion key when absent",
      { id: "zoo.zoos.get", want: { flatPath: "v1/zoos/{zoosId}", path: "v1/{+name}" } },
    ],
  ];
  it.each(methodCases)("method: %s", (_n, { id, want }) => expect(method(id)).toMatchObject(want));

  it("maps media upload with maxSize in bytes", () => {
    const m = method("zoo.zoos.animals.create");
    expect(m.supportsMediaUpload).toBe(true);
    expect(m.mediaUpload).toEqual({
      accept: ["image/*", "video/mp4"],
      maxSizeBytes: 1024,
      simplePath: "/upload/zoo/v1/v1/{+parent}/animals",
      resumablePath: "/resumable/upload/zoo/v1/v1/{+parent}/animals",
      multipart: true,
    });
    expect("apiVersion" in method("zoo.zoos.get")).toBe(false);
  });
});

describe("buildApiModel edge cases", () => {
  const base = { name: "t", version: "v1", rootUrl: "https://t.googleapis.com/", servicePath: "t/v1/" };
  it("synthesises a required path parameter for an undeclared path variable", () => {
    const m = buildApiModel({
      ...base,
      methods: { get: { id: "t.get", path: "things/{thingId}/{+rest}", httpMethod: "get" } },
    }).methods[0]!;
    expect(m.httpMethod).toBe("GET");
    expect(m.parameters.map((p) => [p.name, p.location, p.required])).toEqual([
      ["thingId", "path", true],
      ["rest", "path", true],
    ]);
  });
  it("follows a response $ref that is itself a $ref when deciding pageable", () => {
    const doc = {
      ...base,
      schemas: {
        Alias: { $ref: "Real" },
        Real: { type: "object" as const, properties: { nextPageToken: { type: "string" as const } } },
      },
      methods: {
        list: {
          id: "t.list",
          path: "x",
          httpMethod: "GET",
          parameters: { pageToken: { type: "string" as const, location: "query" } },
          response: { $ref: "Alias" },
        },
      },
    };
    expect(buildApiModel(doc).methods[0]!.pageable).toBe(true);
  });
});

describe("joinBaseUrl", () => {
  it.each([
    ["https://www.googleapis.com/", "drive/v3/", "https://www.googleapis.com/drive/v3/"],
    ["https://youtube.googleapis.com/", "", "https://youtube.googleapis.com/"],
    ["https://x.googleapis.com", "/v1/", "https://x.googleapis.com/v1/"],
    ["https://x.googleapis.com//", "//v1", "https://x.googleapis.com/v1"],
  ])("%s + %s", (root, sp, want) => expect(joinBaseUrl(root, sp)).toBe(want));
});
