import { describe, expect, it } from "vitest";
import { zooApi } from "./__fixtures__/load-zoo";
import { resolveRef, schemaTree, toJsonSchema, type SchemaTreeNode } from "./schema";

const api = zooApi();
const prop = (node: SchemaTreeNode | undefined, key: string) => {
  const p = node?.properties?.find((x) => x.key === key);
  if (!p) throw new Error(`no property ${key}`);
  return p.node;
};

describe("resolveRef", () => {
  it.each([
    ["Animal", "Animal"],
    ["Nope", undefined],
    ["constructor", undefined],
    ["__proto__", undefined],
  ])("%s", (name, wantId) => expect(resolveRef(api, name)?.id).toBe(wantId));
});

describe("schemaTree", () => {
  const animal = schemaTree(api, "Animal", { methodId: "zoo.zoos.animals.create" })!;

  it("builds the root with properties in document order", () => {
    expect(animal).toMatchObject({
      name: "Animal",
      type: "object",
      description: "An animal living in the zoo.",
    });
    expect(animal.properties!.map((p) => p.key)).toEqual([
      "name",
      "etag",
      "kind",
      "species",
      "weightGrams",
      "legCount",
      "heightMeters",
      "createTime",
      "tags",
      "labels",
      "keeper",
      "parent",
      "offspring",
      "legacyCode",
      "metadata",
    ]);
  });

  const cases: [string, { key: string; want: Partial<SchemaTreeNode> }][] = [
    ["required for this method", { key: "name", want: { type: "string", required: true } }],
    ["readOnly", { key: "etag", want: { readOnly: true, required: false } }],
    ["int64 format", { key: "weightGrams", want: { type: "string", format: "int64" } }],
    ["deprecated field", { key: "legacyCode", want: { deprecated: true } }],
    [
      "self reference is a cycle",
      {
        key: "parent",
        want: {
          name: "Animal",
          cycle: "Animal",
          type: "object",
          description: "Self reference: the animal's mother, if she lives in the zoo.",
        },
      },
    ],
  ];
  it.each(cases)("%s", (_n, { key, want }) => expect(prop(animal, key)).toMatchObject(want));

  it("zips enum values", () => {
    expect(prop(animal, "species").enum![3]).toEqual({
      value: "DODO",
      description: "Raphus cucullatus; extinct.",
      deprecated: true,
    });
  });

  it("expands items and additionalProperties", () => {
    expect(prop(animal, "tags").items).toMatchObject({ type: "string" });
    expect(prop(animal, "labels").additionalProperties).toMatchObject({ type: "string" });
    expect(prop(animal, "metadata").additionalProperties).toMatchObject({ type: "any" });
    expect(prop(animal, "offspring").items).toMatchObject({ name: "Animal", cycle: "Animal" });
  });

  it("stops at mutual recursion A → B → A", () => {
    const a = schemaTree(api, "NodeA")!;
    const b = prop(a, "b");
    expect(b).toMatchObject({ name: "NodeB", type: "object" });
    expect(prop(b, "a")).toMatchObject({ name: "NodeA", cycle: "NodeA" });
    expect(prop(b, "value")).toMatchObject({ type: "string" });
  });

  it("expands a repeated ref on sibling branches (only the current branch counts as a cycle)", () => {
    const keeper = prop(animal, "keeper");
    expect(keeper.name).toBe("Keeper");
    expect(prop(keeper, "displayName").required).toBe(true);
    expect(prop(keeper, "favourites").items).toMatchObject({ cycle: "Animal" });
    expect(prop(keeper, "shifts").additionalProperties).toMatchObject({ name: "Shift" });
    expect(prop(prop(keeper, "shifts").additionalProperties, "start").format).toBe("google-duration");
  });

  it("respects maxDepth", () => {
    const shallow = schemaTree(api, "Animal", { maxDepth: 0 })!;
    expect(shallow).toMatchObject({ truncated: true });
    expect(shallow.properties).toBeUndefined();
    const one = schemaTree(api, "Animal", { maxDepth: 1 })!;
    expect(prop(one, "keeper")).toMatchObject({ name: "Keeper", truncated: true });
    expect(prop(one, "name").truncated).toBeUndefined();
  });

  it("is plain serialisable data and undefined for unknown schemas", () => {
    expect(JSON.parse(JSON.stringify(animal))).toEqual(animal);
    expect(schemaTree(api, "Nope")).toBeUndefined();
    expect(schemaTree(api, "Animal")!.properties![0]!.node.required).toBe(false);
  });

  it("marks a dangling $ref rather than throwing", () => {
    const t = schemaTree({ schemas: { A: { type: "object", properties: { x: { $ref: "Gone" } } } } }, "A")!;
    expect(prop(t, "x")).toMatchObject({ missingRef: "Gone", type: "any" });
  });
});

describe("toJsonSchema", () => {
  it("puts every reachable schema in definitions once and refers to them", () => {
    const js = toJsonSchema(api, "Animal", "zoo.zoos.animals.create")!;
    expect(js.$ref).toBe("#/definitions/Animal");
    expect(Object.keys(js.definitions as object).sort()).toEqual(["Animal", "Keeper", "Shift"]);
    const animal = (
      js.definitions as Record<string, { properties: Record<string, unknown>; required: string[] }>
    ).Animal!;
    expect(animal.required).toEqual(["name"]);
    expect(animal.properties.etag).toEqual({
      description: "Output only. Entity tag.",
      readOnly: true,
      type: "string",
    });
    expect(animal.properties.parent).toEqual({
      description: "Self reference: the animal's mother, if she lives in the zoo.",
      allOf: [{ $ref: "#/definitions/Animal" }],
    });
    expect(animal.properties.offspring).toMatchObject({
      type: "array",
      items: { $ref: "#/definitions/Animal" },
    });
    expect(animal.properties.metadata).toEqual({
      description: "Arbitrary JSON.",
      type: "object",
      additionalProperties: { description: "Properties of the object." },
    });
    expect(animal.properties.species).toMatchObject({
      enum: ["SPECIES_UNSPECIFIED", "LION", "OKAPI", "DODO"],
    });
    expect(animal.properties.weightGrams).toEqual({
      description: "Weight in grams.",
      type: "string",
      format: "int64",
    });
  });

  it("uses annotations.required only for the given method", () => {
    const defs = (id?: string) =>
      toJsonSchema(api, "Keeper", id)!.definitions as Record<string, { required?: string[] }>;
    expect(defs("zoo.keepers.import").Keeper!.required).toEqual(["displayName"]);
    expect(defs("zoo.keepers.update").Keeper!.required).toBeUndefined();
    expect(defs().Keeper!.required).toBeUndefined();
    expect(defs("zoo.zoos.animals.create").Animal!.required).toEqual(["name"]);
  });

  it("handles mutual recursion and unknown names", () => {
    const js = toJsonSchema(api, "NodeA")!;
    expect(js.definitions).toEqual({
      NodeA: {
        description: "Mutual recursion A → B → A.",
        type: "object",
        properties: { b: { $ref: "#/definitions/NodeB" } },
      },
      NodeB: {
        type: "object",
        properties: { a: { $ref: "#/definitions/NodeA" }, value: { type: "string" } },
      },
    });
    expect(toJsonSchema(api, "Nope")).toBeUndefined();
    expect(JSON.parse(JSON.stringify(js))).toEqual(js);
  });
});
