import { describe, expect, it } from "vitest";

import { zooApi } from "./__fixtures__/load-zoo";
import { bodySchemaFor, bodySchemaUrl } from "./body-schema";
import { toJsonSchema } from "./schema";

describe("bodySchemaFor", () => {
  const api = zooApi();

  it("gives the JSON Schema of the method's request body, the same one the page used to embed", () => {
    const r = bodySchemaFor(api, "zoo.zoos.animals.create");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.schema).toEqual(toJsonSchema(api, "Animal", "zoo.zoos.animals.create"));
    expect(JSON.stringify(r.schema)).toContain('"properties"');
  });

  it("handles a cyclic request schema (zoo's NodeA ↔ NodeB)", () => {
    const r = bodySchemaFor(api, "zoo.-.lookup");
    expect(r.ok).toBe(true);
    if (r.ok) expect(() => JSON.stringify(r.schema)).not.toThrow();
  });

  it("answers 404 with a reason for a method without a body or an unknown method", () => {
    expect(bodySchemaFor(api, "zoo.zoos.get")).toEqual({
      ok: false,
      status: 404,
      error: "zoo.zoos.get takes no request body.",
    });
    expect(bodySchemaFor(api, "zoo.nope.create")).toEqual({
      ok: false,
      status: 404,
      error: "zoo v1 has no method zoo.nope.create.",
    });
  });
});

describe("bodySchemaUrl", () => {
  it("names the method, escapes each part and carries the document revision", () => {
    expect(bodySchemaUrl({ name: "zoo", version: "v1", revision: "20260101" }, "zoo.-.lookup")).toBe(
      "/api/body-schema/zoo/v1/zoo.-.lookup?rev=20260101",
    );
    expect(bodySchemaUrl({ name: "a b", version: "v1/2", revision: null }, "x?y")).toBe(
      "/api/body-schema/a%20b/v1%2F2/x%3Fy",
    );
  });
});
