/**
 * lib/request against the shared zoo Discovery fixture, through the real buildApiModel (lib/discovery).
 * The per-file tests use the literal fixtures in ./__fixtures__/models.ts; this file checks the two agree.
 */
import { describe, expect, it } from "vitest";
import { zooApi } from "../discovery/__fixtures__/load-zoo";
import type { MethodModel } from "../discovery/model-types";
import { buildHttpRequest, MULTIPART_BOUNDARY, ACCESS_TOKEN_PLACEHOLDER } from "./build";
import { defaultRequest, normalizeRequest, parseExplorerRequest } from "./canonical";
import { decodeShareState, encodeShareState } from "./share";
import type { ExplorerRequest } from "./types";
import { validateRequest } from "./validate";

const api = zooApi();
const m = (id: string): MethodModel => {
  const found = api.methods.find((x) => x.id === id);
  if (!found) throw new Error(`zoo has no ${id}`);
  return found;
};
const req = (method: MethodModel, over: Partial<ExplorerRequest>): ExplorerRequest => ({
  ...defaultRequest(api, method),
  ...over,
});

describe("every zoo method", () => {
  it.each(api.methods.map((x) => [x.id, x] as const))(
    "%s: default request parses, builds, shares",
    (_, method) => {
      const d = defaultRequest(api, method);
      expect(parseExplorerRequest(JSON.parse(JSON.stringify(d)))).toEqual({ ok: true, value: d });
      expect(decodeShareState(encodeShareState(d))).toEqual({ ok: true, value: d });
      const spec = buildHttpRequest(api, method, d);
      expect(spec.method).toBe(method.httpMethod);
      expect(spec.url.startsWith(api.rootUrl)).toBe(true);
      // only required parameters are reported on an empty default request
      for (const issue of validateRequest(api, method, d)) expect(issue.code).toBe("required");
      expect(normalizeRequest(d, method, api)).toEqual(d);
    },
  );
});

describe("zoo specifics", () => {
  it("animals.create: multipart upload through the templated simple path", () => {
    const method = m("zoo.zoos.animals.create");
    const r = req(method, {
      params: { parent: "zoos/z1", animalId: "a 1" },
      body: { name: "Leo" },
      media: { fileName: "leo.png", mimeType: "image/png" },
    });
    expect(validateRequest(api, method, r)).toEqual([]);
    const spec = buildHttpRequest(api, method, r);
    expect(spec.url).toBe(
      "https://zoo.googleapis.com/upload/zoo/v1/v1/zoos/z1/animals?animalId=a%201&uploadType=multipart",
    );
    expect(spec.headers).toEqual({
      "content-type": `multipart/related; boundary=${MULTIPART_BOUNDARY}`,
      authorization: `Bearer ${ACCESS_TOKEN_PLACEHOLDER}`,
    });
    expect(
      validateRequest(api, method, { ...r, media: { fileName: "a.txt", mimeType: "text/plain" } }),
    ).toEqual([
      {
        param: "media",
        code: "media",
        message:
          "zoo.zoos.animals.create does not accept files of type text/plain; use one of image/*, video/mp4.",
      },
    ]);
  });

  it("animals.list: repeated enum, int64/uint64, hyphenated names, pattern on {+parent}", () => {
    const method = m("zoo.zoos.animals.list");
    const good = req(method, {
      params: {
        parent: "zoos/z1",
        species: ["LION", "DODO"],
        minWeightGrams: "-9223372036854775808",
        maxWeightGrams: "18446744073709551615",
        "max-results": 10,
        showDeleted: true,
      },
    });
    expect(validateRequest(api, method, good)).toEqual([]);
    // Query order = method.parameters order: path first, then query parameters alphabetically (model.ts).
    expect(buildHttpRequest(api, method, good).url).toBe(
      "https://zoo.googleapis.com/zoo/v1/v1/zoos/z1/animals?max-results=10&maxWeightGrams=18446744073709551615" +
        "&minWeightGrams=-9223372036854775808&showDeleted=true&species=LION&species=DODO",
    );
    const bad = req(method, { params: { parent: "zoo/z1", species: ["lion"], maxWeightGrams: "-1" } });
    expect(validateRequest(api, method, bad).map((i) => [i.param, i.code])).toEqual([
      ["parent", "pattern"],
      ["maxWeightGrams", "type"],
      ["species", "enum"],
    ]);
  });

  it("tokeninfo sends its own access_token parameter", () => {
    const method = m("zoo.tokeninfo");
    const spec = buildHttpRequest(api, method, req(method, { params: { access_token: "t", id_token: "j" } }));
    expect(spec.url).toBe("https://zoo.googleapis.com/zoo/v1/zoo/v1/tokeninfo?access_token=t&id_token=j");
  });

  it("keepers.return: the {keeperId} variable is a path parameter", () => {
    const method = m("zoo.keepers.return");
    expect(buildHttpRequest(api, method, req(method, { params: { keeperId: "k/1" } })).url).toBe(
      "https://zoo.googleapis.com/zoo/v1/keepers/k%2F1:return",
    );
    expect(validateRequest(api, method, req(method, {}))).toEqual([
      { param: "keeperId", code: "required", message: '"keeperId" is required.' },
    ]);
  });

  it("oddities.echo: enum hint, float bounds, object/any unchecked", () => {
    const method = m("zoo.oddities.echo");
    expect(
      validateRequest(
        api,
        method,
        req(method, { params: { id: "1", colour: "red", ratio: 2, filter: "x", anything: true } }),
      ),
    ).toEqual([
      {
        param: "colour",
        code: "enum",
        message: '"colour" must be one of "RED", "GREEN", "BLUE" (got "red"). Did you mean "RED"?',
      },
      { param: "ratio", code: "maximum", message: '"ratio" must be at most 1.5 (got 2).' },
    ]);
  });

  it("zoos.get suggests the readonly scope", () => {
    expect(defaultRequest(api, m("zoo.zoos.get")).auth).toEqual({
      type: "oauth",
      scopes: ["https://www.googleapis.com/auth/zoo.readonly"],
    });
  });
});
