import { describe, expect, it } from "vitest";

import type { ApiModel } from "../discovery/model-types";
import { method, param } from "../request/__fixtures__/models";
import type { ExplorerRequest } from "../request/types";
import { selectionIssues, selectionRoot, selectionTarget } from "./param-issues";
import { schemaGraph, type SchemaGraph } from "./schema-graph";

const schemas = {
  schemas: {
    ProductList: {
      type: "object",
      properties: {
        products: { type: "array", items: { $ref: "Product" } },
        nextPageToken: { type: "string" },
      },
    },
    Product: {
      type: "object",
      properties: { name: { type: "string" }, price: { $ref: "Price" }, parent: { $ref: "Product" } },
    },
    Price: { type: "object", properties: { amount: { type: "number" }, currency: { type: "string" } } },
    Operation: { type: "object", properties: { done: { type: "boolean" }, metadata: { type: "object" } } },
  },
} as unknown as Pick<ApiModel, "schemas">;
const graph = (root: string): SchemaGraph => schemaGraph(schemas, root, (s) => s) as SchemaGraph;

const fields = param("fields", { standard: true });
const updateMask = param("updateMask", { format: "google-fieldmask" });
const readMask = param("readMask", { format: "google-fieldmask" });
const personFields = param("personFields", {
  format: "google-fieldmask",
  description: "Required. A field mask. Valid values are: * names * emailAddresses",
});
const list = method("shop.products.list", { responseSchema: "ProductList", parameters: [readMask] });
const patch = method("shop.products.patch", {
  httpMethod: "PATCH",
  requestSchema: "Product",
  responseSchema: "Operation",
  parameters: [updateMask],
});
const req = (params: Record<string, string>): ExplorerRequest =>
  ({
    api: "shop",
    version: "v1",
    methodId: "x",
    params,
    body: null,
    auth: { kind: "none" },
  }) as unknown as ExplorerRequest;

describe("which parameters select fields", () => {
  it("fields selects in the response; an update mask on PATCH in the body; a read mask in what is read", () => {
    expect(selectionTarget(list, fields)).toEqual({ kind: "fields", side: "response" });
    expect(selectionTarget(patch, updateMask)).toEqual({ kind: "mask", side: "request" });
    expect(selectionTarget(list, readMask)).toEqual({ kind: "mask", side: "response" });
    expect(selectionTarget(list, param("pageToken"))).toBeNull();
    expect(selectionTarget(method("x.y.delete"), fields)).toBeNull();
  });

  it("a read mask of a list response starts at the listed resource; an Operation is not checked", () => {
    expect(selectionRoot(graph("ProductList"), "mask", "response")?.ref).toBe("Product");
    expect(selectionRoot(graph("ProductList"), "fields", "response")?.ref).toBe("ProductList");
    expect(selectionRoot(graph("Operation"), "mask", "response")).toBeNull();
  });
});

describe("request issues of selection parameters", () => {
  it("flags a syntax error before the schema has loaded, with its position", () => {
    const issues = selectionIssues(list, [fields], req({ fields: "products(name" }), {});
    expect(issues).toEqual([
      {
        param: "fields",
        code: "pattern",
        message: '"fields": The "(" at position 9 is never closed. (position 14)',
      },
    ]);
  });

  it("flags unknown fields once the response schema is there", () => {
    const g = { response: graph("ProductList") };
    expect(
      selectionIssues(list, [fields], req({ fields: "products(name,price/amount),nextPageToken" }), g),
    ).toEqual([]);
    expect(
      selectionIssues(list, [fields], req({ fields: "products(nmae)" }), g).map((i) => i.message),
    ).toEqual(['"fields": Unknown field "nmae" in "products" (position 10).']);
  });

  it("checks an update mask against the body schema and a read mask against the listed resource", () => {
    const g = { request: graph("Product"), response: graph("ProductList") };
    expect(selectionIssues(patch, [updateMask], req({ updateMask: "name,price.amount" }), g)).toEqual([]);
    expect(
      selectionIssues(patch, [updateMask], req({ updateMask: "name,price.amout" }), g)[0]?.message,
    ).toMatch(/Unknown field "amout"/);
    expect(selectionIssues(list, [readMask], req({ readMask: "name,parent.price" }), g)).toEqual([]);
    expect(selectionIssues(list, [readMask], req({ readMask: "products" }), g)).toHaveLength(1);
  });

  it("a documented closed set of mask values is the check (People API)", () => {
    const get = method("people.people.get", { responseSchema: "Product", parameters: [personFields] });
    expect(selectionIssues(get, [personFields], req({ personFields: "names,emailAddresses" }), {})).toEqual(
      [],
    );
    expect(selectionIssues(get, [personFields], req({ personFields: "names,phones" }), {})[0]?.message).toBe(
      '"personFields": "phones" (position 7) is not one of the documented values.',
    );
  });

  it("a value the schema must check is flagged as unchecked until the schema is there, never passed silently", () => {
    expect(selectionIssues(list, [fields], req({ fields: "products(name)" }), {})).toEqual([
      {
        param: "fields",
        code: "unchecked",
        message: '"fields": checking the fields against the response schema…',
      },
    ]);
    expect(selectionIssues(patch, [updateMask], req({ updateMask: "name" }), {})[0]?.message).toBe(
      '"updateMask": checking the fields against the request body schema…',
    );
    const failed = selectionIssues(list, [fields], req({ fields: "products(name)" }), {
      failed: { response: "The schema answered 502." },
    });
    expect(failed.map((i) => [i.code, i.message])).toEqual([
      [
        "unchecked",
        '"fields": the fields could not be checked, the response schema did not load (The schema answered 502.). Reload the page, or clear "fields".',
      ],
    ]);
    // Loaded: the check itself answers (and a syntax error needs no schema, so it is not "unchecked" too).
    expect(
      selectionIssues(list, [fields], req({ fields: "products(name)" }), { response: graph("ProductList") }),
    ).toEqual([]);
    expect(selectionIssues(list, [fields], req({ fields: "products(" }), {}).map((i) => i.code)).toEqual([
      "pattern",
    ]);
  });

  it("an empty value raises nothing", () => {
    expect(selectionIssues(list, [fields, readMask], req({ fields: "" }), {})).toEqual([]);
  });
});
