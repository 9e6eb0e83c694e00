import { readFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { prepareSnippetInput } from "../codegen/prepare";
import { generateSnippet } from "../codegen/registry";
import { TARGET_IDS } from "../codegen/types";
import { buildHttpRequest } from "../request/build";
import { defaultRequest } from "../request/canonical";
import type { ExplorerRequest } from "../request/types";
import { validateRequest } from "../request/validate";
import { zooApi } from "./__fixtures__/load-zoo";
import { SNAPSHOT_DIR, SNAPSHOT_SKIP_REASON } from "./__fixtures__/real-snapshot";
import { buildApiModel } from "./model";
import type { ApiModel, MethodModel } from "./model-types";
import { sliceApiForMethod } from "./slice";
import type { RawRestDescription } from "./types";

const api = zooApi();
const m = (id: string): MethodModel => {
  const found = api.methods.find((x) => x.id === id);
  if (!found) throw new Error(`zoo has no ${id}`);
  return found;
};

/** Requests that exercise paths, repeated and typed query params, standard params, bodies, media and auth kinds. */
const CASES: readonly (readonly [string, Partial<ExplorerRequest>])[] = [
  ["zoo.zoos.get", { params: { name: "zoos/z1", fields: "name", prettyPrint: false } }],
  ["zoo.zoos.get", { params: {} }],
  [
    "zoo.zoos.animals.list",
    {
      params: { parent: "zoos/a b", pageSize: 5, species: ["lion", "tiger"], "max-results": 7, $$bogus: "x" },
      auth: { type: "apiKey" },
    },
  ],
  ["zoo.zoos.animals.list", { params: { parent: "zoos/z", pageSize: "abc", showDeleted: true } }],
  [
    "zoo.zoos.animals.create",
    {
      params: { parent: "zoos/z1", animalId: "a1" },
      body: { name: "Leo" },
      media: { fileName: "leo.png", mimeType: "image/png" },
    },
  ],
  ["zoo.zoos.animals.patch", { params: { name: "zoos/z/animals/a", updateMask: "name" }, body: { x: 1 } }],
  ["zoo.zoos.getIamPolicy", { params: { resource: "r", "options.requestedPolicyVersion": 3 } }],
  ["zoo.keepers.update", { params: { keeperId: "k" }, body: [1, 2], auth: { type: "none" } }],
  ["zoo.tokeninfo", { params: { access_token: "ya29.secret" } }],
  ["zoo.oddities.echo", { params: { id: "-1", ratio: 1.5, colour: "RED", key: "AIza" } }],
];

describe("sliceApiForMethod", () => {
  it.each(CASES.map(([id, over], i) => [`${i}: ${id}`, id, over] as const))(
    "%s: build, validate and every snippet agree with the full model",
    (_, id, over) => {
      const method = m(id);
      const slice = sliceApiForMethod(api, method);
      const request: ExplorerRequest = { ...defaultRequest(api, method), ...over };
      expect(buildHttpRequest(slice, method, request)).toEqual(buildHttpRequest(api, method, request));
      expect(validateRequest(slice, method, request)).toEqual(validateRequest(api, method, request));
      const full = prepareSnippetInput({ api, method, request });
      const sliced = prepareSnippetInput({ api: slice, method, request });
      expect(sliced).toEqual(full);
      for (const target of TARGET_IDS) {
        expect(generateSnippet(target, sliced, { allPages: true, tokenCache: true })).toBe(
          generateSnippet(target, full, { allPages: true, tokenCache: true }),
        );
      }
    },
  );

  it("every zoo method: the default request agrees too", () => {
    for (const method of api.methods) {
      const slice = sliceApiForMethod(api, method);
      const request = defaultRequest(api, method);
      expect(defaultRequest(slice, method)).toEqual(request);
      expect(prepareSnippetInput({ api: slice, method, request })).toEqual(
        prepareSnippetInput({ api, method, request }),
      );
    }
  });

  it("keeps only what the browser needs", () => {
    const method = m("zoo.zoos.animals.list");
    const slice = sliceApiForMethod(api, method);
    expect(slice.methods).toEqual([method]);
    // Only the path to the method (zoos → animals), with the method's own resource's children emptied.
    expect(slice.resources.map((r) => r.name)).toEqual(["zoos"]);
    const animals = slice.resources[0]!.resources;
    expect(animals.map((r) => [r.name, r.methodIds])).toEqual([["animals", ["zoo.zoos.animals.list"]]]);
    for (const child of animals[0]!.resources) expect([child.methodIds, child.resources]).toEqual([[], []]);
    expect(slice.schemas).toEqual({});
    expect(slice.standardParameters).toBe(api.standardParameters);
    expect(slice.scopes.map((s) => s.url).sort()).toEqual([...method.scopes].sort());
    expect(JSON.parse(JSON.stringify(slice))).toEqual(slice);
  });
});

function loadSnapshot(name: string): ApiModel | null {
  if (!SNAPSHOT_DIR) return null;
  try {
    return buildApiModel(JSON.parse(readFileSync(join(SNAPSHOT_DIR, name), "utf8")) as RawRestDescription);
  } catch {
    return null;
  }
}

describe.skipIf(!SNAPSHOT_DIR)(`sliceApiForMethod on real documents${SNAPSHOT_SKIP_REASON}`, () => {
  it.each([
    ["compute.v1.json", "compute.instances.insert"],
    ["youtube.v3.json", "youtube.channels.list"],
    ["drive.v3.json", "drive.files.create"],
  ])("%s %s serialises small and builds the same request", (file, id) => {
    const full = loadSnapshot(file);
    expect(full, `${file} in the snapshot`).not.toBeNull();
    if (!full) return;
    const method = full.methods.find((x) => x.id === id)!;
    const slice = sliceApiForMethod(full, method);
    const sliceSize = JSON.stringify(slice).length;
    expect(sliceSize).toBeLessThan(40_000);
    expect(sliceSize * 10).toBeLessThan(JSON.stringify(full).length);
    const request = defaultRequest(full, method);
    expect(prepareSnippetInput({ api: slice, method, request })).toEqual(
      prepareSnippetInput({ api: full, method, request }),
    );
  });
});
