import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { SNAPSHOT_DIR, SNAPSHOT_SKIP_REASON } from "../discovery/__fixtures__/real-snapshot";
import { buildApiModel, findMethod } from "../discovery/model";
import type { ApiModel } from "../discovery/model-types";
import { parseDiscoveryDocument } from "../discovery/validate";
import { checkFieldPaths, checkFieldSelections } from "./check";
import {
  bodyPaths,
  documentedMaskValues,
  maskTree,
  parseFieldMask,
  printFieldMask,
  printMaskTree,
} from "./field-mask";
import { parseFields } from "./partial-response";
import { graphIndex, schemaGraph, type SchemaGraph } from "./schema-graph";

/** Animal.parent → Animal and Keeper → Animal → Keeper: the cycles real documents have. */
const zoo = {
  schemas: {
    AnimalList: {
      type: "object",
      properties: {
        nextPageToken: { type: "string" },
        animals: { type: "array", items: { $ref: "Animal" } },
      },
    },
    Animal: {
      type: "object",
      properties: {
        name: { type: "string" },
        parent: { $ref: "Animal" },
        keeper: { $ref: "Keeper" },
        labels: { type: "object", additionalProperties: { type: "string" } },
        extra: { type: "object" },
        tags: { type: "array", items: { type: "string" } },
      },
    },
    Keeper: { type: "object", properties: { name: { type: "string" }, favourite: { $ref: "Animal" } } },
  },
} as unknown as Pick<ApiModel, "schemas">;

/** A map of objects (compute's aggregated lists: `items` keyed by scope). */
const regions = {
  schemas: {
    RegionMap: {
      type: "object",
      properties: {
        kind: { type: "string" },
        items: { type: "object", additionalProperties: { $ref: "Scoped" } },
      },
    },
    Scoped: { type: "object", properties: { zones: { type: "array", items: { $ref: "Zone" } } } },
    Zone: { type: "object", properties: { name: { type: "string" }, size: { type: "integer" } } },
  },
} as unknown as Pick<ApiModel, "schemas">;

const graphOf = (api: Pick<ApiModel, "schemas">, root: string): SchemaGraph => {
  const g = schemaGraph(api, root, (s) => s);
  if (g === undefined) throw new Error(`no ${root}`);
  return g;
};

function fieldIssues(graph: SchemaGraph, text: string) {
  const parsed = parseFields(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const index = graphIndex(graph);
  return checkFieldSelections(index, { type: "object", ref: graph.root }, parsed.selections, graph.root);
}

describe("schema graph", () => {
  it("holds each reachable schema once, cycles included, and nothing unreachable", () => {
    const g = graphOf(zoo, "Keeper");
    expect(g.schemas.map(([n]) => n).sort()).toEqual(["Animal", "Keeper"]);
  });

  it("is undefined for a schema the document lacks", () => {
    expect(schemaGraph(zoo, "Nope", (s) => s)).toBeUndefined();
  });
});

describe("checking `fields` against a cyclic schema", () => {
  const g = graphOf(zoo, "AnimalList");

  it("accepts paths that go round the cycle, through arrays, maps and free-form objects", () => {
    expect(
      fieldIssues(
        g,
        "nextPageToken,animals(name,parent/parent/keeper/favourite/name,labels/any,extra/x/y,*)",
      ),
    ).toEqual([]);
  });

  it("flags an unknown field with its position, deep in the cycle too", () => {
    const text = "animals(name,parent/keeper/nmae)";
    const issues = fieldIssues(g, text);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toMatch(/Unknown field "nmae" in "keeper" \(position 28\)/);
    expect(text.slice(issues[0]?.start, issues[0]?.end)).toBe("nmae");
  });

  it("flags a sub-field of a scalar", () => {
    expect(fieldIssues(g, "nextPageToken/x")[0]?.message).toMatch(/"nextPageToken" is a string/);
    expect(fieldIssues(g, "animals/tags/x")[0]?.message).toMatch(/"tags" is a string/);
  });

  it("`*` in a map selects every key's value, and what follows it is checked against the value schema", () => {
    const m = graphOf(regions, "RegionMap");
    expect(fieldIssues(m, "items/*/zones(name,size),items/us-east1/zones/name,kind")).toEqual([]);
    const issues = fieldIssues(m, "items/*/zones/nmae");
    expect(issues.map((i) => i.message)).toEqual(['Unknown field "nmae" in "zones" (position 15).']);
    // `*` on an object with declared fields is "all of them": nothing below it is checked.
    expect(fieldIssues(m, "*/anything")).toEqual([]);
  });

  it("reports every unknown field, not only the first", () => {
    expect(fieldIssues(g, "a,animals(b,name),c").map((i) => i.start)).toEqual([0, 10, 18]);
  });
});

describe("field masks", () => {
  const g = graphOf(zoo, "Animal");
  const index = graphIndex(g);
  const root = { type: "object", ref: "Animal" } as const;

  it("parses comma-separated dotted paths with positions", () => {
    const parsed = parseFieldMask("name,keeper.name");
    expect(parsed.ok && parsed.paths.map((p) => p.map((n) => [n.name, n.start]))).toEqual([
      [["name", 0]],
      [
        ["keeper", 5],
        ["name", 12],
      ],
    ]);
    expect(parseFieldMask("name,,keeper")).toMatchObject({ ok: false, error: { position: 5 } });
    expect(parseFieldMask("name,keeper.")).toMatchObject({ ok: false, error: { position: 12 } });
    expect(parseFieldMask("a b")).toMatchObject({ ok: false });
  });

  it("flags unknown paths", () => {
    const parsed = parseFieldMask("name,keeper.nam,parent.parent.name");
    if (!parsed.ok) throw new Error("parse");
    const issues = checkFieldPaths(index, root, parsed.paths, "Animal");
    expect(issues.map((i) => i.message)).toEqual(['Unknown field "nam" in "keeper" (position 13).']);
  });

  it("lists the fields present in a body: objects descended into, maps and lists whole", () => {
    const body = { name: "Rex", keeper: { name: "Ann" }, labels: { a: "b" }, tags: ["x"], extra: { q: 1 } };
    expect(printFieldMask(bodyPaths(index, root, body))).toBe("name,keeper.name,labels,tags,extra");
    expect(bodyPaths(index, root, null)).toEqual([]);
  });

  it("ticks in a mask tree print back as dotted paths, merged", () => {
    const t = maskTree("name,keeper.name,keeper,parent.name");
    expect(t && printMaskTree(t)).toBe("name,keeper,parent.name");
    expect(maskTree("a,,b")).toBeNull();
  });

  it("reads a closed set of values from a People-API-style description", () => {
    expect(
      documentedMaskValues(
        "Required. A field mask. Multiple fields can be specified by separating them with commas. Valid values are: * addresses * ageRanges * names",
      ),
    ).toEqual(["addresses", "ageRanges", "names"]);
    expect(documentedMaskValues("Required. The list of fields to update.")).toEqual([]);
  });
});

describe.skipIf(!SNAPSHOT_DIR)(`real documents${SNAPSHOT_SKIP_REASON}`, () => {
  const load = (file: string) => {
    const parsed = parseDiscoveryDocument(readFileSync(join(SNAPSHOT_DIR ?? "", file), "utf8"), file);
    if (!parsed.ok) throw new Error(file);
    return buildApiModel(parsed.doc);
  };

  it("drive FileList: the documented selections pass, a typo is caught", () => {
    const g = graphOf(load("drive.v3.json"), "FileList");
    expect(
      fieldIssues(g, "nextPageToken,files(id,name,mimeType,owners/emailAddress,permissions(role))"),
    ).toEqual([]);
    expect(fieldIssues(g, "files(id,nmae)")[0]?.start).toBe(9);
  });

  it("compute Instance: each reachable schema once despite its size and cycles", () => {
    // (Its open time is a benchmark figure, printed by the UI benchmark, not asserted here.)
    const g = graphOf(load("compute.v1.json"), "Instance");
    const names = g.schemas.map(([n]) => n);
    expect(names.length).toBeGreaterThan(10);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(["Instance", "NetworkInterface", "AccessConfig"]));
  });

  it("compute aggregated lists: a map of scoped lists, selected through *", () => {
    const g = graphOf(load("compute.v1.json"), "InstanceAggregatedList");
    expect(fieldIssues(g, "items/*/instances(name,status),nextPageToken")).toEqual([]);
    expect(fieldIssues(g, "items/*/instances/stauts")[0]?.message).toMatch(
      /Unknown field "stauts" in "instances"/,
    );
  });

  it("People personFields lists its closed set of values", () => {
    const api = load("people.v1.json");
    const method = findMethod(api, "people.people.get");
    const p = method?.parameters.find((x) => x.name === "personFields");
    expect(documentedMaskValues(p?.description ?? "")).toContain("emailAddresses");
  });
});
